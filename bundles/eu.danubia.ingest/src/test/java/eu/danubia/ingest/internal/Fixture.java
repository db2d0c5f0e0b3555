package eu.danubia.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.RegionStat;

/**
 * Records made from the real register data in {@code shared/data}: the CZ ARES response
 * (registers/cz-ares), two SK RUZ accounting units (registers/sk-ruz), the two UA EDR records
 * (registers/ua-edr) and the Eurostat excerpt (eurostat/nama_10r_3empers-excerpt.tsv). The mapping
 * is the least a connector would do; the connectors' own tests check theirs.
 */
final class Fixture {

    static final Path DATA = Path.of("../../../shared/data");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A company with the position it was read at. */
    record Positioned<T>(T record, String position) {
    }

    private Fixture() {
    }

    static List<Positioned<CompanyRecord>> companies() {
        List<Positioned<CompanyRecord>> out = new ArrayList<>();
        JsonNode ares = json("registers/cz-ares/ekonomicke-subjekty-26168685.json");
        JsonNode seat = ares.get("sidlo");
        List<String> czNace = new ArrayList<>();
        ares.get("czNace").forEach(n -> czNace.add(nace(n.asText())));
        out.add(new Positioned<>(new CompanyRecord("cz-ares", ares.get("ico").asText(), ares.get("obchodniJmeno").asText(),
                ares.get("pravniForma").asText(), czNace,
                seat.get("nazevUlice").asText() + " " + seat.get("cisloDomovni").asText() + "/" + seat.get("cisloOrientacni").asText(),
                seat.get("nazevObce").asText(), seat.get("psc").asText(), seat.get("kodStatu").asText(), "CZ010",
                "AKTIVNI".equals(ares.at("/seznamRegistraci/stavZdrojeVr").asText()) ? "ACTIVE" : "TERMINATED",
                LocalDate.parse(ares.get("datumVzniku").asText())), "ekonomicke-subjekty-26168685.json $"));

        for (String file : List.of("subject__find_success.json", "models__financial_statement__additional.json")) {
            JsonNode ruz = json("registers/sk-ruz/" + file);
            out.add(new Positioned<>(new CompanyRecord("sk-ruz", ruz.get("ico").asText(), ruz.get("nazovUJ").asText(),
                    ruz.get("pravnaForma").asText(), List.of(nace(ruz.get("skNace").asText())), ruz.get("ulica").asText(),
                    ruz.get("mesto").asText(), ruz.get("psc").asText(), "SK", null, "ACTIVE",
                    LocalDate.parse(ruz.get("datumZalozenia").asText())), file + " $"));
        }

        JsonNode edr = json("registers/ua-edr/edr_sample.json");
        for (int i = 0; i < edr.size(); i++) {
            JsonNode r = edr.get(i);
            List<String> codes = new ArrayList<>();
            // the primary activity first, as the register marks it
            r.at("/ACTIVITY_KINDS/ACTIVITY_KIND").forEach(k -> {
                if (k.has("PRIMARY")) {
                    codes.add(0, k.get("CODE").asText());
                } else {
                    codes.add(k.get("CODE").asText());
                }
            });
            String[] address = r.get("ADDRESS").asText().split(", ");
            int city = 2;
            while (!address[city].startsWith("місто ")) {
                city++;
            }
            String street = String.join(", ", List.of(address).subList(city + 1, address.length));
            LocalDate registered = LocalDate.parse(r.get("REGISTRATION").asText().substring(0, 10),
                    DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            out.add(new Positioned<>(new CompanyRecord("ua-edr", r.get("EDRPOU").asText(), r.get("NAME").asText(),
                    r.get("OPF").asText(), codes, street, address[city].substring("місто ".length()), address[1], "UA", null,
                    "припинено".equals(r.get("STAN").asText()) ? "TERMINATED" : "ACTIVE", registered),
                    "edr_sample.json $[" + i + "]"));
        }
        return out;
    }

    /**
     * The real companies' accounts for two years. The register data holds no amounts, so these are
     * made up, with the shapes real statements have: missing figures, a loss, zero exports.
     */
    static List<Positioned<FinancialStatement>> financials() {
        List<Positioned<FinancialStatement>> out = new ArrayList<>();
        int line = 1;
        for (Positioned<CompanyRecord> c : companies()) {
            CompanyRecord r = c.record();
            String currency = switch (r.country()) {
                case "CZ" -> "CZK";
                case "UA" -> "UAH";
                default -> "EUR";
            };
            BigDecimal rate = switch (currency) {
                case "CZK" -> new BigDecimal("0.0398");
                case "UAH" -> new BigDecimal("0.0228");
                default -> null;
            };
            for (int year = 2021; year <= 2022; year++) {
                BigDecimal turnover = BigDecimal.valueOf(1_000_000L * line + year, 2);
                out.add(new Positioned<>(new FinancialStatement(r.source(), r.nationalId(), year, currency, turnover,
                        line % 3 == 0 ? null : 10 * line, BigDecimal.valueOf(-5000 * line), null,
                        BigDecimal.valueOf(250_000L * line), BigDecimal.ZERO, rate), "statements.csv line " + ++line));
            }
        }
        return out;
    }

    /** Every cell of the Eurostat excerpt; the work status (employees or salaried) goes into the unit. */
    static List<Positioned<RegionStat>> regionStats() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DATA.resolve("eurostat/nama_10r_3empers-excerpt.tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] years = lines.get(0).split("\t");
        List<Positioned<RegionStat>> out = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] cells = lines.get(l).split("\t");
            String[] dims = cells[0].split(",");
            for (int y = 1; y < cells.length; y++) {
                String[] cell = cells[y].strip().split(" ");
                BigDecimal value = cell[0].equals(":") ? null : new BigDecimal(cell[0]);
                String flag = cell.length > 1 ? cell[1] : "";
                out.add(new Positioned<>(new RegionStat("nama_10r_3empers", dims[4], dims[3], dims[1] + "_" + dims[2],
                        Integer.parseInt(years[y].strip()), value, flag),
                        "nama_10r_3empers-excerpt.tsv line " + (l + 1) + " " + years[y].strip()));
            }
        }
        return out;
    }

    static <T> List<T> records(List<Positioned<T>> items) {
        return items.stream().map(Positioned::record).toList();
    }

    static <T> List<String> positions(List<Positioned<T>> items) {
        return items.stream().map(Positioned::position).toList();
    }

    static CompanyRecord renamed(CompanyRecord r, String name) {
        return new CompanyRecord(r.source(), r.nationalId(), name, r.legalForm(), r.naceCodes(), r.street(), r.city(),
                r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn());
    }

    static CompanyRecord fromSource(CompanyRecord r, String source) {
        return new CompanyRecord(source, r.nationalId(), r.name(), r.legalForm(), r.naceCodes(), r.street(), r.city(),
                r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn());
    }

    static CompanyRecord withId(CompanyRecord r, String nationalId) {
        return new CompanyRecord(r.source(), nationalId, r.name(), r.legalForm(), r.naceCodes(), r.street(), r.city(),
                r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn());
    }

    /** CZ/SK national codes to NACE Rev.2: 46900 → 46.90, 6820 → 68.20, 461 → 46.1, 73 → 73. */
    static String nace(String code) {
        String digits = code.length() > 4 ? code.substring(0, 4) : code;
        return digits.length() <= 2 ? digits : digits.substring(0, 2) + "." + digits.substring(2);
    }

    private static JsonNode json(String file) {
        try {
            return JSON.readTree(DATA.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
