package eu.danubia.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.danubia.api.NationalId;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.demo.internal.DemoDataSet.DemoAssociation;
import eu.danubia.demo.internal.DemoDataSet.DemoOrganisation;
import eu.danubia.demo.internal.ReferenceData.NutsRegion;

/**
 * Invented register data for the indicators and dashboards of the embedded default, source
 * {@value #SOURCE}: company records and 2019–2023 financial statements of the demo organisations
 * (businesses, and cluster organisations with a national id), and a synthetic "register
 * population" of a few thousand companies over the NUTS 3 regions of the Danube region (plus
 * Ukraine, Moldova and Bosnia and Herzegovina without NUTS), with regional specialisations
 * (automotive around Győr, Mladá Boleslav, Pitești, Trnava ...; software in Cluj, Brno,
 * Bratislava ...) so that location quotients and cluster stars mean something.
 *
 * <p>Everything is deterministic: each demo organisation draws from a generator seeded with its
 * national id, each region from one seeded with its code, so a second start produces exactly the
 * same records (and the ingest store answers UNCHANGED for all). The figures are plausible, not
 * real: sector productivity levels scaled by a country factor, growth from a country trend, a
 * sector trend, a firm's own trend and the 2020 pandemic shock.
 *
 * <p>Amounts are in the country's reporting currency with a fixed annual {@code eurRate}: units of
 * the currency per 1 EUR, as {@link FinancialStatement} and the connectors define it (approximately
 * the annual average reference rate; for RON the BNR averages the ro-anaf connector uses; HRK until
 * 2022, EUR from 2023 in Croatia; 1 for EUR).
 */
final class DemoFinancials {

    static final String SOURCE = "demo";
    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2023;
    static final int MAX_COMPANIES = 8_000;
    static final String STATUS = "ACTIVE";
    /** National ids of the synthetic companies start with this, e.g. {@code DEMO-RO113-0042}. */
    static final String SYNTHETIC_PREFIX = "DEMO-";

    private static final long SEED = 0x5EED_2019_2023L;
    private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    /** What to store: the company records and the statements, each with its source position. */
    record Data(List<CompanyRecord> companies, List<String> companyPositions, List<FinancialStatement> statements,
            List<String> statementPositions) {
    }

    // ---- sectors ----------------------------------------------------------------------------

    /**
     * A NACE division's typical figures (at German price levels in 2019).
     *
     * @param productivity turnover per employee in EUR
     * @param trend yearly growth beyond the country's trend
     * @param shock2020 the pandemic's effect on 2020 turnover, partly recovered in 2021 and 2022
     * @param sizeMix shares of micro, small, medium and large firms
     */
    record Sector(String division, List<String> classes, double productivity, double margin, double exportShare,
            double trend, double shock2020, double[] sizeMix) {
    }

    private static Sector sector(String division, String classes, double productivity, double margin,
            double exportShare, double trend, double shock2020, double... sizeMix) {
        return new Sector(division, List.of(classes.split(",")), productivity, margin, exportShare, trend, shock2020,
                sizeMix);
    }

