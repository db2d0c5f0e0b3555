package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import eu.danubia.store.Jdbc;

/**
 * Computes the facts of companies from the ingest tables and the directory's links, as
 * docs/indicators.md describes:
 * <ul>
 * <li>identity = (country, national id); a record's country is its company record's, or for a
 * statement without one the source's prefix ({@code ro-anaf} gives RO);</li>
 * <li>one fact per identity and year, from the most recently changed statement (ties: source name);
 * money divided by {@code eur_rate}, the units of the reporting currency per 1 EUR (RON per EUR; 1 for
 * EUR), or null when the rate is missing;</li>
 * <li>region and division from the most recently changed company record, else from the directory
 * organisation linked by a national id whose scheme starts with the country ({@code RO-CUI});
 * region falls back to the country code.</li>
 * </ul>
 * The directory has no query "which organisation has national id X", so the links are read from
 * its tables {@code organisation_ids}, {@code organisations} and {@code organisation_nace}.
 */
final class FactBuilder {

    private static final Pattern SOURCE_COUNTRY = Pattern.compile("([a-z]{2})-.*");
    private static final Pattern NUTS = Pattern.compile("[A-Z]{2}[0-9A-Z]{1,3}");

    private record CompanyRow(String source, String nationalId, String country, String nuts, String nace, Instant changed) {
    }

    private record FinancialRow(String source, String nationalId, int year, String currency, BigDecimal turnover,
            Integer employees, BigDecimal profit, BigDecimal exports, BigDecimal eurRate, Instant changed) {
    }

    private record Link(UUID organisation, String country, String nuts, String division) {
    }

    private FactBuilder() {
    }

    /** The facts of every company with one of these national ids, as the ingest tables give them now. */
    static List<Fact> build(Connection c, Collection<String> nationalIds) throws SQLException {
        List<CompanyRow> companies = new ArrayList<>();
        List<FinancialRow> financials = new ArrayList<>();
        Map<String, Link> links = new HashMap<>();
        for (List<String> chunk : IndicatorRepository.chunks(nationalIds)) {
            String in = IndicatorRepository.marks(chunk.size());
            Object[] ids = chunk.toArray();
            companies.addAll(Jdbc.query(c, "SELECT source, national_id, country, nuts_code, nace_codes, last_changed"
                    + " FROM ingest_companies WHERE national_id IN (" + in + ")",
                    rs -> new CompanyRow(rs.getString("source"), rs.getString("national_id"), rs.getString("country").strip(),
                            rs.getString("nuts_code"), division(rs.getString("nace_codes")), Jdbc.instant(rs, "last_changed")),
                    ids));
            financials.addAll(Jdbc.query(c, "SELECT source, national_id, fiscal_year, currency, turnover, employees, profit_loss,"
                    + " exports, eur_rate, last_changed FROM ingest_financials WHERE national_id IN (" + in + ")",
                    rs -> {
                        int e = rs.getInt("employees");
                        Integer employees = rs.wasNull() ? null : e;
                        return new FinancialRow(rs.getString("source"), rs.getString("national_id"), rs.getInt("fiscal_year"),
                                rs.getString("currency"), rs.getBigDecimal("turnover"), employees, rs.getBigDecimal("profit_loss"),
                                rs.getBigDecimal("exports"), rs.getBigDecimal("eur_rate"), Jdbc.instant(rs, "last_changed"));
                    }, ids));
            links(c, in, ids, links);
        }
        Map<String, String> countryOfRecord = new HashMap<>();
        Map<String, CompanyRow> latestRecord = new HashMap<>();
        Comparator<CompanyRow> byChange = Comparator.comparing(CompanyRow::changed).thenComparing(CompanyRow::source);
        for (CompanyRow r : companies) {
            countryOfRecord.put(r.source() + ":" + r.nationalId(), r.country());
            latestRecord.merge(r.country() + ":" + r.nationalId(), r, (a, b) -> byChange.compare(a, b) >= 0 ? a : b);
        }
        Comparator<FinancialRow> statementOrder = Comparator.comparing(FinancialRow::changed).thenComparing(FinancialRow::source);
        Map<String, FinancialRow> latestStatement = new HashMap<>();
        for (FinancialRow f : financials) {
            String country = countryOfRecord.get(f.source() + ":" + f.nationalId());
            if (country == null) {
                var m = SOURCE_COUNTRY.matcher(f.source());
                if (!m.matches()) {
                    continue; // no country: not attributable to a company identity
                }
                country = m.group(1).toUpperCase(Locale.ROOT);
            }
            latestStatement.merge(country + ":" + f.nationalId() + ":" + f.year(), f,
                    (a, b) -> statementOrder.compare(a, b) >= 0 ? a : b);
        }
        List<Fact> out = new ArrayList<>();
        for (Map.Entry<String, FinancialRow> e : latestStatement.entrySet()) {
            FinancialRow f = e.getValue();
            String country = e.getKey().substring(0, e.getKey().indexOf(':'));
            CompanyRow record = latestRecord.get(country + ":" + f.nationalId());
            Link link = links.get(country + ":" + f.nationalId());
            String region = record != null && record.nuts() != null && NUTS.matcher(record.nuts()).matches() ? record.nuts()
                    : link != null && link.nuts() != null ? link.nuts() : country;
            String division = record != null && !record.nace().isEmpty() ? record.nace()
                    : link != null && link.division() != null ? link.division() : "";
            BigDecimal rate = f.eurRate() != null ? f.eurRate() : "EUR".equalsIgnoreCase(f.currency()) ? BigDecimal.ONE : null;
            out.add(new Fact(country, f.nationalId(), f.year(), region, division, link == null ? null : link.organisation(),
                    f.source(), eur(f.turnover(), rate), f.employees(), eur(f.profit(), rate), eur(f.exports(), rate)));
        }
        return out;
    }

