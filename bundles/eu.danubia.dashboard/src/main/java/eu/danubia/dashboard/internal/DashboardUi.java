package eu.danubia.dashboard.internal;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/**
 * The Dashboards menu entry of the web shell, for everyone: policy makers read the public
 * dashboards anonymously; the indicators API decides which figures each caller sees.
 */
@Component(service = UiContribution.class)
public class DashboardUi implements UiContribution {

    static final String ID = "dashboards";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Dashboards";
    }

    @Override
    public String script() {
        return DashboardUiResources.PREFIX + "/dashboard.js";
    }

    @Override
    public int order() {
        return 40;
    }
}
