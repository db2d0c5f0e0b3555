package eu.danubia.c2b.internal.rest;

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

import eu.danubia.c2b.internal.C2bService;
import eu.danubia.c2b.internal.ClusterService;
import eu.danubia.c2b.internal.ServiceCategory;
import eu.danubia.c2b.internal.ServiceInput;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/c2b/services}: HTTP mapping only; the rules are in {@link C2bService}. */
@Component(service = ServiceResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("c2b/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private static final String WHAT = "Service";

    private final C2bService c2b;

    @Activate
    public ServiceResource(@Reference C2bService c2b) {
        this.c2b = c2b;
    }

    /** Published services of the visible clusters; {@code mine=true}: the services the caller manages, every status. */
    @GET
    public List<ClusterService> list(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("category") String category, @QueryParam("country") String country,
            @QueryParam("cluster") String cluster, @QueryParam("mine") String mine) {
        return c2b.services(RequestCaller.of(security), Filters.services(q,
                Params.enumValue("category", category, ServiceCategory.class), country, Params.queryId("cluster", cluster)),
                Filters.flag("mine", mine));
    }

    @GET
    @Path("{id}")
    public ClusterService get(@Context SecurityContext security, @PathParam("id") String id) {
        return c2b.service(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, ServiceInput body) {
        ClusterService created = c2b.createService(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterService update(@Context SecurityContext security, @PathParam("id") String id, ServiceInput body) {
        return c2b.updateService(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }

    /** Archives: the service leaves the catalogue, its requests stay. */
    @DELETE
    @Path("{id}")
    public Response archive(@Context SecurityContext security, @PathParam("id") String id) {
        c2b.archiveService(RequestCaller.required(security), Params.pathId(id, WHAT));
        return Response.noContent().build();
    }
}