    private static void links(Connection c, String in, Object[] ids, Map<String, Link> into) throws SQLException {
        List<Object[]> rows = Jdbc.query(c, "SELECT oi.scheme, oi.\"value\", o.id, o.country, o.nuts_code,"
                + " (SELECT MIN(n.code) FROM organisation_nace n WHERE n.organisation_id = o.id AND n.position ="
                + " (SELECT MIN(m.position) FROM organisation_nace m WHERE m.organisation_id = o.id)) AS nace"
                + " FROM organisation_ids oi JOIN organisations o ON o.id = oi.organisation_id WHERE oi.\"value\" IN (" + in + ")",
                rs -> new Object[] {rs.getString("scheme"), rs.getString("value"), Jdbc.uuid(rs, "id"), rs.getString("country"),
                        rs.getString("nuts_code"), rs.getString("nace")},
                ids);
        for (Object[] r : rows) {
            String scheme = (String) r[0];
            int dash = scheme.indexOf('-');
            if (dash != 2) {
                continue;
            }
            String country = scheme.substring(0, 2).toUpperCase(Locale.ROOT);
            String div = division((String) r[5]);
            into.putIfAbsent(country + ":" + r[1], new Link((UUID) r[2], ((String) r[3]).strip(), (String) r[4],
                    div.isEmpty() ? null : div));
        }
    }

    /** The division (two digits) of the first NACE code of a comma-separated list, or "". */
    static String division(String naceCodes) {
        if (naceCodes == null) {
            return "";
        }
        String first = naceCodes.split(",")[0].strip();
        String digits = first.replace(".", "");
        return digits.length() >= 2 && Character.isDigit(digits.charAt(0)) && Character.isDigit(digits.charAt(1))
                ? digits.substring(0, 2) : "";
    }

    private static BigDecimal eur(BigDecimal amount, BigDecimal rate) {
        return amount == null || rate == null || rate.signum() <= 0 ? null : amount.divide(rate, 4, RoundingMode.HALF_UP);
    }
}
