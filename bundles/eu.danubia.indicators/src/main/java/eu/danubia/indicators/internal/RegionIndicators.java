package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.ValidationException;
import eu.danubia.api.indicator.IndicatorDefinition;
import eu.danubia.api.indicator.IndicatorProvider;
import eu.danubia.api.indicator.IndicatorValue;
import eu.danubia.api.security.Caller;
import eu.danubia.indicators.internal.Views.RegionYear;

/** Region x sector indicators; subject = {@code NUTS:DIV} (RO113:62) or a region (RO113) for all sectors; public. */
@Component(service = IndicatorProvider.class)
public class RegionIndicators implements IndicatorProvider {

    static final String LEVEL = "region";
    private static final Map<String, Function<RegionYear, BigDecimal>> VALUES = new LinkedHashMap<>();
    static {
        VALUES.put("region.companies", y -> Providers.num(y.companies()));
        VALUES.put("region.employees", RegionYear::employees);
        VALUES.put("region.turnover", RegionYear::turnoverEur);
        VALUES.put("region.productivity", RegionYear::productivityEur);
        VALUES.put("region.lq", RegionYear::lq);
        VALUES.put("region.stars", y -> Providers.num(y.stars()));
    }
    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            Providers.def("region.companies", "Companies", "companies", LEVEL, "Companies with a fact in the region and sector", Providers.REGION_SOURCE),
            Providers.def("region.employees", "Employment", "persons", LEVEL, "Sum of the companies' employees", Providers.REGION_SOURCE),
            Providers.def("region.turnover", "Turnover", "EUR", LEVEL, "Sum of the companies' turnover in EUR", Providers.REGION_SOURCE),
            Providers.def("region.productivity", "Productivity", "EUR per employee", LEVEL, "Sum of turnover / sum of employees over companies reporting both", Providers.REGION_SOURCE),
            Providers.def("region.lq", "Location quotient", "ratio", LEVEL, "(E_ir / E_r) / (E_i / E), E = employees, reference = all regions in the data", Providers.REGION_SOURCE),
            Providers.def("region.stars", "Cluster stars", "0-3", LEVEL, "European Cluster Observatory: size (top 10 % of regions in the sector), specialisation (LQ >= 2), focus (top 10 % of all cells by the sector's share of the region)", Providers.REGION_SOURCE));

    private final IndicatorService service;

    @Activate
    public RegionIndicators(@Reference IndicatorService service) {
        this.service = service;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return DEFINITIONS;
    }

    @Override
    public List<IndicatorValue> values(Caller caller, String indicatorId, String subject) {
        Providers.known(DEFINITIONS, indicatorId);
        if (subject == null || subject.isBlank()) {
            throw new ValidationException("subject", "is required: a region (RO113) or a region and division (RO113:62)");
        }
        int colon = subject.indexOf(':');
        String region = colon < 0 ? subject : subject.substring(0, colon);
        String division = colon < 0 ? null : subject.substring(colon + 1);
        return Providers.values(indicatorId, subject, service.region(caller, region, division).series(), RegionYear::year, VALUES);
    }
}
