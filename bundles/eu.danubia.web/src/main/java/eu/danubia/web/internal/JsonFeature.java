package eu.danubia.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;

/**
 * JSON and error handling for every resource. Registers provider classes, not instances: an
 * instance would outlive the whiteboard's reload of the application and break every request
 * afterwards ("ServiceLocatorImpl has been shut down"). Prototype scope gives each application
 * (re)start its own feature.
 */
@Component(service = Feature.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("danubia.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public class JsonFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(ObjectMapperResolver.class);
        context.register(JacksonJsonProvider.class);
        context.register(ProblemMapper.class);
        return true;
    }
}