    static final Map<String, Sector> SECTORS = List.of(
            sector("10", "10.71,10.13,10.51,10.39", 220_000, 0.04, 0.20, 0.00, -0.02, .45, .33, .17, .05),
            sector("11", "11.02,11.07", 200_000, 0.07, 0.30, 0.01, -0.05, .55, .30, .12, .03),
            sector("14", "14.13,14.14", 55_000, 0.04, 0.80, 0.00, -0.10, .50, .30, .17, .03),
            sector("16", "16.10,16.23", 200_000, 0.05, 0.45, 0.00, -0.03, .55, .30, .12, .03),
            sector("21", "21.20", 400_000, 0.12, 0.60, 0.04, 0.03, .30, .30, .25, .15),
            sector("22", "22.29,22.21", 200_000, 0.05, 0.50, 0.01, -0.06, .40, .35, .20, .05),
            sector("24", "24.10,24.42", 400_000, 0.03, 0.60, -0.01, -0.12, .30, .30, .25, .15),
            sector("25", "25.62,25.11", 140_000, 0.05, 0.35, 0.01, -0.07, .50, .33, .14, .03),
            sector("26", "26.11,26.51", 250_000, 0.07, 0.70, 0.04, -0.02, .40, .30, .20, .10),
            sector("27", "27.11,27.12", 230_000, 0.06, 0.65, 0.03, -0.05, .40, .30, .20, .10),
            sector("28", "28.41,28.29", 240_000, 0.06, 0.60, 0.02, -0.08, .40, .33, .20, .07),
            sector("29", "29.32,29.10,29.31", 350_000, 0.04, 0.80, 0.02, -0.15, .35, .35, .22, .08),
            sector("31", "31.09,31.01", 120_000, 0.04, 0.50, 0.00, -0.05, .55, .30, .12, .03),
            sector("32", "32.50", 160_000, 0.10, 0.60, 0.05, 0.02, .50, .30, .15, .05),
            sector("35", "35.11", 500_000, 0.08, 0.05, 0.06, 0.00, .60, .25, .10, .05),
            sector("41", "41.20", 180_000, 0.06, 0.02, 0.01, -0.03, .60, .30, .08, .02),
            sector("42", "42.11", 220_000, 0.06, 0.02, 0.02, -0.02, .45, .35, .15, .05),
            sector("43", "43.21,43.22,43.99", 110_000, 0.07, 0.03, 0.02, -0.03, .62, .30, .07, .01),
            sector("45", "45.11,45.20", 350_000, 0.03, 0.05, 0.00, -0.06, .60, .30, .08, .02),
            sector("46", "46.90,46.19,46.46", 600_000, 0.03, 0.15, 0.01, -0.04, .55, .32, .10, .03),
            sector("47", "47.11,47.19,47.71", 200_000, 0.03, 0.00, 0.00, -0.05, .70, .22, .06, .02),
            sector("49", "49.41,49.39", 130_000, 0.04, 0.15, 0.01, -0.08, .62, .28, .08, .02),
            sector("52", "52.29,52.10", 200_000, 0.06, 0.30, 0.02, -0.04, .50, .30, .15, .05),
            sector("55", "55.10", 70_000, 0.06, 0.10, 0.02, -0.40, .65, .28, .06, .01),
            sector("56", "56.10,56.30", 55_000, 0.05, 0.00, 0.01, -0.30, .72, .24, .035, .005),
            sector("62", "62.01,62.02,62.09", 130_000, 0.12, 0.55, 0.06, 0.03, .65, .27, .07, .01),
            sector("63", "63.11", 150_000, 0.10, 0.50, 0.05, 0.02, .60, .28, .10, .02),
            sector("72", "72.11,72.19", 120_000, 0.06, 0.40, 0.04, 0.00, .55, .30, .12, .03),
            sector("94", "94.11", 60_000, 0.02, 0.05, 0.02, -0.02, .80, .18, .02, .00))
            .stream().collect(Collectors.toUnmodifiableMap(Sector::division, Function.identity()));

    /** For a demo organisation whose division is not above. */
    private static final Sector OTHER = sector("70", "70.22", 100_000, 0.06, 0.20, 0.03, -0.03, .70, .22, .07, .01);

    /** The sectors every region has, with their weight in the number of companies. */
    private static final Map<String, Double> BASE_MIX = Map.ofEntries(Map.entry("47", 18.0), Map.entry("46", 11.0),
            Map.entry("45", 5.0), Map.entry("41", 5.0), Map.entry("42", 2.0), Map.entry("43", 11.0),
            Map.entry("10", 5.0), Map.entry("25", 6.0), Map.entry("49", 8.0), Map.entry("56", 11.0),
            Map.entry("62", 3.0), Map.entry("28", 2.0), Map.entry("22", 2.0), Map.entry("16", 2.0),
            Map.entry("55", 3.0), Map.entry("52", 2.0), Map.entry("31", 1.0), Map.entry("11", 1.0),
            Map.entry("27", 1.0), Map.entry("26", 1.0));
    /** The base mix in a fixed order, so that the draws are the same on every JVM. */
    private static final List<String> BASE_ORDER = BASE_MIX.keySet().stream().sorted().toList();

