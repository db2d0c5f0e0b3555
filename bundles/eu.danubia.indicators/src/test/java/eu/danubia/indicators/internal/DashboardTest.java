package eu.danubia.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Cluster;
import eu.danubia.api.NationalId;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationActivity;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.indicators.internal.Views.ClusterDashboard;
import eu.danubia.indicators.internal.Views.ClusterYear;
import eu.danubia.indicators.internal.Views.RegionMap;
import eu.danubia.indicators.internal.Views.RegionRow;
import eu.danubia.ingest.internal.IngestStore;
import eu.danubia.store.Database;
import eu.danubia.store.testing.TestData;

/**
 * A small fixture worked by hand. Association A (RO) has a public cluster in RO113, sector 62, with
 * members C1, C2, C3 (no register records: region and NACE come from their directory entries);
 * association B has B1 in HU110, NACE 29. Figures in EUR:
 * <pre>
 *        2022              2023
 *   C1   1 000 000 / 10    1 200 000 / 12   productivity 100 000, growth 0.20, employment +0.20
 *   C2   2 000 000 / 20    2 000 000 / 25   productivity  80 000, growth 0.00, employment +0.25
 *   C3   -                   600 000 /  4   productivity 150 000
 *   B1   -                   500 000 /  5
 * </pre>
 * Cluster 2023: 3 companies, 41 employees, 3 800 000 EUR; median productivity 100 000; median
 * turnover growth (0.20, 0.00) = 0.10; median employment growth (0.20, 0.25) = 0.225. 2022: 2
 * companies, suppressed for callers without company rights. RO113 x 62 in 2023: 3 800 000 / 41 =
 * 92 682.93 EUR per employee; growth 3 800 000 / 3 000 000 - 1 = 0.2667. LQ of RO113 x 62 =
 * (41 / 41) / (41 / 46) = 1.1220.
 */
class DashboardTest {

    /** The fixture of the class comment on one database. */
    static final class World {
        final Database db;
        final DirectoryServiceImpl directory;
        final IndicatorService service;
        final IndicatorRepository repository;
        final UUID a;
        final UUID b;
        final Organisation c1;
        final Organisation c2;
        final Organisation c3;
        final Organisation b1;
        final Cluster cluster;

        final Caller platformAdmin = new Caller(UUID.randomUUID(), "root@x", null, null, Set.of(Role.PLATFORM_ADMIN));
        final Caller adminA;
        final Caller adminB;
        final Caller memberC1;
        final Caller memberC2;
        final Caller memberB1;

        World(Database db) {
            this.db = db;
            directory = new DirectoryServiceImpl(db);
            IngestStore ingest = new IngestStore(db);
            IndicatorEngine engine = IndicatorEngine.manual(db);
            ingest.addListener(engine);
            a = TestData.association(db, "somes");
            b = TestData.association(db, "pannon");
            c1 = org(a, "C1 SRL", "RO", "RO113", "62.01", "RO-CUI", "1001");
            c2 = org(a, "C2 SRL", "RO", "RO113", "62.02", "RO-CUI", "1002");
            c3 = org(a, "C3 SRL", "RO", "RO113", "62.09", "RO-CUI", "1003");
            b1 = org(b, "B1 Kft", "HU", "HU110", "29.10", "HU-ADOSZAM", "2001");
            cluster = directory.createCluster(Caller.SYSTEM, new Cluster(null, a, "Cluj IT Cluster", c1.id(), "RO", "RO113",
                    List.of("62.01"), null, null, Visibility.PUBLIC, 0, null, null));
            for (Organisation o : List.of(c1, c2, c3)) {
                directory.addMember(Caller.SYSTEM, cluster.id(), o.id(), null);
            }
            ingest.financials(List.of(fs("ro-anaf", "1001", 2022, "1000000", 10), fs("ro-anaf", "1001", 2023, "1200000", 12),
                    fs("ro-anaf", "1002", 2022, "2000000", 20), fs("ro-anaf", "1002", 2023, "2000000", 25),
                    fs("ro-anaf", "1003", 2023, "600000", 4), fs("hu-nav", "2001", 2023, "500000", 5)),
                    List.of("1", "2", "3", "4", "5", "6"));
            engine.drain();
            repository = engine.repository();
            service = new IndicatorService(engine.repository(), directory, IndicatorService.Settings.DEFAULTS);
            service.addActivity(new CooperationActivity() {
                @Override
                public String mode() {
                    return "b2b";
                }

                @Override
                public List<Cooperation> cooperations(Collection<UUID> organisationIds) {
                    return List.of(new Cooperation("b2b", Cooperation.Kind.INTEREST, UUID.randomUUID(), c1.id(), c2.id(), Instant.now()),
                            new Cooperation("b2b", Cooperation.Kind.AGREEMENT, UUID.randomUUID(), c1.id(), b1.id(), Instant.now()));
                }
            });
            adminA = new Caller(UUID.randomUUID(), "admin@a", a, null, Set.of(Role.ASSOCIATION_ADMIN));
            adminB = new Caller(UUID.randomUUID(), "admin@b", b, null, Set.of(Role.ASSOCIATION_ADMIN));
            memberC1 = new Caller(UUID.randomUUID(), "c1@a", a, c1.id(), Set.of(Role.MEMBER));
            memberC2 = new Caller(UUID.randomUUID(), "c2@a", a, c2.id(), Set.of(Role.MEMBER));
            memberB1 = new Caller(UUID.randomUUID(), "b1@b", b, b1.id(), Set.of(Role.MEMBER));
        }

