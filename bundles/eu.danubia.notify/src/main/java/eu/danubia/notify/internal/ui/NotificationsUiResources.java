package eu.danubia.notify.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves this bundle's {@code /ui/notifications} folder (the page's ES modules) at
 * {@code /ui/notifications/*} through the Servlet whiteboard. The service object is only a marker:
 * the whiteboard reads the files from the registering bundle, so they vanish with it.
 */
@Component(service = NotificationsUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/notifications/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/notifications"
})
public class NotificationsUiResources {
}
