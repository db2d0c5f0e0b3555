package eu.danubia.directory.internal.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Cluster;
import eu.danubia.api.Membership;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Page;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/clusters} and their members: HTTP mapping only; the rules are in {@link DirectoryService}. */
@Component(service = ClusterResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

    /** Optional body of {@code PUT /api/clusters/{id}/members/{organisationId}}. */
    public record MemberBody(LocalDate since) {
    }

    private final DirectoryService directory;

    @Activate
    public ClusterResource(@Reference DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    public Page<Cluster> list(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("country") String country, @QueryParam("nace") String nace,
            @QueryParam("associationId") String associationId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ClusterFilter filter = new ClusterFilter(q, country, nace, Params.queryId("associationId", associationId));
        return directory.clusters(RequestCaller.of(security), filter, Params.page(page, size));
    }

    @GET
    @Path("{id}")
    public Cluster get(@Context SecurityContext security, @PathParam("id") String id) {
        return directory.cluster(RequestCaller.of(security), Params.pathId(id, "Cluster"))
                .orElseThrow(() -> new NotFoundException("Cluster"));
    }

    @GET
    @Path("{id}/members")
    public List<Membership> members(@Context SecurityContext security, @PathParam("id") String id) {
        return directory.members(RequestCaller.of(security), Params.pathId(id, "Cluster"));
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, Cluster body) {
        Cluster created = directory.createCluster(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public Cluster update(@Context SecurityContext security, @PathParam("id") String id, Cluster body) {
        return directory.updateCluster(RequestCaller.required(security), Params.pathId(id, "Cluster"), body);
    }

    @PUT
    @Path("{id}/members/{organisationId}")
    public Response addMember(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("organisationId") String organisationId, MemberBody body) {
        directory.addMember(RequestCaller.required(security), Params.pathId(id, "Cluster"),
                Params.pathId(organisationId, "Organisation"), body == null ? null : body.since());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/members/{organisationId}")
    public Response removeMember(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("organisationId") String organisationId) {
        directory.removeMember(RequestCaller.required(security), Params.pathId(id, "Cluster"),
                Params.pathId(organisationId, "Organisation"));
        return Response.noContent().build();
    }
}
