package eu.danubia.b2b.internal.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.b2b.internal.B2bService;
import eu.danubia.b2b.internal.Interest;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/b2b/interests}: the inbox and outbox of expressions of interest, and their answers. */
@Component(service = InterestResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("b2b/interests")
@Produces(MediaType.APPLICATION_JSON)
public class InterestResource {

    private static final String WHAT = "Expression of interest";

    private final B2bService b2b;

    @Activate
    public InterestResource(@Reference B2bService b2b) {
        this.b2b = b2b;
    }

    /** {@code box=inbox} or {@code outbox}; without it both, each item saying which it is. */
    @GET
    public List<Interest> list(@Context SecurityContext security, @QueryParam("box") String box) {
        return b2b.interests(RequestCaller.required(security), Params.enumValue("box", box, Interest.Box.class));
    }

    @GET
    @Path("{id}")
    public Interest get(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.interest(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/accept")
    public Interest accept(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.accept(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/decline")
    public Interest decline(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.decline(RequestCaller.required(security), Params.pathId(id, WHAT));
    }
}
