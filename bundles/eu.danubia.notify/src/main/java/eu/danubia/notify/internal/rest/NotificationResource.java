package eu.danubia.notify.internal.rest;

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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Page;
import eu.danubia.api.ValidationException;
import eu.danubia.notify.internal.Inbox;
import eu.danubia.notify.internal.InboxItem;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/notifications}: the caller's own notifications. HTTP mapping only; the rules are in {@link Inbox}. */
@Component(service = NotificationResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    /** Answer of {@code GET /api/notifications/count}. */
    public record UnreadCount(long unread) {
    }

    private final Inbox inbox;

    @Activate
    public NotificationResource(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    public Page<InboxItem> list(@Context SecurityContext security, @QueryParam("unread") String unread,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return inbox.list(RequestCaller.required(security), flag("unread", unread), Params.page(page, size));
    }

    @GET
    @Path("count")
    public UnreadCount count(@Context SecurityContext security) {
        return new UnreadCount(inbox.unreadCount(RequestCaller.required(security)));
    }

    @POST
    @Path("{id}/read")
    public Response read(@Context SecurityContext security, @PathParam("id") String id) {
        inbox.markRead(RequestCaller.required(security), Params.pathId(id, "Notification"));
        return Response.noContent().build();
    }

    @POST
    @Path("read-all")
    public Response readAll(@Context SecurityContext security) {
        inbox.markAllRead(RequestCaller.required(security));
        return Response.noContent().build();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }
}
