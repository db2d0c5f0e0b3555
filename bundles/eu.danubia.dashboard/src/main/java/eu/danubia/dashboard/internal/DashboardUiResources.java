package eu.danubia.dashboard.internal;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves this bundle's {@code /ui/dashboard} folder at {@code /ui/dashboard/*} through the Servlet
 * whiteboard: the page's ES modules, its CSS, the map geometry ({@code geo/}) and ECharts
 * ({@code vendor/}, unpacked from the WebJar at build time). The service object is only a marker:
 * the whiteboard reads the files from the registering bundle, so they vanish with it.
 */
@Component(service = DashboardUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=" + DashboardUiResources.PREFIX + "/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=" + DashboardUiResources.PREFIX
})
public class DashboardUiResources {

    static final String PREFIX = "/ui/dashboard";
}
