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
import eu.danubia.indicators.internal.Views.CompanyBenchmark;
import eu.danubia.indicators.internal.Views.CompanyYear;

/** Company indicators; subject = organisation id; visible to the company, its association's admins and platform admins. */
@Component(service = IndicatorProvider.class)
public class CompanyIndicators implements IndicatorProvider {

    static final String LEVEL = "company";
    private static final Map<String, Function<CompanyYear, BigDecimal>> VALUES = new LinkedHashMap<>();
    static {
        VALUES.put("company.turnover", CompanyYear::turnoverEur);
        VALUES.put("company.turnoverGrowth", CompanyYear::turnoverGrowth);
        VALUES.put("company.employees", y -> Providers.num(y.employees()));
        VALUES.put("company.employmentGrowth", CompanyYear::employmentGrowth);
        VALUES.put("company.productivity", CompanyYear::productivityEur);
        VALUES.put("company.profitMargin", CompanyYear::profitMargin);
        VALUES.put("company.exportShare", CompanyYear::exportShare);
    }
    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            Providers.def("company.turnover", "Turnover", "EUR", LEVEL, "Net turnover of the fiscal year times the statement's EUR rate", Providers.COMPANY_SOURCE),
            Providers.def("company.turnoverGrowth", "Turnover growth (YoY)", "fraction", LEVEL, "Turnover / turnover of the previous year - 1", Providers.COMPANY_SOURCE),
            Providers.def("company.turnoverCagr3", "Turnover growth, 3-year CAGR", "fraction", LEVEL, "(Turnover of the latest year / turnover three years earlier)^(1/3) - 1", Providers.COMPANY_SOURCE),
            Providers.def("company.employees", "Employees", "persons", LEVEL, "Average number of employees reported for the fiscal year", Providers.COMPANY_SOURCE),
            Providers.def("company.employmentGrowth", "Employment growth (YoY)", "fraction", LEVEL, "Employees / employees of the previous year - 1", Providers.COMPANY_SOURCE),
            Providers.def("company.productivity", "Labour productivity", "EUR per employee", LEVEL, "Turnover / employees (the registers give no value added)", Providers.COMPANY_SOURCE),
            Providers.def("company.profitMargin", "Profit margin", "fraction", LEVEL, "Profit or loss / turnover", Providers.COMPANY_SOURCE),
            Providers.def("company.exportShare", "Export share", "fraction", LEVEL, "Exports / turnover, where the source reports exports", Providers.COMPANY_SOURCE),
            Providers.def("company.sizeClass", "EU SME size class", "class", LEVEL, "By employees: micro < 10, small < 50, medium < 250, large >= 250; value 0-3", Providers.COMPANY_SOURCE));

    private final IndicatorService service;

    @Activate
    public CompanyIndicators(@Reference IndicatorService service) {
        this.service = service;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return DEFINITIONS;
    }

    @Override
    public List<IndicatorValue> values(Caller caller, String indicatorId, String subject) {
        Providers.known(DEFINITIONS, indicatorId);
        CompanyBenchmark b = service.company(caller, Providers.uuid(subject));
        if (indicatorId.equals("company.turnoverCagr3")) {
            return b.series().isEmpty() ? List.of()
                    : List.of(new IndicatorValue(indicatorId, subject, String.valueOf(b.series().get(b.series().size() - 1).year()), b.turnoverCagr3()));
        }
        if (indicatorId.equals("company.sizeClass")) {
            return Providers.values(indicatorId, subject, b.series(), CompanyYear::year,
                    Map.of(indicatorId, y -> y.sizeClass() == null ? null : BigDecimal.valueOf(eu.danubia.api.SizeClass.valueOf(y.sizeClass()).ordinal())));
        }
        return Providers.values(indicatorId, subject, b.series(), CompanyYear::year, VALUES);
    }
}
