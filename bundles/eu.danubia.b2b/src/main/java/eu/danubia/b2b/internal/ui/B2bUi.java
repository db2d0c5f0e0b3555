package eu.danubia.b2b.internal.ui;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/** The B2B menu entry of the web shell, for everyone: anonymous visitors browse published profiles. */
@Component(service = UiContribution.class)
public class B2bUi implements UiContribution {

    @Override
    public String id() {
        return "b2b";
    }

    @Override
    public String label() {
        return "B2B cooperation";
    }

    @Override
    public String script() {
        return "/ui/b2b/b2b.js";
    }

    @Override
    public int order() {
        return 20;
    }
}
