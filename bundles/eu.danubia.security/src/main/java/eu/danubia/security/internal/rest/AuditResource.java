package eu.danubia.security.internal.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import eu.danubia.api.Page;
import eu.danubia.security.internal.AuditEntry;
import eu.danubia.security.internal.AuditLogImpl;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/audit}: the audit log of the caller's tenant (platform admins: of all tenants). */
@Component(service = AuditResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLogImpl audit;

    @Activate
    public AuditResource(@Reference AuditLogImpl audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        return audit.list(RequestCaller.required(security),
                Params.page(page, size));
    }
}
