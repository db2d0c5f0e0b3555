package eu.danubia.b2b.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves this bundle's {@code /ui/b2b} folder (the page's ES modules) at {@code /ui/b2b/*} through
 * the Servlet whiteboard. The service object is only a marker: the whiteboard reads the files from
 * the registering bundle, so they vanish with it.
 */
@Component(service = B2bUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/b2b/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/b2b"
})
public class B2bUiResources {
}
