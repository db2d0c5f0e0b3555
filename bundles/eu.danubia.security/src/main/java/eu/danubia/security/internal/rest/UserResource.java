package eu.danubia.security.internal.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
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

import eu.danubia.api.Association;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.UserAccount;
import eu.danubia.security.internal.AccountServiceImpl;
import eu.danubia.security.internal.rest.Json.NewUserRequest;
import eu.danubia.security.internal.rest.Json.PasswordRequest;
import eu.danubia.security.internal.rest.Json.UserJson;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/users}: an association's users, for its admins and platform admins. */
@Component(service = UserResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final AccountServiceImpl accounts;

    @Activate
    public UserResource(@Reference AccountServiceImpl accounts) {
        this.accounts = accounts;
    }

    @GET
    public List<UserJson> list(@QueryParam("associationId") String associationId, @Context SecurityContext security) {
        Caller caller = RequestCaller.required(security);
        List<UserAccount> users = accounts.users(caller, Params.queryId("associationId", associationId));
        Map<UUID, String> names = accounts.associations().stream()
                .collect(Collectors.toMap(Association::id, Association::name));
        return users.stream().map(u -> UserJson.of(u, names.get(u.associationId()))).toList();
    }

    @GET
    @Path("{id}")
    public UserJson get(@PathParam("id") UUID id, @Context SecurityContext security) {
        return json(accounts.user(RequestCaller.required(security), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUserRequest body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = RequestCaller.required(security);
        if (body == null) {
            throw new ValidationException("email", "is required");
        }
        UserAccount created = accounts.createUser(caller, new NewUser(body.email(), body.name(), body.password(),
                body.associationId(), body.organisationId(), Roles.parse(body.roles())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(json(created))
                .build();
    }

    /** The user itself gives {@code currentPassword}; its administrators set a password without it. */
    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("id") UUID id, PasswordRequest body, @Context SecurityContext security,
            @Context HttpServletRequest request) {
        Caller caller = RequestCaller.required(security);
        if (body == null) {
            throw new ValidationException("password", "is required");
        }
        if (id.equals(caller.userId())) {
            accounts.changeOwnPassword(caller, body.currentPassword(), body.password(), request.getRemoteAddr());
        } else {
            if (body.currentPassword() != null) {
                Arrays.fill(body.currentPassword(), '\0');
            }
            accounts.setPassword(caller, id, body.password());
        }
        return Response.noContent().build();
    }

    private UserJson json(UserAccount user) {
        return UserJson.of(user, accounts.associationName(user.associationId()).orElse(null));
    }
}
