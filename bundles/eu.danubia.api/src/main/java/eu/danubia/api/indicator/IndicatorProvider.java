package eu.danubia.api.indicator;

import java.util.List;

import eu.danubia.api.security.Caller;

/** A module that computes indicators. The dashboards list what the installed providers offer. */
public interface IndicatorProvider {

    List<IndicatorDefinition> definitions();

    /** Values of one indicator for one subject, as far as the caller may see them. */
    List<IndicatorValue> values(Caller caller, String indicatorId, String subject);
}
