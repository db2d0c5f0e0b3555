package eu.danubia.web.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.danubia.store.Database;
import eu.danubia.web.Api;

/** Liveness and database check for load balancers and operators: 200 when up, 503 when not. */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    @Activate
    public HealthResource(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    public record Health(String status, String database, String version) {
    }

    @GET
    public Response health() {
        Database db = database;
        boolean dbUp = db != null && db.ping(2);
        Health h = new Health(dbUp ? "UP" : "DOWN", db == null ? "MISSING" : dbUp ? "UP" : "DOWN", version);
        return Response.status(dbUp ? 200 : 503).entity(h).build();
    }
}
