package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.demo.internal.DemoDataSet.DemoOrganisation;
import eu.danubia.demo.internal.ReferenceData.NutsRegion;

/** The demo financial data generated from the shipped demo data set and the real NUTS regions. */
class DemoFinancialsTest {

    private static DemoDataSet demo;
    private static ReferenceData reference;
    private static DemoFinancials.Data data;
    private static Map<String, CompanyRecord> companies;

    @BeforeAll
    static void generate() {
        demo = DemoDataSet.fromClasspath(DemoFinancialsTest.class.getClassLoader());
        reference = ReferenceData.fromClasspath(DemoFinancialsTest.class.getClassLoader());
        data = DemoFinancials.generate(demo, reference.nuts());
        companies = data.companies().stream().collect(Collectors.toMap(CompanyRecord::nationalId, Function.identity()));
    }

    @Test
    void theSameInputGivesTheSameRecords() {
        DemoFinancials.Data again = DemoFinancials.generate(demo, reference.nuts());
        assertThat(again.companies()).isEqualTo(data.companies());
        assertThat(again.statements()).isEqualTo(data.statements());
        assertThat(again.companyPositions()).isEqualTo(data.companyPositions());
        assertThat(again.statementPositions()).isEqualTo(data.statementPositions());
        // one record per key, as the ingest store keys them
        assertThat(companies).hasSize(data.companies().size());
        assertThat(data.statements().stream().map(s -> s.nationalId() + ":" + s.year()).distinct())
                .hasSize(data.statements().size());
    }

    @Test
    void everyDemoBusinessAndClusterOrganisationHasFiveYearsUnderItsOwnNationalId() {
        int expected = 0;
        for (var a : demo.associations()) {
            for (DemoOrganisation o : a.organisations()) {
                String id = o.nationalIds().get(0).value();
                if (o.type() != OrganisationType.BUSINESS && o.type() != OrganisationType.CLUSTER_ORGANISATION) {
                    assertThat(companies).doesNotContainKey(id);
                    continue;
                }
                expected++;
                CompanyRecord r = companies.get(id);
                assertThat(r).as(o.name()).isNotNull();
                assertThat(r.source()).isEqualTo("demo");
                assertThat(r.name()).isEqualTo(o.name());
                assertThat(r.country()).isEqualTo(o.country());
                assertThat(r.nutsCode()).isEqualTo(o.nutsCode());
                assertThat(r.naceCodes()).isEqualTo(o.naceCodes());
                assertThat(r.status()).isEqualTo("ACTIVE");
                assertThat(statementsOf(id)).extracting(FinancialStatement::year)
                        .containsExactly(2019, 2020, 2021, 2022, 2023);
            }
        }
        assertThat(expected).isEqualTo(25);
        assertThat(data.companies().stream().filter(c -> !c.nationalId().startsWith("DEMO-"))).hasSize(expected);

        // the lead's end-to-end test adds Codeflow's 2024 statement through the ro-anaf connector
        assertThat(companies.get("188421041").name()).isEqualTo("Codeflow Systems SRL");
        assertThat(statementsOf("188421041")).allSatisfy(s -> assertThat(s.currency()).isEqualTo("RON"));
        // a small enterprise, as the directory says, at least at the start
        assertThat(statementsOf("188421041").get(0).employees()).isBetween(10, 49);
    }

    @Test
    void demoCompaniesGrowDifferently() {
        Set<String> ids = data.companies().stream().map(CompanyRecord::nationalId)
                .filter(id -> !id.startsWith("DEMO-")).collect(Collectors.toSet());
        Map<String, Double> growth = new HashMap<>();
        for (String id : ids) {
            List<FinancialStatement> s = statementsOf(id);
            growth.put(id, eur(s.get(4)).doubleValue() / eur(s.get(0)).doubleValue() - 1);
        }
        double min = growth.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = growth.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // some shrink or stagnate, some more than double in four years
        assertThat(min).isLessThan(0.15);
        assertThat(max).isGreaterThan(0.8);
    }

