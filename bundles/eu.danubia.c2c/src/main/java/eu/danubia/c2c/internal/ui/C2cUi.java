package eu.danubia.c2c.internal.ui;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/** The C2C menu entry of the web shell, for everyone: anonymous visitors browse public cluster profiles. */
@Component(service = UiContribution.class)
public class C2cUi implements UiContribution {

    @Override
    public String id() {
        return "c2c";
    }

    @Override
    public String label() {
        return "Cluster partnerships";
    }

    @Override
    public String script() {
        return "/ui/c2c/c2c.js";
    }

    @Override
    public int order() {
        return 22;
    }
}
