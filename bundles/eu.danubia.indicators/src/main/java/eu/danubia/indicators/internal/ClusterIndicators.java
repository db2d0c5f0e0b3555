package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.indicator.IndicatorDefinition;
import eu.danubia.api.indicator.IndicatorProvider;
import eu.danubia.api.indicator.IndicatorValue;
import eu.danubia.api.security.Caller;
import eu.danubia.indicators.internal.Views.ClusterDashboard;
import eu.danubia.indicators.internal.Views.ClusterYear;

/** Cluster indicators; subject = cluster id; the clusters the directory lets the caller read. */
@Component(service = IndicatorProvider.class)
public class ClusterIndicators implements IndicatorProvider {

    static final String LEVEL = "cluster";
    static final String SOURCE = "Facts of the cluster's member organisations; cooperation from the installed modes";
    private static final Map<String, Function<ClusterYear, BigDecimal>> VALUES = new LinkedHashMap<>();
    static {
        VALUES.put("cluster.companies", y -> Providers.num(y.companies()));
        VALUES.put("cluster.employees", y -> Providers.num(y.employees()));
        VALUES.put("cluster.turnover", ClusterYear::turnoverEur);
        VALUES.put("cluster.productivityMedian", ClusterYear::productivityMedianEur);
        VALUES.put("cluster.turnoverGrowthMedian", ClusterYear::turnoverGrowthMedian);
        VALUES.put("cluster.employmentGrowthMedian", ClusterYear::employmentGrowthMedian);
    }
    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            Providers.def("cluster.companies", "Members with figures", "companies", LEVEL, "Members with a fact in the year", SOURCE),
            Providers.def("cluster.employees", "Total employment", "persons", LEVEL, "Sum of the members' employees", SOURCE),
            Providers.def("cluster.turnover", "Total turnover", "EUR", LEVEL, "Sum of the members' turnover in EUR", SOURCE),
            Providers.def("cluster.productivityMedian", "Median productivity", "EUR per employee", LEVEL, "Median over the members of turnover / employees", SOURCE),
            Providers.def("cluster.turnoverGrowthMedian", "Median turnover growth", "fraction", LEVEL, "Median over the members of their YoY turnover growth", SOURCE),
            Providers.def("cluster.employmentGrowthMedian", "Median employment growth", "fraction", LEVEL, "Median over the members of their YoY employment growth", SOURCE),
            Providers.def("cluster.interests", "Expressions of interest", "count", LEVEL, "Interests with a member as sender or receiver, all modes", SOURCE),
            Providers.def("cluster.agreements", "Agreements", "count", LEVEL, "Agreements with a member as a party, all modes", SOURCE),
            Providers.def("cluster.crossBorderShare", "Cross-border share", "fraction", LEVEL, "Share of interests and agreements whose two organisations are in different countries", SOURCE));

    private final IndicatorService service;

    @Activate
    public ClusterIndicators(@Reference IndicatorService service) {
        this.service = service;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return DEFINITIONS;
    }

    @Override
    public List<IndicatorValue> values(Caller caller, String indicatorId, String subject) {
        Providers.known(DEFINITIONS, indicatorId);
        ClusterDashboard d = service.cluster(caller, Providers.uuid(subject));
        String period = d.latestYear() == null ? "current" : String.valueOf(d.latestYear());
        return switch (indicatorId) {
            case "cluster.interests" -> List.of(new IndicatorValue(indicatorId, subject, "current", BigDecimal.valueOf(d.cooperation().interests())));
            case "cluster.agreements" -> List.of(new IndicatorValue(indicatorId, subject, "current", BigDecimal.valueOf(d.cooperation().agreements())));
            case "cluster.crossBorderShare" -> List.of(new IndicatorValue(indicatorId, subject, "current", d.cooperation().crossBorderShare()));
            default -> period.isEmpty() ? List.of() : Providers.values(indicatorId, subject, d.series(), ClusterYear::year, VALUES);
        };
    }
}
