package eu.danubia.rdi.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/** Serves this bundle's {@code /ui/rdi} folder at {@code /ui/rdi/*}; it vanishes with the bundle. */
@Component(service = RdiUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/rdi/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/rdi"
})
public class RdiUiResources {
}
