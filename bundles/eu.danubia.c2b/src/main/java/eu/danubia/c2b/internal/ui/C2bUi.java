package eu.danubia.c2b.internal.ui;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/** The "Cluster services" menu entry, for everyone: anonymous visitors browse the published services. */
@Component(service = UiContribution.class)
public class C2bUi implements UiContribution {

    @Override
    public String id() {
        return "c2b";
    }

    @Override
    public String label() {
        return "Cluster services";
    }

    @Override
    public String script() {
        return "/ui/c2b/c2b.js";
    }

    @Override
    public int order() {
        return 24;
    }
}
