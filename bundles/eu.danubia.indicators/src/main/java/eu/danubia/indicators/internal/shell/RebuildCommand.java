package eu.danubia.indicators.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.danubia.indicators.internal.IndicatorEngine;

/** {@code danubia:indicators-rebuild}: recomputes every company's facts from the ingest tables (Karaf console: platform operators). */
@Command(scope = "danubia", name = "indicators-rebuild",
        description = "Recomputes all indicator facts from the ingest tables; the rollup follows by deltas")
@Service
public class RebuildCommand implements Action {

    @Reference
    private IndicatorEngine engine;

    @Override
    public Object execute() {
        int changed = engine.rebuild();
        System.out.println("Indicators rebuilt: " + changed + " company-year facts changed, version " + engine.repository().version());
        return null;
    }
}