    // ---- countries --------------------------------------------------------------------------

    /**
     * @param currencyPerEur the reporting currency's annual average per EUR, 2019–2023
     * @param productivity the price and productivity level against Germany
     * @param trend yearly nominal growth in EUR
     * @param exportsReported whether the register's statements give exports (else null)
     * @param regionPopulation a NUTS 3 region's average population in thousands: sets the number of companies
     */
    record Country(String code, List<String> currencies, double[] currencyPerEur, double productivity, double trend,
            boolean exportsReported, int regionPopulation) {

        String currency(int year) {
            return currencies.get(Math.min(year - FIRST_YEAR, currencies.size() - 1));
        }

        /** Units of the reporting currency per 1 EUR. */
        BigDecimal eurRate(int year) {
            return BigDecimal.valueOf(currencyPerEur[year - FIRST_YEAR]);
        }
    }

    private static Country country(String code, String currency, double[] perEur, double productivity, double trend,
            boolean exports, int regionPopulation) {
        return new Country(code, List.of(currency.split(",")), perEur, productivity, trend, exports, regionPopulation);
    }

    private static final double[] EUR = {1, 1, 1, 1, 1};

    static final Map<String, Country> COUNTRIES = List.of(
            country("AT", "EUR", EUR, 1.00, 0.030, true, 255),
            country("DE", "EUR", EUR, 1.00, 0.025, true, 190),
            country("SI", "EUR", EUR, 0.70, 0.045, true, 175),
            country("SK", "EUR", EUR, 0.55, 0.045, true, 680),
            country("ME", "EUR", EUR, 0.30, 0.050, true, 620),
            country("CZ", "CZK", new double[] {25.670, 26.455, 25.640, 24.566, 24.004}, 0.60, 0.050, true, 760),
            // Croatia reported in kuna until 2022 and in euro from 2023
            country("HR", "HRK,HRK,HRK,HRK,EUR", new double[] {7.418, 7.538, 7.528, 7.535, 1}, 0.50, 0.050, true, 185),
            country("HU", "HUF", new double[] {325.30, 351.25, 358.52, 391.29, 381.85}, 0.50, 0.045, true, 485),
            country("RO", "RON", new double[] {4.7452, 4.8371, 4.9204, 4.9315, 4.9465}, 0.42, 0.060, false, 455),
            country("BG", "BGN", new double[] {1.95583, 1.95583, 1.95583, 1.95583, 1.95583}, 0.33, 0.060, false, 245),
            country("RS", "RSD", new double[] {117.85, 117.58, 117.57, 117.46, 117.25}, 0.33, 0.050, true, 270),
            country("UA", "UAH", new double[] {28.94, 30.79, 32.29, 33.98, 40.0}, 0.20, 0.020, false, 0),
            country("MD", "MDL", new double[] {19.67, 19.74, 20.93, 19.92, 19.51}, 0.20, 0.050, false, 0),
            country("BA", "BAM", new double[] {1.95583, 1.95583, 1.95583, 1.95583, 1.95583}, 0.27, 0.040, false, 0))
            .stream().collect(Collectors.toUnmodifiableMap(Country::code, Function.identity()));

    /** Danube-region countries in NUTS whose every NUTS 3 region gets companies (Germany: only DE1 and DE2). */
    static final Set<String> NUTS_COUNTRIES = Set.of("AT", "BG", "CZ", "DE", "HR", "HU", "RO", "SI", "SK", "RS", "ME");

    /** Danube-region countries without NUTS: companies with a country and no region; how many, and the city. */
    private static final List<Object[]> NON_NUTS = List.of(new Object[] {"UA", 250, "Odesa"},
            new Object[] {"MD", 120, "Chișinău"}, new Object[] {"BA", 150, "Sarajevo"});

    /** Capitals and metropolitan regions: three times the companies. */
    private static final Set<String> METROPOLITAN = Set.of("AT130", "BG411", "CZ010", "HU110", "RO321", "SK010",
            "SI041", "HR050", "RS110", "DE212", "DE111");

