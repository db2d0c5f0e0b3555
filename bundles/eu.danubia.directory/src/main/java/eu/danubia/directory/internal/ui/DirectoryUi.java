package eu.danubia.directory.internal.ui;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/** The Directory menu entry of the web shell; it exists exactly as long as this bundle runs. */
@Component(service = UiContribution.class)
public class DirectoryUi implements UiContribution {

    @Override
    public String id() {
        return "directory";
    }

    @Override
    public String label() {
        return "Directory";
    }

    @Override
    public String script() {
        return "/ui/directory/directory.js";
    }

    @Override
    public int order() {
        return 10;
    }
}
