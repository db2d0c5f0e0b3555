package eu.danubia.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import eu.danubia.web.Api;

/**
 * The OpenAPI 3.0 document of the resources installed right now: it is generated from the
 * resource services registered with the whiteboard, so it changes as modules come and go.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    private final BundleContext context;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    public Map<String, Object> document() throws InvalidSyntaxException {
        List<Class<?>> classes = new ArrayList<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.jakartars.resource=true)");
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                Object service = context.getService(ref);
                if (service != null) {
                    try {
                        classes.add(service.getClass());
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
        }
        return new OpenApiGenerator("/api", context.getBundle().getVersion().toString()).generate(classes);
    }
}
