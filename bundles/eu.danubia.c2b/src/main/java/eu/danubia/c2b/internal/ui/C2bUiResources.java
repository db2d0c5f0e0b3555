package eu.danubia.c2b.internal.ui;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/** Serves this bundle's {@code /ui/c2b} folder at {@code /ui/c2b/*}; the files vanish with the bundle. */
@Component(service = C2bUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/ui/c2b/*",
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/ui/c2b"
})
public class C2bUiResources {
}
