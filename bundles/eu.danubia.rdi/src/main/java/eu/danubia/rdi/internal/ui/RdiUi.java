package eu.danubia.rdi.internal.ui;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.ui.UiContribution;

/** The RDI menu entry of the web shell, for everyone: anonymous visitors browse calls and public ideas. */
@Component(service = UiContribution.class)
public class RdiUi implements UiContribution {

    @Override
    public String id() {
        return "rdi";
    }

    @Override
    public String label() {
        return "RDI projects";
    }

    @Override
    public String script() {
        return "/ui/rdi/rdi.js";
    }

    @Override
    public int order() {
        return 30;
    }
}
