package eu.danubia.directory.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves this bundle's {@code /ui/directory} folder (the page's ES modules) at {@code /ui/directory/*}
 * through the Servlet whiteboard. The service object is only a marker: the whiteboard reads the
 * files from the registering bundle, so they vanish with it.
 */
@Component(service = DirectoryUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/directory/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/directory"
})
public class DirectoryUiResources {
}
