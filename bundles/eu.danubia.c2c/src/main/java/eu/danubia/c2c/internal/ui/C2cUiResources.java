package eu.danubia.c2c.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves this bundle's {@code /ui/c2c} folder at {@code /ui/c2c/*} through the Servlet whiteboard;
 * the files vanish with the bundle.
 */
@Component(service = C2cUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/c2c/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/c2c"
})
public class C2cUiResources {
}
