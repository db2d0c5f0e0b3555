package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.Cluster;
import eu.danubia.api.Membership;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationActivity;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.Caller;
import eu.danubia.indicators.internal.IndicatorRepository.Rollup;
import eu.danubia.indicators.internal.Views.*;
import eu.danubia.indicators.internal.calc.Calc;
import eu.danubia.indicators.internal.calc.ClusterRating;
import eu.danubia.indicators.internal.calc.ClusterRating.Cell;
import eu.danubia.indicators.internal.calc.ClusterRating.Rated;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Workers;

/**
 * The dashboards' numbers, from the rollup and the members' facts, with the tenant rules:
 * clusters as the directory lets the caller read them; company figures only for the company
 * itself, admins of its association and platform admins; aggregates over fewer than
 * {@code minCompanies} companies suppressed for everyone else.
 */
@Component(service = IndicatorService.class, configurationPid = IndicatorsConfig.PID)
public class IndicatorService {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorService.class);

    public static final String EUROSTAT_DATASET = "nama_10r_3empers.wstatus.EMP";
    static final String REFERENCE = "all regions in the data";
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");
    private static final Pattern DIVISION = Pattern.compile("[0-9]{2}");
    private static final Pattern SECTION = Pattern.compile("[A-U]([-_][A-U])?|TOTAL");
    private static final Set<String> NON_NUTS = Set.of("UA", "MD", "BA");

    /** Thresholds and the least number of companies an aggregate shown to anyone may cover. */
    public record Settings(ClusterRating.Thresholds thresholds, int minCompanies) {
        public static final Settings DEFAULTS = new Settings(ClusterRating.Thresholds.DEFAULTS, 3);
    }

    private final IndicatorRepository repository;
    private final DirectoryService directory;
    private final Settings settings;
    private final List<CooperationActivity> activities = new CopyOnWriteArrayList<>();
    /** Each year's rollup employees (cells and totals), kept up to date from the change log. */
    private final Map<Integer, YearCells> yearCells = new ConcurrentHashMap<>();
    /** Ratings of all cells of a year and level (key "year:level"), stale while a refresh runs. */
    private final Map<String, Ratings> ratings = new ConcurrentHashMap<>();
    /** Computes new ratings off the request path, one at a time. */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-indicator-ratings");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean warming = new AtomicBoolean();
    private volatile Cached<List<Integer>> years;
    private volatile Cached<Map<String, String>> regionNames;
    private volatile Cached<Map<String, String>> naceLabels;
    /** The reference tables (NUTS names, NACE labels) change only on a reference import: re-read after this. */
    private static final long REFERENCE_TTL_NANOS = 60_000_000_000L;

    @Activate
    public IndicatorService(@Reference IndicatorEngine engine, @Reference DirectoryService directory, IndicatorsConfig config) {
        this(engine.repository(), directory, new Settings(new ClusterRating.Thresholds(config.sizeTopShare(), config.specialisationLq(),
                config.focusTopShare(), config.strongTopShare()), Math.max(1, config.minCompanies())));
        warmUp();
    }

    public IndicatorService(IndicatorRepository repository, DirectoryService directory, Settings settings) {
        this.repository = repository;
        this.directory = directory;
        this.settings = settings;
    }

    @Deactivate
    void deactivate() {
        // no interrupt: the warm-up reads the database, and an interrupted H2 read closes the database
        if (!Workers.stop(refresher, Duration.ofSeconds(30))) {
            LOG.warn("indicator ratings still running after 30 s; left to finish");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addActivity(CooperationActivity activity) {
        activities.add(activity);
    }

    public void removeActivity(CooperationActivity activity) {
        activities.remove(activity);
    }

    public long version() {
        return repository.version();
    }

    // ---- clusters ---------------------------------------------------------------------------

    public ClusterDashboard cluster(Caller caller, UUID id) {
        Cluster cluster = directory.cluster(caller, id).orElseThrow(() -> new NotFoundException("Cluster"));
        boolean figures = caller.administers(cluster.associationId());
        List<UUID> memberIds = directory.members(Caller.SYSTEM, id).stream().map(Membership::organisationId).toList();
        Map<UUID, Organisation> orgs = new LinkedHashMap<>();
        for (UUID m : memberIds) {
            directory.organisation(Caller.SYSTEM, m).ifPresent(o -> orgs.put(m, o));
        }
        Map<UUID, TreeMap<Integer, Figures>> byOrg = figuresByOrganisation(memberIds);
        TreeSet<Integer> years = new TreeSet<>();
        byOrg.values().forEach(s -> years.addAll(s.keySet()));
        List<ClusterYear> series = new ArrayList<>();
        for (int year : years) {
            series.add(clusterYear(byOrg, year, figures));
        }
        Integer latest = years.isEmpty() ? null : years.last();
        String sector = cluster.sectors().isEmpty() ? null : FactBuilder.division(cluster.sectors().get(0));
        String region = cluster.nutsCode() != null ? cluster.nutsCode() : cluster.country();
        Benchmark benchmark = null;
        if (latest != null) {
            ClusterYear last = series.get(series.size() - 1);
            Rollup now = sum(region, sector, latest);
            Rollup before = sum(region, sector, latest - 1);
            boolean hidden = !caller.isPlatformAdmin() && now.companies() < settings.minCompanies();
            benchmark = new Benchmark(latest, region, sector, last.productivityMedianEur(), hidden ? null : now.productivityEur(),
                    last.turnoverGrowthMedian(), hidden || before.companies() < settings.minCompanies() && !caller.isPlatformAdmin()
                            ? null : Calc.growth(before.turnoverEur(), now.turnoverEur()));
        }
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> countries = new TreeMap<>();
        orgs.values().forEach(o -> {
            types.merge(o.type().name(), 1, Integer::sum);
            countries.merge(o.country(), 1, Integer::sum);
        });
        List<MemberFigures> members = null;
        if (figures) {
            members = new ArrayList<>();
            for (Organisation o : orgs.values()) {
                TreeMap<Integer, Figures> s = byOrg.getOrDefault(o.id(), new TreeMap<>());
                Integer y = s.isEmpty() ? null : s.lastKey();
                Figures f = y == null ? null : s.get(y);
                Figures p = y == null ? null : s.get(y - 1);
                members.add(new MemberFigures(o.id(), o.name(), o.country(), o.type().name(), y, f == null ? null : f.turnover,
                        f == null ? null : f.employees, f == null ? null : f.productivity(),
                        f == null || p == null ? null : Calc.growth(p.turnover, f.turnover)));
            }
        }
        return new ClusterDashboard(new ClusterInfo(cluster.id(), cluster.name(), cluster.country(), cluster.nutsCode(), cluster.sectors()),
                List.copyOf(years), latest, series, benchmark,
                types.entrySet().stream().map(e -> new TypeCount(e.getKey(), e.getValue())).toList(),
                countries.entrySet().stream().map(e -> new CountryCount(e.getKey(), e.getValue())).toList(),
                cooperation(memberIds), members);
    }

    private ClusterYear clusterYear(Map<UUID, TreeMap<Integer, Figures>> byOrg, int year, boolean figures) {
        int companies = 0;
        long employees = 0;
        BigDecimal turnover = BigDecimal.ZERO;
        List<BigDecimal> productivity = new ArrayList<>();
        List<BigDecimal> growth = new ArrayList<>();
        List<BigDecimal> employment = new ArrayList<>();
        for (TreeMap<Integer, Figures> s : byOrg.values()) {
            Figures f = s.get(year);
            if (f == null) {
                continue;
            }
            companies++;
            employees += f.employees == null ? 0 : f.employees;
            turnover = f.turnover == null ? turnover : turnover.add(f.turnover);
            productivity.add(f.productivity());
            Figures p = s.get(year - 1);
            if (p != null) {
                growth.add(Calc.growth(p.turnover, f.turnover));
                employment.add(Calc.growth(p.employees, f.employees));
            }
        }
        if (!figures && companies < settings.minCompanies()) {
            return new ClusterYear(year, null, null, null, null, null, null, true);
        }
        return new ClusterYear(year, companies, employees, turnover, Calc.median(productivity), Calc.median(growth),
                Calc.median(employment), false);
    }

    /** A region's (and its sub-regions') rollup of one division, or all divisions when it is null. */
    private Rollup sum(String region, String division, int year) {
        Rollup total = Rollup.zero(region, division, year);
        for (Rollup r : repository.region(region)) {
            if (r.year() == year && r.division().equals(division == null ? IndicatorRepository.ALL : division)) {
                total = total.plus(r);
            }
        }
        return total;
    }

    private CooperationCounts cooperation(Collection<UUID> members) {
        Map<UUID, Cooperation> all = new LinkedHashMap<>();
        Map<String, int[]> byMode = new TreeMap<>();
        for (CooperationActivity a : activities) {
            byMode.putIfAbsent(a.mode(), new int[2]);
            if (!members.isEmpty()) {
                for (Cooperation c : a.cooperations(members)) {
                    if (all.putIfAbsent(c.id(), c) == null) {
                        byMode.computeIfAbsent(c.mode(), k -> new int[2])[c.kind() == Cooperation.Kind.AGREEMENT ? 1 : 0]++;
                    }
                }
            }
        }
        Map<UUID, String> countries = new HashMap<>();
        int cross = 0;
        int known = 0;
        for (Cooperation c : all.values()) {
            String from = countries.computeIfAbsent(c.from(), this::countryOf);
            String to = countries.computeIfAbsent(c.to(), this::countryOf);
            if (from != null && to != null) {
                known++;
                cross += from.equals(to) ? 0 : 1;
            }
        }
        int interests = byMode.values().stream().mapToInt(v -> v[0]).sum();
        int agreements = byMode.values().stream().mapToInt(v -> v[1]).sum();
        return new CooperationCounts(interests, agreements, known == 0 ? null : Calc.ratio(BigDecimal.valueOf(cross), BigDecimal.valueOf(known)),
                byMode.entrySet().stream().map(e -> new ModeCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    private String countryOf(UUID organisation) {
        return organisation == null ? null : directory.organisation(Caller.SYSTEM, organisation).map(Organisation::country).orElse(null);
    }

    // ---- companies --------------------------------------------------------------------------

    public CompanyBenchmark company(Caller caller, UUID organisationId) {
        Organisation org = directory.organisation(Caller.SYSTEM, organisationId)
                .filter(o -> caller.isPlatformAdmin() || organisationId.equals(caller.organisationId())
                        || caller.administers(o.associationId()))
                .orElseThrow(() -> new NotFoundException("Organisation"));
        TreeMap<Integer, Figures> s = figuresByOrganisation(List.of(organisationId)).getOrDefault(organisationId, new TreeMap<>());
        List<CompanyYear> series = new ArrayList<>();
        TreeMap<Integer, BigDecimal> turnover = new TreeMap<>();
        TreeMap<Integer, Integer> employees = new TreeMap<>();
        for (Map.Entry<Integer, Figures> e : s.entrySet()) {
            Figures f = e.getValue();
            Figures p = s.get(e.getKey() - 1);
            turnover.put(e.getKey(), f.turnover);
            employees.put(e.getKey(), f.employees);
            var size = Calc.sizeClass(f.employees);
            series.add(new CompanyYear(e.getKey(), f.turnover, f.employees, f.profit, f.exports,
                    p == null ? null : Calc.growth(p.turnover, f.turnover), p == null ? null : Calc.growth(p.employees, f.employees),
                    f.productivity(), Calc.profitMargin(f.profit, f.turnover), Calc.exportShare(f.exports, f.turnover),
                    size == null ? null : size.name()));
        }
        List<Peer> peers = new ArrayList<>();
        if (!s.isEmpty()) {
            int year = s.lastKey();
            for (Cluster cl : directory.clustersOf(Caller.SYSTEM, organisationId)) {
                List<UUID> members = directory.members(Caller.SYSTEM, cl.id()).stream().map(Membership::organisationId).toList();
                peers.add(peer(caller, "cluster", cl.id().toString(), cl.name(), year, figuresByOrganisation(members).values()));
            }
            Fact latest = repository.factsOfOrganisations(List.of(organisationId)).stream()
                    .filter(f -> f.year() == year).findFirst().orElse(null);
            if (latest != null) {
                Map<String, TreeMap<Integer, Figures>> cell = new HashMap<>();
                for (Fact f : repository.factsOfCell(latest.region(), latest.division(), year - 1, year)) {
                    cell.computeIfAbsent(f.country() + ":" + f.nationalId(), k -> new TreeMap<>()).put(f.year(), Figures.of(f));
                }
                String id = latest.region() + ":" + latest.division();
                peers.add(peer(caller, "region", id, regionName(latest.region()) + ", NACE " + latest.division(), year, cell.values()));
            }
        }
        return new CompanyBenchmark(new OrganisationInfo(org.id(), org.name(), org.country(), org.nutsCode(), org.naceCodes()), series,
                Calc.cagr(turnover, 3), Calc.transitions(employees).stream()
                        .map(t -> new SizeTransition(t.year(), t.from().name(), t.to().name())).toList(),
                peers);
    }

    private Peer peer(Caller caller, String kind, String id, String label, int year, Collection<TreeMap<Integer, Figures>> companies) {
        List<BigDecimal> productivity = new ArrayList<>();
        List<BigDecimal> growth = new ArrayList<>();
        int n = 0;
        for (TreeMap<Integer, Figures> s : companies) {
            Figures f = s.get(year);
            if (f == null) {
                continue;
            }
            n++;
            productivity.add(f.productivity());
            Figures p = s.get(year - 1);
            if (p != null) {
                growth.add(Calc.growth(p.turnover, f.turnover));
            }
        }
        boolean hidden = !caller.isPlatformAdmin() && n < settings.minCompanies();
        return new Peer(kind, id, label, year, hidden ? null : Calc.median(productivity), hidden ? null : Calc.median(growth), n);
    }

    /** One organisation's figures of one year, summed over its national ids (usually one). */
    private static final class Figures {
        BigDecimal turnover;
        Integer employees;
        BigDecimal profit;
        BigDecimal exports;

        static Figures of(Fact f) {
            Figures x = new Figures();
            x.turnover = f.turnoverEur();
            x.employees = f.employees();
            x.profit = f.profitEur();
            x.exports = f.exportsEur();
            return x;
        }

        Figures plus(Figures o) {
            Figures x = new Figures();
            x.turnover = add(turnover, o.turnover);
            x.employees = employees == null ? o.employees : o.employees == null ? employees : employees + o.employees;
            x.profit = add(profit, o.profit);
            x.exports = add(exports, o.exports);
            return x;
        }

        BigDecimal productivity() {
            return Calc.productivity(turnover, employees);
        }

        private static BigDecimal add(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.add(b);
        }
    }

    private Map<UUID, TreeMap<Integer, Figures>> figuresByOrganisation(Collection<UUID> organisations) {
        Map<UUID, TreeMap<Integer, Figures>> out = new LinkedHashMap<>();
        for (Fact f : repository.factsOfOrganisations(organisations)) {
            out.computeIfAbsent(f.organisationId(), k -> new TreeMap<>()).merge(f.year(), Figures.of(f), Figures::plus);
        }
        return out;
    }

    // ---- regions ----------------------------------------------------------------------------

    public RegionMap regions(Caller caller, Integer level, String sector, Integer year, String basis) {
        int lvl = level == null ? 3 : level;
        String b = basis == null || basis.isBlank() ? "companies" : basis;
        String s = sector == null ? "" : sector.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (lvl != 2 && lvl != 3) {
            errors.put("level", "must be 2 or 3");
        }
        if (!b.equals("companies") && !b.equals("eurostat")) {
            errors.put("basis", "must be companies or eurostat");
        } else if (!s.isEmpty() && !(b.equals("companies") ? DIVISION : SECTION).matcher(s).matches()) {
            errors.put("sector", b.equals("companies") ? "must be a NACE division (two digits)" : "must be a NACE section code such as C or B-E");
        }
        if (year != null && (year < 1990 || year > 2100)) {
            errors.put("year", "must be between 1990 and 2100");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return b.equals("eurostat") ? eurostat(lvl, s, year) : companies(caller, lvl, s, year);
    }

    private RegionMap companies(Caller caller, int level, String sector, Integer requestedYear) {
        long version = repository.version();
        List<Integer> years = years(version);
        Integer year = requestedYear != null ? requestedYear : years.isEmpty() ? null : years.get(years.size() - 1);
        Map<String, String> labels = naceLabels();
        Map<String, String> names = regionNames();
        YearCells base = year == null ? null : cells(year, version);
        List<Sector> sectors = year == null ? List.of()
                : base.divisions().stream().map(d -> new Sector(d, labels.getOrDefault(d, d))).toList();
        List<RegionRow> rows = new ArrayList<>();
        if (year != null) {
            Map<String, Rated> rated = rating(year, level, version);
            Map<String, Rollup> totals = aggregate(repository.division(year, IndicatorRepository.ALL), level);
            Map<String, Rollup> cells = sector.isEmpty() ? totals : aggregate(repository.division(year, sector), level);
            for (Rollup r : cells.values()) {
                Rollup total = totals.get(r.region());
                Rated x = sector.isEmpty() ? null : rated.get(r.region() + ":" + sector);
                rows.add(row(caller, r, total, x, names, sector.isEmpty()));
            }
        }
        rows.sort(Comparator.comparing(RegionRow::code));
        return new RegionMap(level, sector, year, "companies", REFERENCE, years, sectors, rows);
    }

    private RegionRow row(Caller caller, Rollup r, Rollup total, Rated x, Map<String, String> names, boolean allSectors) {
        String code = r.region();
        boolean nuts = code.length() > 2 && !NON_NUTS.contains(code.substring(0, 2));
        String name = names.getOrDefault(code, code);
        if (!caller.isPlatformAdmin() && r.companies() < settings.minCompanies()) {
            return new RegionRow(code, name, code.substring(0, 2), nuts, null, null, null, null, null, null, null, null, null, null, null,
                    true, null);
        }
        BigDecimal employees = BigDecimal.valueOf(r.employees());
        BigDecimal share = total == null || total.employees() == 0 ? null : Calc.ratio(employees, BigDecimal.valueOf(total.employees()));
        return new RegionRow(code, name, code.substring(0, 2), nuts, r.companies(), employees, r.turnoverEur(), r.productivityEur(),
                share, x == null ? null : x.lq(), x == null ? null : x.stars(), x == null ? null : x.size(),
                x == null ? null : x.specialisation(), x == null ? null : x.focus(), x == null ? null : x.strong(), false,
                allSectors ? null : x == null ? "not rated" : x.lqReason());
    }

    /** Rollup rows summed to the regions of a NUTS level; codes outside NUTS (UA) stay as they are. */
    private static Map<String, Rollup> aggregate(List<Rollup> rows, int level) {
        Map<String, Rollup> out = new TreeMap<>();
        for (Rollup r : rows) {
            String key = levelCode(r.region(), level);
            out.merge(key, new Rollup(key, r.division(), r.year(), r.companies(), r.employees(), r.employeeCompanies(), r.turnoverEur(),
                    r.turnoverCompanies(), r.prodTurnoverEur(), r.prodEmployees()), Rollup::plus);
        }
        return out;
    }

    static String levelCode(String region, int level) {
        return level == 2 && region.length() > 4 ? region.substring(0, 4) : region;
    }

    // ---- caches ---------------------------------------------------------------------------

    /** A value read at a version (or a time, for the reference tables). */
    private record Cached<T>(long stamp, T value) {
    }

    private List<Integer> years(long version) {
        Cached<List<Integer>> c = years;
        if (c == null || c.stamp() != version) {
            c = new Cached<>(version, List.copyOf(repository.years()));
            years = c;
            if (c.value().stream().anyMatch(y -> !ratings.containsKey(y + ":3"))) {
                warmUp(); // a year nobody has rated yet, e.g. the first statements after start
            }
        }
        return c.value();
    }

    private Map<String, String> regionNames() {
        Cached<Map<String, String>> c = regionNames;
        if (c == null || System.nanoTime() - c.stamp() > REFERENCE_TTL_NANOS) {
            c = new Cached<>(System.nanoTime(), Map.copyOf(repository.regionNames()));
            regionNames = c;
        }
        return c.value();
    }

    private Map<String, String> naceLabels() {
        Cached<Map<String, String>> c = naceLabels;
        if (c == null || System.nanoTime() - c.stamp() > REFERENCE_TTL_NANOS) {
            c = new Cached<>(System.nanoTime(), Map.copyOf(repository.naceLabels()));
            naceLabels = c;
        }
        return c.value();
    }

    /**
     * The employees of every rollup row of one year, in memory: read whole once, then brought to
     * the current version by the rows {@code indicator_rollup_changes} names (a few hundred per
     * engine batch). {@code stamp} counts the changes that altered anything.
     */
    private static final class YearCells {
        final Map<String, Long> employees = new HashMap<>();
        final TreeMap<String, Integer> divisionCells = new TreeMap<>();
        long version = -1;
        long stamp;
        volatile List<String> divisions = List.of();

        void put(String region, String division, Long value) {
            String key = region + "|" + division;
            Long before = value == null ? employees.remove(key) : employees.put(key, value);
            if (!division.equals(IndicatorRepository.ALL) && !division.isEmpty() && (before == null) != (value == null)) {
                divisionCells.merge(division, value == null ? -1 : 1, Integer::sum);
                divisionCells.remove(division, 0);
            }
            if (!java.util.Objects.equals(before, value)) {
                stamp++;
            }
        }

        void clear() {
            employees.clear();
            divisionCells.clear();
            stamp++;
        }

        List<String> divisions() {
            return divisions;
        }
    }

    /** The year's cells at (at least) {@code version}. */
    private YearCells cells(int year, long version) {
        YearCells y = yearCells.computeIfAbsent(year, k -> new YearCells());
        synchronized (y) {
            if (y.version == version) {
                return y;
            }
            boolean incremental = y.version >= 0 && repository.changes(year, y.version, y::put);
            if (!incremental) {
                y.clear();
                repository.employees(year, y::put);
            }
            y.version = version;
            y.divisions = List.copyOf(y.divisionCells.keySet());
            return y;
        }
    }

    /** The ratings of one year and level and the {@link YearCells#stamp} they were computed from. */
    private static final class Ratings {
        volatile Map<String, Rated> rated;
        volatile long stamp;
        final AtomicBoolean refreshing = new AtomicBoolean();
    }

    /**
     * Every cell of a year and level rated against the others. The first request for a year and
     * level computes them; afterwards a request whose data changed gets the last ratings at once
     * while one background refresh computes the new ones (stale-while-revalidate), so the stars
     * follow the data within one refresh.
     */
    private Map<String, Rated> rating(int year, int level, long version) {
        YearCells y = cells(year, version);
        Ratings r = ratings.computeIfAbsent(year + ":" + level, k -> new Ratings());
        if (r.rated == null) {
            synchronized (r) {
                if (r.rated == null) {
                    refresh(y, level, r);
                }
            }
            return r.rated;
        }
        // read before the refresh is queued: this request answers with the last ratings, whatever
        // the refresh thread does meanwhile
        Map<String, Rated> current = r.rated;
        if (r.stamp != stampOf(y) && r.refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    try {
                        refresh(y, level, r);
                    } catch (RuntimeException e) {
                        LOG.warn("indicator ratings of {} level {}: {}", year, level,
                                e.toString());
                    } finally {
                        r.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                r.refreshing.set(false);
            }
        }
        return current;
    }

    private static long stampOf(YearCells y) {
        synchronized (y) {
            return y.stamp;
        }
    }

    /** Rates a copy of the year's cells (the copy taken under the year's lock, the rating outside it). */
    private void refresh(YearCells y, int level, Ratings into) {
        Map<String, Long> copy;
        long stamp;
        synchronized (y) {
            copy = new HashMap<>(y.employees);
            stamp = y.stamp;
        }
        Map<String, long[]> totals = new HashMap<>();
        Map<String, long[]> cells = new HashMap<>();
        copy.forEach((key, employees) -> {
            int bar = key.indexOf('|');
            String region = levelCode(key.substring(0, bar), level);
            String division = key.substring(bar + 1);
            if (division.equals(IndicatorRepository.ALL)) {
                totals.computeIfAbsent(region, k -> new long[1])[0] += employees;
            } else if (!division.isEmpty()) {
                cells.computeIfAbsent(region + ":" + division, k -> new long[1])[0] += employees;
            }
        });
        List<Cell> list = new ArrayList<>(cells.size());
        cells.forEach((key, e) -> {
            int colon = key.indexOf(':');
            String region = key.substring(0, colon);
            long[] total = totals.get(region);
            list.add(new Cell(region, key.substring(colon + 1), BigDecimal.valueOf(e[0]), total == null ? null : BigDecimal.valueOf(total[0])));
        });
        Map<String, Rated> out = new HashMap<>(list.size() * 2);
        for (Rated x : ClusterRating.rate(list, settings.thresholds())) {
            out.put(x.cell().region() + ":" + x.cell().sector(), x);
        }
        into.rated = out;
        into.stamp = stamp;
    }

    /**
     * Queues the rating of every year at NUTS levels 2 and 3 on the background thread, so that no
     * map request pays for the first rating of a year (the component does this when it starts).
     */
    public void warmUp() {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                warming.set(false); // changes from here on queue another warm-up
                try {
                    long version = repository.version();
                    for (int year : years(version)) {
                        for (int level = 3; level >= 2 && !refresher.isShutdown(); level--) {
                            rating(year, level, version);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.warn("indicator ratings warm-up: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            warming.set(false); // stopping
        }
    }

    /** Waits until the background refreshes queued so far are done (tests and the benchmark). */
    public void awaitRatings() throws InterruptedException, ExecutionException {
        refresher.submit(() -> { }).get();
    }

    private RegionMap eurostat(int level, String sector, Integer requestedYear) {
        record Stat(String region, String nace, int year, BigDecimal value) {
        }
        List<Stat> stats = repository.database().read(c -> Jdbc.query(c, "SELECT nuts_code, nace, ref_year, obs_value FROM ingest_region_stats"
                + " WHERE dataset = ? AND unit = 'THS'", rs -> new Stat(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)),
                EUROSTAT_DATASET)).stream().filter(x -> x.region().length() == level + 2).toList();
        List<Integer> years = stats.stream().filter(x -> x.value() != null).map(Stat::year).distinct().sorted().toList();
        Integer year = requestedYear != null ? requestedYear : years.isEmpty() ? null : years.get(years.size() - 1);
        List<Stat> ofYear = stats.stream().filter(x -> year != null && x.year() == year && x.value() != null).toList();
        Map<String, BigDecimal> totals = new HashMap<>();
        ofYear.stream().filter(x -> x.nace().equals("TOTAL")).forEach(x -> totals.put(x.region(), x.value()));
        List<Cell> cells = ofYear.stream().filter(x -> !x.nace().equals("TOTAL"))
                .map(x -> new Cell(x.region(), x.nace(), x.value(), totals.get(x.region()))).toList();
        Map<String, Rated> rated = ClusterRating.rate(cells, settings.thresholds()).stream()
                .collect(Collectors.toMap(x -> x.cell().region() + ":" + x.cell().sector(), x -> x, (a, b2) -> a));
        Map<String, String> names = regionNames();
        BigDecimal thousand = BigDecimal.valueOf(1000);
        List<RegionRow> rows = new ArrayList<>();
        String nace = sector.isEmpty() ? "TOTAL" : sector;
        for (Stat x : ofYear) {
            if (!x.nace().equals(nace)) {
                continue;
            }
            Rated r = rated.get(x.region() + ":" + x.nace());
            BigDecimal total = totals.get(x.region());
            rows.add(new RegionRow(x.region(), names.getOrDefault(x.region(), x.region()), x.region().substring(0, 2), true, null,
                    x.value().multiply(thousand), null, null, Calc.ratio(x.value(), total), r == null ? null : r.lq(),
                    r == null ? null : r.stars(), r == null ? null : r.size(), r == null ? null : r.specialisation(),
                    r == null ? null : r.focus(), r == null ? null : r.strong(), false, r == null ? null : r.lqReason()));
        }
        rows.sort(Comparator.comparing(RegionRow::code));
        List<Sector> sectors = stats.stream().map(Stat::nace).distinct().sorted().map(n -> new Sector(n, n)).toList();
        return new RegionMap(level, sector, year, "eurostat", REFERENCE, years, sectors, rows);
    }

    public RegionDetail region(Caller caller, String code, String sector) {
        String s = sector == null ? "" : sector.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || !REGION.matcher(code).matches()) {
            errors.put("code", "must be a NUTS code or a country code");
        }
        if (!s.isEmpty() && !DIVISION.matcher(s).matches()) {
            errors.put("sector", "must be a NACE division (two digits)");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Rollup> rows = repository.region(code);
        long version = repository.version();
        if (rows.isEmpty()) {
            throw new NotFoundException("Region");
        }
        int level = code.length() == 4 ? 2 : 3;
        Map<String, Rollup> byKey = new TreeMap<>();
        for (Rollup r : rows) {
            byKey.merge(r.year() + ":" + r.division(), new Rollup(code, r.division(), r.year(), r.companies(), r.employees(),
                    r.employeeCompanies(), r.turnoverEur(), r.turnoverCompanies(), r.prodTurnoverEur(), r.prodEmployees()), Rollup::plus);
        }
        String division = s.isEmpty() ? IndicatorRepository.ALL : s;
        List<RegionYear> series = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Rollup r : byKey.values()) {
            years.add(r.year());
            if (!r.division().equals(division)) {
                continue;
            }
            Rated x = s.isEmpty() ? null : rating(r.year(), level, version).get(code + ":" + s);
            if (!caller.isPlatformAdmin() && r.companies() < settings.minCompanies()) {
                series.add(new RegionYear(r.year(), division, null, null, null, null, null, null, true));
            } else {
                series.add(new RegionYear(r.year(), division, r.companies(), BigDecimal.valueOf(r.employees()), r.turnoverEur(),
                        r.productivityEur(), x == null ? null : x.lq(), x == null ? null : x.stars(), false));
            }
        }
        int latest = years.last();
        Map<String, String> labels = naceLabels();
        List<RegionSector> sectors = new ArrayList<>();
        Map<String, Rated> rated = rating(latest, level, version);
        byKey.values().stream().filter(r -> r.year() == latest && !r.division().equals(IndicatorRepository.ALL) && !r.division().isEmpty())
                .sorted(Comparator.comparingLong(Rollup::employees).reversed()).forEach(r -> {
                    Rated x = rated.get(code + ":" + r.division());
                    boolean hidden = !caller.isPlatformAdmin() && r.companies() < settings.minCompanies();
                    sectors.add(new RegionSector(r.division(), labels.getOrDefault(r.division(), r.division()),
                            hidden ? null : BigDecimal.valueOf(r.employees()), hidden || x == null ? null : x.lq(),
                            hidden || x == null ? null : x.stars(), hidden || x == null ? null : x.strong(), hidden));
                });
        return new RegionDetail(code, regionName(code), series, sectors);
    }

    private String regionName(String code) {
        return regionNames().getOrDefault(code, code);
    }
}
