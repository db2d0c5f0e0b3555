package eu.danubia.ingest.internal;

import static eu.danubia.ingest.internal.RecordTable.Type.DATE;
import static eu.danubia.ingest.internal.RecordTable.Type.INTEGER;
import static eu.danubia.ingest.internal.RecordTable.Type.NUMERIC;
import static eu.danubia.ingest.internal.RecordTable.Type.TEXT;

import java.util.List;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.ingest.internal.RecordTable.Column;

/** The three record tables of {@code V1__ingest.sql}. */
final class Tables {

    static final RecordTable<CompanyRecord> COMPANIES = new RecordTable<>("ingest_companies",
            List.of(new Column("source", TEXT), new Column("national_id", TEXT)),
            List.of(new Column("name", TEXT), new Column("legal_form", TEXT), new Column("nace_codes", TEXT),
                    new Column("street", TEXT), new Column("city", TEXT), new Column("postal_code", TEXT),
                    new Column("country", TEXT), new Column("nuts_code", TEXT), new Column("status", TEXT),
                    new Column("founded_on", DATE)),
            r -> new Object[] {r.source(), r.nationalId()},
            r -> new Object[] {r.name(), r.legalForm(), naceCodes(r.naceCodes()), r.street(), r.city(), r.postalCode(),
                    r.country(), r.nutsCode(), r.status(), r.foundedOn()});

    static final RecordTable<FinancialStatement> FINANCIALS = new RecordTable<>("ingest_financials",
            List.of(new Column("source", TEXT), new Column("national_id", TEXT), new Column("fiscal_year", INTEGER)),
            List.of(new Column("currency", TEXT), new Column("turnover", NUMERIC), new Column("employees", INTEGER),
                    new Column("profit_loss", NUMERIC), new Column("assets", NUMERIC), new Column("equity", NUMERIC),
                    new Column("exports", NUMERIC), new Column("eur_rate", NUMERIC)),
            f -> new Object[] {f.source(), f.nationalId(), f.year()},
            f -> new Object[] {f.currency(), f.turnover(), f.employees(), f.profitLoss(), f.assets(), f.equity(),
                    f.exports(), f.eurRate()});

    static final RecordTable<RegionStat> REGION_STATS = new RecordTable<>("ingest_region_stats",
            List.of(new Column("dataset", TEXT), new Column("nuts_code", TEXT), new Column("nace", TEXT),
                    new Column("unit", TEXT), new Column("ref_year", INTEGER)),
            List.of(new Column("obs_value", NUMERIC), new Column("flag", TEXT)),
            s -> new Object[] {s.dataset(), s.nutsCode(), s.nace(), s.unit(), s.year()},
            s -> new Object[] {s.value(), flag(s.flag())});

    private Tables() {
    }

    /** Comma separated in the source's order; the order is content (the first code is the main activity). */
    static String naceCodes(List<String> codes) {
        return String.join(",", codes);
    }

    static List<String> naceCodes(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
    }

    /** Absent and empty flags are the same: Eurostat leaves most cells unflagged. */
    static String flag(String flag) {
        return flag == null ? "" : flag;
    }
}
