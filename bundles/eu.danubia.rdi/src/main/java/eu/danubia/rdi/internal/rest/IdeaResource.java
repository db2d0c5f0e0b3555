package eu.danubia.rdi.internal.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
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

import eu.danubia.api.Page;
import eu.danubia.rdi.internal.Application;
import eu.danubia.rdi.internal.ApplicationInput;
import eu.danubia.rdi.internal.CallRecommendation;
import eu.danubia.rdi.internal.Consortium;
import eu.danubia.rdi.internal.Idea;
import eu.danubia.rdi.internal.IdeaInput;
import eu.danubia.rdi.internal.IdeaStatus;
import eu.danubia.rdi.internal.RdiService;
import eu.danubia.rdi.internal.RoleKind;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/rdi/ideas}: HTTP mapping only; the rules are in {@link RdiService}. */
@Component(service = IdeaResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("rdi/ideas")
@Produces(MediaType.APPLICATION_JSON)
public class IdeaResource {

    private static final String WHAT = "Project idea";

    private final RdiService rdi;

    @Activate
    public IdeaResource(@Reference RdiService rdi) {
        this.rdi = rdi;
    }

    @GET
    public Page<Idea> list(@Context SecurityContext security, @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("country") String country, @QueryParam("role") String role,
            @QueryParam("mine") String mine, @QueryParam("page") String page, @QueryParam("size") String size) {
        return rdi.ideas(RequestCaller.of(security), Params.enumValue("status", status, IdeaStatus.class), q, country,
                Params.enumValue("role", role, RoleKind.class), "true".equalsIgnoreCase(mine), Params.page(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, IdeaInput body) {
        Idea created = rdi.createIdea(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Idea get(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.idea(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Idea update(@Context SecurityContext security, @PathParam("id") String id, IdeaInput body) {
        return rdi.updateIdea(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }

    @POST
    @Path("{id}/publish")
    public Idea publish(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.publish(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/close")
    public Idea close(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.close(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @GET
    @Path("{id}/consortium")
    public Consortium consortium(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.consortium(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @GET
    @Path("{id}/calls")
    public List<CallRecommendation> calls(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.recommendedCalls(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@Context SecurityContext security, @Context UriInfo uri, @PathParam("id") String id,
            ApplicationInput body) {
        Application created = rdi.apply(RequestCaller.required(security), Params.pathId(id, WHAT), body);
        return Response.created(uri.getBaseUriBuilder().path("rdi/applications").path(created.id().toString()).build())
                .entity(created).build();
    }
}