        private Organisation org(UUID association, String name, String country, String nuts, String nace, String scheme, String id) {
            return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, OrganisationType.BUSINESS, country,
                    nuts, null, List.of(nace), SizeClass.SMALL, List.of(new NationalId(scheme, id)), null, null, Visibility.ASSOCIATION,
                    null, null));
        }

        private static FinancialStatement fs(String source, String id, int year, String turnover, int employees) {
            return new FinancialStatement(source, id, year, "EUR", new BigDecimal(turnover), employees, null, null, null, null, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void clusterDashboardNumbersByHand(Database database) {
        World t = new World(database);
        ClusterDashboard d = t.service.cluster(Caller.ANONYMOUS, t.cluster.id());
        assertThat(d.years()).containsExactly(2022, 2023);
        assertThat(d.latestYear()).isEqualTo(2023);
        ClusterYear y2023 = d.series().get(1);
        assertThat(y2023.companies()).isEqualTo(3);
        assertThat(y2023.employees()).isEqualTo(41);
        assertThat(y2023.turnoverEur()).isEqualByComparingTo("3800000");
        assertThat(y2023.productivityMedianEur()).isEqualByComparingTo("100000");
        assertThat(y2023.turnoverGrowthMedian()).isEqualByComparingTo("0.1");
        assertThat(y2023.employmentGrowthMedian()).isEqualByComparingTo("0.225");
        assertThat(d.series().get(0).suppressed()).as("2022: two companies").isTrue();
        assertThat(d.series().get(0).turnoverEur()).isNull();
        assertThat(d.benchmark().regionSectorProductivityEur().doubleValue()).isCloseTo(92682.93, within(0.01));
        assertThat(d.benchmark().regionSectorTurnoverGrowth()).as("2022 cell has 2 companies: suppressed").isNull();
        assertThat(d.members()).as("anonymous sees no company figures").isNull();
        assertThat(d.membersByType()).containsExactly(new Views.TypeCount("BUSINESS", 3));
        assertThat(d.cooperation().interests()).isEqualTo(1);
        assertThat(d.cooperation().agreements()).isEqualTo(1);
        assertThat(d.cooperation().crossBorderShare()).isEqualByComparingTo("0.5");

        ClusterDashboard admin = t.service.cluster(t.adminA, t.cluster.id());
        assertThat(admin.series().get(0).suppressed()).isFalse();
        assertThat(admin.series().get(0).companies()).isEqualTo(2);
        assertThat(admin.members()).hasSize(3);
        assertThat(t.service.cluster(t.platformAdmin, t.cluster.id()).benchmark().regionSectorTurnoverGrowth().doubleValue())
                .isCloseTo(0.26667, within(1e-5));
        assertThat(t.service.cluster(t.memberB1, t.cluster.id()).members()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void companyBenchmarkOnlyForTheCompanyItsAssociationAdminsAndPlatformAdmins(Database database) {
        World t = new World(database);
        for (Caller allowed : List.of(t.memberC1, t.adminA, t.platformAdmin)) {
            Views.CompanyBenchmark c = t.service.company(allowed, t.c1.id());
            assertThat(c.series()).hasSize(2);
            assertThat(c.series().get(1).turnoverGrowth()).isEqualByComparingTo("0.2");
            assertThat(c.series().get(1).productivityEur()).isEqualByComparingTo("100000");
            assertThat(c.sizeTransitions()).as("10 and 12 employees: small both years").isEmpty();
        }
        for (Caller denied : List.of(Caller.ANONYMOUS, t.memberC2, t.adminB, t.memberB1)) {
            assertThatThrownBy(() -> t.service.company(denied, t.c1.id())).as(String.valueOf(denied.email()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> t.service.company(t.platformAdmin, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void regionsSuppressSmallCellsAndRateTheRest(Database database) {
        World t = new World(database);
        RegionMap anonymous = t.service.regions(Caller.ANONYMOUS, 3, "62", null, null);
        assertThat(anonymous.year()).isEqualTo(2023);
        assertThat(anonymous.reference()).isEqualTo("all regions in the data");
        RegionRow ro = anonymous.regions().stream().filter(r -> r.code().equals("RO113")).findFirst().orElseThrow();
        assertThat(ro.suppressed()).isFalse();
        assertThat(ro.companies()).isEqualTo(3);
        assertThat(ro.lq().doubleValue()).isCloseTo(1.12195, within(1e-5));
        assertThat(ro.strong()).as("top 25 % of the one region with 62, LQ > 1").isTrue();

        RegionMap all = t.service.regions(Caller.ANONYMOUS, 3, "", 2023, null);
        RegionRow hu = all.regions().stream().filter(r -> r.code().equals("HU110")).findFirst().orElseThrow();
        assertThat(hu.suppressed()).isTrue();
        assertThat(hu.employees()).isNull();
        RegionRow huAdmin = t.service.regions(t.platformAdmin, 3, "", 2023, null).regions().stream()
                .filter(r -> r.code().equals("HU110")).findFirst().orElseThrow();
        assertThat(huAdmin.employees()).isEqualByComparingTo("5");

        assertThat(t.service.regions(Caller.ANONYMOUS, 2, "62", 2023, null).regions()).extracting(RegionRow::code).containsExactly("RO11");
        assertThat(t.service.region(Caller.ANONYMOUS, "RO113", "62").series()).hasSize(2)
                .first().satisfies(y -> assertThat(y.suppressed()).isTrue());

        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> t.service.regions(Caller.ANONYMOUS, 4, "6201", 1800, "nope"), ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("level", "basis", "year");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> t.service.regions(Caller.ANONYMOUS, 3, "6201", null, null), ValidationException.class).errors()).containsOnlyKeys("sector");
        assertThatThrownBy(() -> t.service.region(Caller.ANONYMOUS, "AT130", null)).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void starsAreServedStaleWhileOneBackgroundRefreshRatesTheNewData(Database database) throws Exception {
        World t = new World(database);
        assertThat(lq(t.service, "RO113")).isCloseTo(1.12195, within(1e-5));
        t.service.awaitRatings(); // the warm-up the first request queued
        // a company of division 62 in HU110 arrives: E_62 = 141, E = 146
        database.transaction(c -> {
            t.repository.replace(c, List.of(), List.of(new Fact("HU", "2002", 2023, "HU110", "62", null, "hu-nav",
                    new BigDecimal("1000000"), 100, null, null)));
            return t.repository.bump(c);
        });
        RegionMap stale = t.service.regions(t.platformAdmin, 3, "62", 2023, null);
        assertThat(stale.regions()).extracting(RegionRow::code).containsExactly("HU110", "RO113");
        assertThat(lq(stale, "RO113")).as("the last ratings, while the refresh runs").isCloseTo(1.12195, within(1e-5));
        assertThat(stale.regions().get(0).lq()).isNull();

        t.service.awaitRatings();
        RegionMap fresh = t.service.regions(t.platformAdmin, 3, "62", 2023, null);
        assertThat(lq(fresh, "RO113")).isCloseTo(41.0 / 41 / (141.0 / 146), within(1e-9));
        assertThat(lq(fresh, "HU110")).isCloseTo(100.0 / 105 / (141.0 / 146), within(1e-9));
        // the cells brought up to date from the change log rate as a fresh read of the rollup does
        IndicatorService cold = new IndicatorService(t.repository, t.directory, IndicatorService.Settings.DEFAULTS);
        assertThat(cold.regions(t.platformAdmin, 3, "62", 2023, null)).isEqualTo(fresh);
        t.service.regions(t.platformAdmin, 2, "62", 2023, null); // level 2 was rated by the warm-up: stale now, refreshing
        t.service.awaitRatings();
        assertThat(cold.regions(t.platformAdmin, 2, "62", 2023, null)).isEqualTo(t.service.regions(t.platformAdmin, 2, "62", 2023, null));
    }

    private static double lq(IndicatorService service, String region) {
        return lq(service.regions(Caller.ANONYMOUS, 3, "62", 2023, null), region);
    }

    private static double lq(RegionMap map, String region) {
        return map.regions().stream().filter(r -> r.code().equals(region)).findFirst().orElseThrow().lq().doubleValue();
    }
}
