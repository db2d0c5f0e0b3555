package eu.danubia.c2c.internal.rest;

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

import eu.danubia.c2c.internal.C2cService;
import eu.danubia.c2c.internal.Proposal;
import eu.danubia.c2c.internal.ProposalInput;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/c2c/proposals}: partnership proposals between clusters and their workflow. */
@Component(service = ProposalResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("c2c/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private static final String WHAT = "Proposal";

    private final C2cService c2c;

    @Activate
    public ProposalResource(@Reference C2cService c2c) {
        this.c2c = c2c;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, ProposalInput body) {
        Proposal created = c2c.propose(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** {@code box=in} or {@code out}; without it both, each item saying which it is. */
    @GET
    public List<Proposal> list(@Context SecurityContext security, @QueryParam("box") String box) {
        return c2c.proposals(RequestCaller.required(security), Params.enumValue("box", box, Proposal.Box.class));
    }

    @GET
    @Path("{id}")
    public Proposal get(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.proposal(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/accept")
    public Proposal accept(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.accept(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/decline")
    public Proposal decline(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.decline(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/start")
    public Proposal start(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.start(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/end")
    public Proposal end(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.end(RequestCaller.required(security), Params.pathId(id, WHAT));
    }

    @POST
    @Path("{id}/withdraw")
    public Proposal withdraw(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.withdraw(RequestCaller.required(security), Params.pathId(id, WHAT));
    }
}