    // ---- regional specialisations -----------------------------------------------------------

    /** Extra companies of a division in a region (or a non-NUTS country); the first of a big hub is its anchor firm. */
    record Hub(String region, String division, int companies) {
    }

    private static List<Hub> hubs(String division, Object... regionAndCount) {
        List<Hub> out = new ArrayList<>();
        for (int i = 0; i < regionAndCount.length; i += 2) {
            out.add(new Hub((String) regionAndCount[i], division, (Integer) regionAndCount[i + 1]));
        }
        return out;
    }

    static final List<Hub> HUBS = concat(
            // automotive: Győr (Audi), Mladá Boleslav (Škoda), Pitești (Dacia), Trnava (Stellantis), Žilina (Kia), ...
            hubs("29", "HU221", 35, "CZ020", 35, "RO311", 35, "SK021", 30, "SK010", 15, "SK031", 25, "DE211", 30,
                    "DE111", 25, "DE112", 20, "DE22C", 20, "DE212", 15, "HU331", 20, "HU222", 12, "HU212", 15,
                    "CZ080", 20, "CZ052", 15, "RO424", 20, "RO411", 20, "RO122", 15, "SI037", 12, "AT221", 20,
                    "RS218", 15, "BG421", 10),
            // software and IT services
            hubs("62", "RO113", 40, "CZ064", 35, "SK010", 35, "HU110", 40, "RO321", 45, "BG411", 45, "SI041", 25,
                    "HR050", 25, "RS110", 35, "RS123", 20, "AT130", 35, "DE212", 40, "DE122", 20, "RO213", 20,
                    "RO424", 20, "CZ010", 40, "SK042", 15, "UA", 60),
            hubs("26", "DE252", 20, "HU110", 10, "CZ010", 10, "SK023", 10, "HU211", 15, "DE232", 15),
            hubs("27", "DE254", 15),
            hubs("28", "DE143", 15, "DE118", 15, "DE271", 15, "AT312", 20, "AT314", 10, "CZ072", 10, "SK022", 10),
            hubs("32", "DE137", 20, "HU110", 8),
            hubs("24", "SK042", 10, "RO224", 10, "AT312", 10, "CZ080", 10, "RS227", 8, "HU311", 6),
            hubs("21", "SI037", 8, "SI041", 8, "HR050", 6, "HU110", 8, "BG411", 8, "AT130", 6, "DE212", 6),
            hubs("16", "SK041", 15, "RO215", 20, "AT222", 10, "AT226", 10, "BA", 40, "SI033", 8, "HR022", 10, "UA", 20),
            hubs("31", "SK041", 10, "RO114", 15, "BA", 25),
            hubs("11", "CZ064", 20, "HU311", 12, "RO226", 15, "MD", 50, "UA", 15, "AT125", 15, "BG421", 8, "HR036", 8,
                    "SI043", 8),
            hubs("10", "MD", 30, "UA", 40, "HU332", 12, "RO215", 10, "BA", 15, "RS125", 10),
            hubs("14", "MD", 25),
            hubs("52", "RO223", 30, "SI044", 15, "HR031", 15, "UA", 40, "AT130", 15, "HU120", 15, "SK010", 10,
                    "DE254", 10, "BG331", 12, "RS110", 10),
            hubs("55", "HR036", 30, "HR035", 30, "HR037", 25, "HR033", 20, "AT322", 25, "AT334", 20, "AT335", 20,
                    "AT332", 12, "DE21D", 12, "DE215", 10, "BG331", 20, "BG341", 25, "ME000", 25, "SI042", 12,
                    "SI044", 10, "HU223", 10, "HU232", 12, "RO223", 15, "RO122", 10));

