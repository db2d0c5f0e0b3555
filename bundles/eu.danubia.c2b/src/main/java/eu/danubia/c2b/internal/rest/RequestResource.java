package eu.danubia.c2b.internal.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import eu.danubia.c2b.internal.AnswerInput;
import eu.danubia.c2b.internal.C2bService;
import eu.danubia.c2b.internal.RequestInput;
import eu.danubia.c2b.internal.ServiceRequest;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/c2b/requests}: service requests and membership applications, and their answers. */
@Component(service = RequestResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("c2b/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private static final String WHAT = "Request";

    private final C2bService c2b;

    @Activate
    public RequestResource(@Reference C2bService c2b) {
        this.c2b = c2b;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Context SecurityContext security, @Context UriInfo uri, RequestInput body) {
        ServiceRequest created = c2b.submit(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** {@code box=in} (to the caller's clusters) or {@code out} (the caller's organisation's); without it both. */
    @GET
    public List<ServiceRequest> list(@Context SecurityContext security, @QueryParam("box") String box) {
        return c2b.requests(RequestCaller.required(security), Params.enumValue("box", box, ServiceRequest.Box.class));
    }

    @GET
    @Path("{id}")
    public ServiceRequest get(@Context SecurityContext security, @PathParam("id") String id) {
        return c2b.request(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceRequest accept(@Context SecurityContext security, @PathParam("id") String id, AnswerInput body) {
        return c2b.accept(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceRequest decline(@Context SecurityContext security, @PathParam("id") String id, AnswerInput body) {
        return c2b.decline(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceRequest withdraw(@Context SecurityContext security, @PathParam("id") String id, AnswerInput body) {
        return c2b.withdraw(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }
}