    @Test
    void statementsArePlausible() {
        assertThat(data.statements()).hasSize(5 * data.companies().size()).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo("demo");
            assertThat(s.employees()).isPositive().isLessThan(10_000);
            assertThat(s.turnover()).isPositive();
            assertThat(s.eurRate()).isPositive();
            assertThat(s.year()).isBetween(2019, 2023);
            // turnover per employee between 2,000 (a Ukrainian micro café in 2020) and 3 million EUR
            double perEmployee = eur(s).doubleValue() / s.employees();
            assertThat(perEmployee).as(s.nationalId() + " " + s.year()).isBetween(2_000.0, 3_000_000.0);
            if (s.exports() != null) {
                assertThat(s.exports()).isBetween(BigDecimal.ZERO, s.turnover());
            }
            assertThat(s.profitLoss().abs()).isLessThan(s.turnover());
        });
        Map<String, String> currencies = data.statements().stream().filter(s -> s.year() == 2023)
                .collect(Collectors.toMap(s -> companies.get(s.nationalId()).country(), FinancialStatement::currency,
                        (x, y) -> x));
        assertThat(currencies).containsEntry("RO", "RON").containsEntry("HU", "HUF").containsEntry("CZ", "CZK")
                .containsEntry("SK", "EUR").containsEntry("HR", "EUR").containsEntry("UA", "UAH");
        assertThat(data.statements().stream().filter(s -> s.currency().equals("EUR")))
                .allSatisfy(s -> assertThat(s.eurRate()).isEqualByComparingTo("1"));
        assertThat(data.statements().stream().filter(s -> s.currency().equals("RON")))
                .allSatisfy(s -> assertThat(s.eurRate()).isBetween(new BigDecimal("4.7"), new BigDecimal("5.0")));
        // the same rate as the ro-anaf connector's (BNR annual average), so that its 2024 statement continues the series
        assertThat(statementsOf("188421041").get(4).eurRate()).isEqualByComparingTo("4.9465");
    }

    @Test
    void theSyntheticPopulationCoversTheDanubeRegion() {
        List<CompanyRecord> synthetic = data.companies().stream().filter(c -> c.nationalId().startsWith("DEMO-")).toList();
        assertThat(synthetic).hasSizeBetween(3_000, DemoFinancials.MAX_COMPANIES);
        assertThat(synthetic).allSatisfy(c -> {
            assertThat(c.name()).startsWith("Demo company ");
            assertThat(c.naceCodes()).hasSize(1);
        });
        Set<String> nuts3 = reference.nuts().stream().filter(r -> r.level() == 3).map(NutsRegion::code)
                .collect(Collectors.toSet());
        Set<String> regions = synthetic.stream().map(CompanyRecord::nutsCode).filter(n -> n != null)
                .collect(Collectors.toSet());
        assertThat(nuts3).containsAll(regions);
        assertThat(regions).hasSizeGreaterThanOrEqualTo(100);
        assertThat(regions.stream().map(r -> r.substring(0, 2)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("AT", "BG", "CZ", "DE", "HR", "HU", "RO", "SI", "SK", "RS", "ME");
        assertThat(regions).allSatisfy(r -> {
            if (r.startsWith("DE")) {
                assertThat(r).matches("DE[12].*");
            }
        });
        // Ukraine, Moldova and Bosnia and Herzegovina are not in NUTS
        Map<String, Long> withoutNuts = synthetic.stream().filter(c -> c.nutsCode() == null)
                .collect(Collectors.groupingBy(CompanyRecord::country, Collectors.counting()));
        assertThat(withoutNuts.keySet()).containsExactlyInAnyOrder("UA", "MD", "BA");
        assertThat(withoutNuts.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
        // every company has all five years
        assertThat(data.statements().stream().map(FinancialStatement::nationalId).distinct())
                .hasSize(data.companies().size());
    }

    @Test
    void regionalSpecialisationsGiveLocationQuotientsAndSpread() {
        Map<String, Double> lq = locationQuotients(2023);
        // automotive: Győr, Mladá Boleslav (Středočeský kraj), Pitești (Argeș), Trnava
        assertThat(lq.get("HU221:29")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("CZ020:29")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("RO311:29")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("SK021:29")).isGreaterThanOrEqualTo(2);
        // software: Cluj, Brno, Bratislava
        assertThat(lq.get("RO113:62")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("CZ064:62")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("SK010:62")).isGreaterThanOrEqualTo(2);
        // tourism on the Croatian coast, wine in Moldova (no NUTS: the country is the region)
        assertThat(lq.get("HR036:55")).isGreaterThanOrEqualTo(2);
        assertThat(lq.get("MD:11")).isGreaterThanOrEqualTo(2);
        // the broad base is everywhere, near the average
        long regionsWithRetail = lq.keySet().stream().filter(k -> k.endsWith(":47")).count();
        assertThat(regionsWithRetail).isGreaterThan(250);
        assertThat(lq.values().stream().filter(v -> v < 1).count()).isGreaterThan(lq.size() / 3);
    }

    /** LQ = (E_ir / E_r) / (E_i / E) by employees, per region (NUTS 3, or country without NUTS) and division. */
    private static Map<String, Double> locationQuotients(int year) {
        Map<String, Double> cell = new HashMap<>();
        Map<String, Double> region = new HashMap<>();
        Map<String, Double> sector = new HashMap<>();
        double total = 0;
        for (FinancialStatement s : data.statements()) {
            if (s.year() != year) {
                continue;
            }
            CompanyRecord c = companies.get(s.nationalId());
            String r = c.nutsCode() == null ? c.country() : c.nutsCode();
            String d = c.naceCodes().get(0).substring(0, 2);
            cell.merge(r + ":" + d, (double) s.employees(), Double::sum);
            region.merge(r, (double) s.employees(), Double::sum);
            sector.merge(d, (double) s.employees(), Double::sum);
            total += s.employees();
        }
        Map<String, Double> lq = new HashMap<>();
        for (var e : cell.entrySet()) {
            String[] k = e.getKey().split(":");
            lq.put(e.getKey(), e.getValue() / region.get(k[0]) / (sector.get(k[1]) / total));
        }
        return lq;
    }

    private static List<FinancialStatement> statementsOf(String id) {
        return data.statements().stream().filter(s -> s.nationalId().equals(id)).toList();
    }

    private static BigDecimal eur(FinancialStatement s) {
        // eurRate is units of the currency per 1 EUR
        return s.turnover().divide(s.eurRate(), 0, RoundingMode.HALF_UP);
    }

    @Test
    void sizeClassesChangeForSomeCompanies() {
        Set<String> movers = new HashSet<>();
        Map<String, eu.danubia.api.SizeClass> first = new HashMap<>();
        for (FinancialStatement s : data.statements()) {
            eu.danubia.api.SizeClass c = eu.danubia.api.SizeClass.ofEmployees(s.employees());
            eu.danubia.api.SizeClass before = first.putIfAbsent(s.nationalId(), c);
            if (before != null && before != c) {
                movers.add(s.nationalId());
            }
        }
        assertThat(movers).hasSizeGreaterThan(50);
    }
}
