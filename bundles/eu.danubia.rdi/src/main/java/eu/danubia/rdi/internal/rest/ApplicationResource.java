package eu.danubia.rdi.internal.rest;

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

import eu.danubia.rdi.internal.Application;
import eu.danubia.rdi.internal.RdiService;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/rdi/applications}: the inbox and outbox of applications, and their answers. */
@Component(service = ApplicationResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("rdi/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private static final String WHAT = "Application";

    private final RdiService rdi;

    @Activate
    public ApplicationResource(@Reference RdiService rdi) {
        this.rdi = rdi;
    }

    /** {@code box=inbox} or {@code outbox}; without it both, each item saying which it is. */
    @GET
    public List<Application> list(@Context SecurityContext security, @QueryParam("box") String box) {
        return rdi.applications(RequestCaller.required(security), Params.enumValue("box", box, Application.Box.class));
    }

    @GET
    @Path("{id}")
    public Application get(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.application(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/accept")
    public Application accept(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.accept(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/decline")
    public Application decline(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.decline(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/withdraw")
    public Application withdraw(@Context SecurityContext security, @PathParam("id") String id) {
        return rdi.withdraw(RequestCaller.required(security), Params.pathId(id, WHAT));
    }
}
