package eu.danubia.security.internal.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import eu.danubia.api.Association;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.security.internal.rest.Json.NewAssociationRequest;
import eu.danubia.web.Api;
import eu.danubia.web.RequestCaller;

/** {@code /api/associations}: the tenants. Everyone may list them; platform admins create them. */
@Component(service = AssociationResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("associations")
@Produces(MediaType.APPLICATION_JSON)
public class AssociationResource {

    private final AccountService accounts;

    @Activate
    public AssociationResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public List<Association> list() {
        return accounts.associations();
    }

    @GET
    @Path("{id}")
    public Association get(@PathParam("id") UUID id) {
        return accounts.association(id).orElseThrow(() -> new NotFoundException("Association"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAssociationRequest body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = RequestCaller.required(security);
        if (body == null) {
            throw new ValidationException("slug", "is required");
        }
        Association created = accounts.createAssociation(caller, body.slug(), body.name(), body.country(), body.website());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created)
                .build();
    }
}
