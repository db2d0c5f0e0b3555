package eu.danubia.api.ingest;

import java.math.BigDecimal;

/**
 * One value of a regional statistic, e.g. employment in NACE section C in RO11 in 2021.
 *
 * @param value {@code null} where the source says missing ({@code :} in Eurostat TSV)
 * @param flag the source's flag, e.g. {@code p} provisional, {@code b} break in series; may be empty
 */
public record RegionStat(String dataset, String nutsCode, String nace, String unit, int year, BigDecimal value, String flag) {
}