    @SafeVarargs
    private static List<Hub> concat(List<Hub>... lists) {
        List<Hub> out = new ArrayList<>();
        for (List<Hub> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    private DemoFinancials() {
    }

    // ---- storing ----------------------------------------------------------------------------

    /** Records per batch call: one transaction each. */
    static final int BATCH = 1_000;

    /** What a run stored: records written and records the store already held unchanged. */
    record Result(int companiesStored, int companiesUnchanged, int statementsStored, int statementsUnchanged) {

        int stored() {
            return companiesStored + statementsStored;
        }

        @Override
        public String toString() {
            return "companies " + companiesStored + " stored, " + companiesUnchanged + " unchanged; statements "
                    + statementsStored + " stored, " + statementsUnchanged + " unchanged";
        }
    }

    /**
     * Writes the data through the ingest service's batch calls, companies first. Stops between
     * batches when the thread is interrupted.
     */
    static Result store(IngestService ingest, Data data) {
        return store(ingest, data, () -> false);
    }

    /** As {@link #store(IngestService, Data)}, ending before the next batch once {@code stopping} says so. */
    static Result store(IngestService ingest, Data data, java.util.function.BooleanSupplier stopping) {
        int[] companies = batches(data.companies(), data.companyPositions(), ingest::companies, stopping);
        int[] statements = batches(data.statements(), data.statementPositions(), ingest::financials, stopping);
        return new Result(companies[0], companies[1], statements[0], statements[1]);
    }

    private static <T> int[] batches(List<T> records, List<String> positions,
            java.util.function.BiFunction<List<T>, List<String>, List<IngestService.Outcome>> store,
            java.util.function.BooleanSupplier stopping) {
        int[] counts = new int[2];
        for (int from = 0; from < records.size() && !Thread.currentThread().isInterrupted() && !stopping.getAsBoolean(); from += BATCH) {
            int to = Math.min(records.size(), from + BATCH);
            for (IngestService.Outcome o : store.apply(records.subList(from, to), positions.subList(from, to))) {
                counts[o == IngestService.Outcome.STORED ? 0 : 1]++;
            }
        }
        return counts;
    }

    // ---- generation -------------------------------------------------------------------------

    /**
     * The demo organisations' records and the synthetic population.
     *
     * @param regions the NUTS regions the demo loads; level-3 regions of the Danube countries are used
     */
    static Data generate(DemoDataSet demo, List<NutsRegion> regions) {
        Builder out = new Builder();
        for (DemoAssociation a : demo.associations()) {
            for (DemoOrganisation o : a.organisations()) {
                organisation(out, o);
            }
        }
        int before = out.companies.size();
        for (NutsRegion r : regions) {
            if (r.level() == 3 && danube(r)) {
                region(out, r.code(), r.country(), r.code(), r.name());
            }
        }
        for (Object[] c : NON_NUTS) {
            region(out, (String) c[0], (String) c[0], null, (String) c[2]);
        }
        if (out.companies.size() - before > MAX_COMPANIES) {
            throw new IllegalStateException("the synthetic population has " + (out.companies.size() - before)
                    + " companies, more than " + MAX_COMPANIES);
        }
        return new Data(List.copyOf(out.companies), List.copyOf(out.companyPositions), List.copyOf(out.statements),
                List.copyOf(out.statementPositions));
    }

    static boolean danube(NutsRegion r) {
        if (!NUTS_COUNTRIES.contains(r.country())) {
            return false;
        }
        return !r.country().equals("DE") || r.code().startsWith("DE1") || r.code().startsWith("DE2");
    }

    /** A business, or a cluster organisation with a national id; other organisations have no accounts here. */
    private static void organisation(Builder out, DemoOrganisation o) {
        boolean company = o.type() == OrganisationType.BUSINESS || o.type() == OrganisationType.CLUSTER_ORGANISATION;
        Country country = COUNTRIES.get(o.country());
        if (!company || o.nationalIds().isEmpty() || country == null) {
            return;
        }
        NationalId id = o.nationalIds().get(0);
        Random random = new Random(SEED ^ id.value().hashCode());
        String division = o.naceCodes().isEmpty() ? OTHER.division() : o.naceCodes().get(0).substring(0, 2);
        Sector sector = SECTORS.getOrDefault(division, OTHER);
        int employees = employees(random, o.sizeClass() == null ? SizeClass.SMALL : o.sizeClass());
        // a wide spread of the firms' own trends, so that the dashboards show clear differences
        double firmTrend = -0.08 + 0.22 * random.nextDouble();
        CompanyRecord record = new CompanyRecord(SOURCE, id.value(), o.name(), null, o.naceCodes(), null, o.city(),
                null, o.country(), o.nutsCode(), STATUS, founded(random));
        out.company(record, "demo-data.json#" + id.scheme() + ":" + id.value());
        statements(out, random, id.value(), country, sector, employees, firmTrend, true);
    }

    /** The base companies of a region, then its specialisations. */
    private static void region(Builder out, String area, String countryCode, String nuts, String place) {
        Country country = COUNTRIES.get(countryCode);
        if (country == null) {
            return;
        }
        Random random = new Random(SEED ^ (long) area.hashCode() * 0x9E3779B97F4A7C15L);
        int base;
        if (nuts == null) {
            base = NON_NUTS.stream().filter(c -> c[0].equals(area)).mapToInt(c -> (Integer) c[1]).findFirst().orElse(0);
        } else {
            base = (int) Math.round(4 + country.regionPopulation() / 35.0) * (METROPOLITAN.contains(area) ? 3 : 1);
        }
        int number = 0;
        for (int k = 0; k < base; k++) {
            Sector sector = SECTORS.get(baseDivision(random, countryCode));
            SizeClass size = size(random, sector);
            // large firms of the broad base are retail and wholesale chains; elsewhere they belong to the hubs
            if (size == SizeClass.LARGE && !sector.division().equals("46") && !sector.division().equals("47")) {
                size = SizeClass.MEDIUM;
            }
            synthetic(out, random, area, nuts, place, country, sector, ++number, employees(random, size));
        }
        for (Hub hub : HUBS) {
            if (!hub.region().equals(area)) {
                continue;
            }
            Sector sector = SECTORS.get(hub.division());
            for (int k = 0; k < hub.companies(); k++) {
                // a hub of 30 or more firms has an anchor: the car plant, the steel works, the big software house
                boolean anchor = k == 0 && hub.companies() >= 30;
                int employees = anchor ? 1_000 + random.nextInt(1_500) : employees(random, size(random, sector));
                synthetic(out, random, area, nuts, place, country, sector, ++number, employees);
            }
        }
    }

    private static String baseDivision(Random random, String country) {
        double total = 0;
        double[] weights = new double[BASE_ORDER.size()];
        for (int i = 0; i < weights.length; i++) {
            String d = BASE_ORDER.get(i);
            double w = BASE_MIX.get(d);
            // machinery and electrical equipment are German and Austrian strengths; food and wood eastern ones
            if ((country.equals("DE") || country.equals("AT")) && (d.equals("28") || d.equals("27"))) {
                w *= 2.5;
            } else if (Set.of("RO", "BG", "UA", "MD", "BA", "RS").contains(country) && (d.equals("10") || d.equals("16"))) {
                w *= 1.5;
            }
            weights[i] = w;
            total += w;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return BASE_ORDER.get(i);
            }
        }
        return BASE_ORDER.get(BASE_ORDER.size() - 1);
    }

    private static void synthetic(Builder out, Random random, String area, String nuts, String place, Country country,
            Sector sector, int number, int employees) {
        String id = SYNTHETIC_PREFIX + area + "-" + String.format("%04d", number);
        String code = sector.classes().get(random.nextInt(sector.classes().size()));
        CompanyRecord record = new CompanyRecord(SOURCE, id, "Demo company " + number + " (" + area + ")", null,
                List.of(code), null, place, null, country.code(), nuts, STATUS, founded(random));
        out.company(record, "demo-register#" + id);
        double firmTrend = clamp(random.nextGaussian() * 0.07, -0.15, 0.30);
        statements(out, random, id, country, sector, employees, firmTrend,
                country.exportsReported());
    }

    /** Five years of accounts, starting from {@code employees} in 2019. */
    private static void statements(Builder out, Random random, String id, Country country, Sector sector,
            int employees, double firmTrend, boolean exportsReported) {
        double sizeBonus = switch (SizeClass.ofEmployees(employees)) {
            case MICRO -> 0.8;
            case SMALL -> 0.95;
            case MEDIUM -> 1.05;
            default -> 1.2;
        };
        double turnover = employees * sector.productivity() * country.productivity() * sizeBonus
                * Math.exp(random.nextGaussian() * 0.3);
        double firmMargin = sector.margin() + random.nextGaussian() * 0.03;
        double exportShare = clamp(sector.exportShare() * Math.exp(random.nextGaussian() * 0.5), 0, 0.95);
        double assetsRatio = 0.4 + 0.7 * random.nextDouble();
        double equityRatio = 0.15 + 0.45 * random.nextDouble();
        double staff = employees;
        for (int y = 0; y < YEARS; y++) {
            int year = FIRST_YEAR + y;
            if (y > 0) {
                double shock = yearEffect(year, sector, country);
                double inflation = year == 2022 ? 0.08 : year == 2023 ? 0.04 : 0.01;
                double growth = country.trend() + sector.trend() + firmTrend + shock + random.nextGaussian() * 0.03;
                turnover *= Math.max(0.3, 1 + growth);
                double real = growth - inflation;
                staff = Math.max(1, staff * (1 + 0.45 * real + random.nextGaussian() * 0.03));
            }
            int people = (int) Math.max(1, Math.round(staff));
            double margin = firmMargin + random.nextGaussian() * 0.02 + (year == 2020 ? sector.shock2020() / 3 : 0);
            BigDecimal rate = country.eurRate(year);
            double perEur = country.currencyPerEur()[y];
            double assets = turnover * assetsRatio;
            FinancialStatement s = new FinancialStatement(SOURCE, id, year, country.currency(year),
                    money(turnover * perEur), people, money(turnover * margin * perEur), money(assets * perEur),
                    money(assets * equityRatio * perEur), exportsReported ? money(turnover * exportShare * perEur) : null,
                    rate);
            out.statement(s, "demo-register#" + id + ":" + year);
        }
    }

    /** The year's common shock: the pandemic in 2020 and its recovery, inflation in 2022, the war in Ukraine. */
    private static double yearEffect(int year, Sector sector, Country country) {
        double shock = switch (year) {
            case 2020 -> sector.shock2020() - 0.03;
            case 2021 -> -0.6 * sector.shock2020() + 0.03;
            case 2022 -> -0.4 * sector.shock2020() + 0.08;
            case 2023 -> 0.04;
            default -> 0;
        };
        if (country.code().equals("UA")) {
            shock += year == 2022 ? -0.25 : year == 2023 ? 0.08 : 0;
        }
        return shock;
    }

    /** Employees in a size class: EU SME classes by headcount (micro < 10, small < 50, medium < 250, large). */
    static int employees(Random random, SizeClass size) {
        double u = random.nextDouble();
        return switch (size) {
            case MICRO -> 1 + (int) (9 * u * u);
            case SMALL -> 10 + (int) (40 * u * u);
            case MEDIUM -> 50 + (int) (200 * u * u);
            default -> (int) Math.round(250 * Math.exp(u * Math.log(6)));
        };
    }

    private static SizeClass size(Random random, Sector sector) {
        double u = random.nextDouble();
        double[] mix = sector.sizeMix();
        if (u < mix[0]) {
            return SizeClass.MICRO;
        }
        if (u < mix[0] + mix[1]) {
            return SizeClass.SMALL;
        }
        return u < mix[0] + mix[1] + mix[2] ? SizeClass.MEDIUM : SizeClass.LARGE;
    }

    private static LocalDate founded(Random random) {
        return LocalDate.of(1991, 1, 1).plusDays(random.nextInt(28 * 365));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.round(amount));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static final class Builder {
        final List<CompanyRecord> companies = new ArrayList<>();
        final List<String> companyPositions = new ArrayList<>();
        final List<FinancialStatement> statements = new ArrayList<>();
        final List<String> statementPositions = new ArrayList<>();

        void company(CompanyRecord r, String position) {
            companies.add(r);
            companyPositions.add(position);
        }

        void statement(FinancialStatement s, String position) {
            statements.add(s);
            statementPositions.add(position);
        }
    }
}
