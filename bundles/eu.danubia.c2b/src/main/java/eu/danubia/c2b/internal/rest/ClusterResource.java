package eu.danubia.c2b.internal.rest;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.c2b.internal.C2bService;
import eu.danubia.c2b.internal.Member;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/c2b/clusters}: a cluster as the C2B pages need it, and its member list for the cluster's admins. */
@Component(service = ClusterResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("c2b/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private static final String WHAT = "Cluster";

    private final C2bService c2b;

    @Activate
    public ClusterResource(@Reference C2bService c2b) {
        this.c2b = c2b;
    }

    @GET
    @Path("{id}")
    public C2bService.ClusterInfo get(@Context SecurityContext security, @PathParam("id") String id) {
        return c2b.cluster(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @GET
    @Path("{id}/members")
    public List<Member> members(@Context SecurityContext security, @PathParam("id") String id) {
        return c2b.members(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @DELETE
    @Path("{id}/members/{organisationId}")
    public Response remove(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("organisationId") String organisationId) {
        c2b.removeMember(RequestCaller.required(security), Params.pathId(id, WHAT), Params.pathId(organisationId, "Member"));
        return Response.noContent().build();
    }
}
