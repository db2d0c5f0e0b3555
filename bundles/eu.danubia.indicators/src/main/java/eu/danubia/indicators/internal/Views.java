package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.indicator.IndicatorDefinition;

/** The JSON of {@code /api/indicators}: records only, as docs/indicators.md lists them. */
public final class Views {

    private Views() {
    }

    public record Definitions(List<IndicatorDefinition> definitions) {
    }

    public record Version(long version) {
    }

    // ---- cluster dashboard ----

    public record ClusterDashboard(ClusterInfo cluster, List<Integer> years, Integer latestYear, List<ClusterYear> series,
            Benchmark benchmark, List<TypeCount> membersByType, List<CountryCount> membersByCountry, CooperationCounts cooperation,
            List<MemberFigures> members) {
    }

    public record ClusterInfo(UUID id, String name, String country, String nutsCode, List<String> sectors) {
    }

    public record ClusterYear(int year, Integer companies, Long employees, BigDecimal turnoverEur, BigDecimal productivityMedianEur,
            BigDecimal turnoverGrowthMedian, BigDecimal employmentGrowthMedian, boolean suppressed) {
    }

    public record Benchmark(Integer year, String region, String sector, BigDecimal clusterProductivityMedianEur,
            BigDecimal regionSectorProductivityEur, BigDecimal clusterTurnoverGrowthMedian, BigDecimal regionSectorTurnoverGrowth) {
    }

    public record TypeCount(String type, int count) {
    }

    public record CountryCount(String country, int count) {
    }

    public record CooperationCounts(int interests, int agreements, BigDecimal crossBorderShare, List<ModeCount> byMode) {
    }

    public record ModeCount(String mode, int interests, int agreements) {
    }

    public record MemberFigures(UUID organisationId, String name, String country, String type, Integer year, BigDecimal turnoverEur,
            Integer employees, BigDecimal productivityEur, BigDecimal turnoverGrowth) {
    }

    // ---- company benchmark ----

    public record CompanyBenchmark(OrganisationInfo organisation, List<CompanyYear> series, BigDecimal turnoverCagr3,
            List<SizeTransition> sizeTransitions, List<Peer> peers) {
    }

    public record OrganisationInfo(UUID id, String name, String country, String nutsCode, List<String> naceCodes) {
    }

    public record CompanyYear(int year, BigDecimal turnoverEur, Integer employees, BigDecimal profitEur, BigDecimal exportsEur,
            BigDecimal turnoverGrowth, BigDecimal employmentGrowth, BigDecimal productivityEur, BigDecimal profitMargin,
            BigDecimal exportShare, String sizeClass) {
    }

    public record SizeTransition(int year, String from, String to) {
    }

    public record Peer(String kind, String id, String label, Integer year, BigDecimal productivityMedianEur,
            BigDecimal turnoverGrowthMedian, int companies) {
    }

    // ---- regions ----

    public record RegionMap(int level, String sector, Integer year, String basis, String reference, List<Integer> years,
            List<Sector> sectors, List<RegionRow> regions) {
    }

    public record Sector(String code, String label) {
    }

    /** {@code lqNote} says why {@code lq} is null when it is not suppressed. */
    public record RegionRow(String code, String name, String country, boolean nuts, Long companies, BigDecimal employees,
            BigDecimal turnoverEur, BigDecimal productivityEur, BigDecimal employmentShare, BigDecimal lq, Integer stars,
            Boolean size, Boolean specialisation, Boolean focus, Boolean strong, boolean suppressed, String lqNote) {
    }

    public record RegionDetail(String code, String name, List<RegionYear> series, List<RegionSector> sectors) {
    }

    public record RegionYear(int year, String sector, Long companies, BigDecimal employees, BigDecimal turnoverEur,
            BigDecimal productivityEur, BigDecimal lq, Integer stars, boolean suppressed) {
    }

    public record RegionSector(String sector, String label, BigDecimal employees, BigDecimal lq, Integer stars, Boolean strong,
            boolean suppressed) {
    }
}
