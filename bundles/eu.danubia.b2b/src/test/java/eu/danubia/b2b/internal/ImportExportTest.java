package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.store.Database;

/** CSV and JSON import, and the CSV export, on H2 and PostgreSQL. */
class ImportExportTest {

    private static final String HEADER = String.join(",", ProfileCsv.FIELDS);

    /**
     * 100 rows with quotes, separators and line breaks inside quotes, a BOM and CRLF; three of them
     * broken: a bad enum (row 20), an unbalanced quote in the middle (row 50, followed by a quoted field on
     * the same line and in the next rows), a missing column (row 75).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void storesTheGoodRowsAndReportsTheBrokenOnesByLine(Database database) {
        Fixture f = new Fixture(database);
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        int line = 2;
        List<Integer> broken = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            boolean multiLine = i % 10 == 3;
            String type = i % 2 == 0 ? "TECHNOLOGY_OFFER" : "BUSINESS_REQUEST";
            String title = "\"Imported profile " + i + ", \"\"quoted\"\"\"";
            String description = multiLine ? "\"First line of " + i + "\r\nsecond line, with a comma\"" : "Plain " + i;
            String nace = "\"26.70; 62.01\"";
            String cells;
            if (i == 20) {
                cells = "TECH_OFFER," + title + ",Summary " + i + "," + description;
                broken.add(line);
            } else if (i == 50) {
                cells = type + ",\"Unclosed title " + i + ",Summary " + i + "," + description;
                broken.add(line);
            } else {
                cells = type + "," + title + ",Summary " + i + "," + description;
            }
            String rest = ",Innovation " + i + ",PROTOTYPE,PATENT_GRANTED,laser;sensor,automotive," + nace
                    + ",LICENCE;DISTRIBUTION,HU;SK,,en,Contact " + i + ",contact" + i + "@example.ro";
            if (i == 75) {
                broken.add(line);
            } else {
                rest += ",+40 264 " + i;
            }
            csv.append(cells).append(rest).append("\r\n");
            line += multiLine ? 2 : 1;
        }

        ImportResult result = f.b2b.importCsv(f.memberA1, csv.toString());

        assertThat(result.stored()).isEqualTo(97);
        assertThat(result.rejected()).extracting(ImportResult.Rejection::line).containsExactlyElementsOf(broken);
        assertThat(result.rejected().get(0).reason()).startsWith("type: must be one of BUSINESS_OFFER");
        assertThat(result.rejected().get(1).reason()).contains("unbalanced quote");
        assertThat(result.rejected().get(2).reason()).isEqualTo("wrong number of columns: expected 17, got 16");
        assertThat(f.count("SELECT COUNT(*) FROM b2b_profiles")).isEqualTo(97);
        assertThat(f.count("SELECT COUNT(*) FROM b2b_profiles WHERE organisation_id = ? AND status = 'DRAFT'", f.a1.id()))
                .isEqualTo(97);

        Profile p = f.b2b.list(f.memberA1, new ProfileFilter("profile 51,", null, null, null, null, null,
                null, true), null).items().get(0);
        assertThat(p.title()).isEqualTo("Imported profile 51, \"quoted\"");
        assertThat(p.naceCodes()).containsExactly("26.70", "62.01");
        assertThat(p.partnershipTypes()).containsExactly(PartnershipType.LICENCE, PartnershipType.DISTRIBUTION);
        assertThat(p.owner().contactPhone()).isEqualTo("+40 264 51");
        Profile multi = f.b2b.list(f.memberA1, new ProfileFilter("profile 63,", null, null, null, null, null, null,
                true), null).items().get(0);
        assertThat(multi.description()).isEqualTo("First line of 63\nsecond line, with a comma");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRowMissingARequiredFieldIsRejectedWithItsReasons(Database database) {
        Fixture f = new Fixture(database);
        String csv = "type,title,summary,description,contactName,contactEmail\n"
                + "BUSINESS_OFFER,Good,Summary,Description,Ana,ana@example.ro\n"
                + "BUSINESS_OFFER,,Summary,Description,,ana@example.ro\n"
                + "TECHNOLOGY_OFFER,No stage,Summary,Description,Ana,ana@example.ro\n";

        ImportResult result = f.b2b.importCsv(f.memberA1, csv);

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.rejected()).containsExactly(
                new ImportResult.Rejection(3, "contactName: is required; title: is required"),
                new ImportResult.Rejection(4, "stage: is required for technology profiles"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void refusesFilesItCannotReadAsAWhole(Database database) {
        Fixture f = new Fixture(database, new Settings(14, 12, 3));

        assertThat(catchThrowableOfType(() -> f.b2b.importCsv(f.memberA1, ""), ValidationException.class).errors())
                .containsKey("file");
        assertThat(catchThrowableOfType(() -> f.b2b.importCsv(f.memberA1, "type,title,colour\n"),
                ValidationException.class).errors().get("header")).contains("unknown column 'colour'")
                .contains("missing column 'summary'");
        String four = HEADER + "\n" + "x\n".repeat(4);
        assertThat(catchThrowableOfType(() -> f.b2b.importCsv(f.memberA1, four), ValidationException.class).errors())
                .containsEntry("file", "holds 4 rows; at most 3 can be imported at once");
        assertThatThrownBy(() -> f.b2b.importCsv(f.anonymous, HEADER)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.b2b.importCsv(f.viewerA1, HEADER)).isInstanceOf(ForbiddenException.class);
        assertThat(f.count("SELECT COUNT(*) FROM b2b_profiles")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void adminsImportForTheOrganisationsOfTheirAssociation(Database database) {
        Fixture f = new Fixture(database);
        String csv = "organisationId,type,title,summary,description,contactName,contactEmail\n"
                + f.a1.id() + ",BUSINESS_OFFER,For A1,S,D,Ana,ana@example.ro\n"
                + f.a2.id() + ",BUSINESS_OFFER,For A2,S,D,Radu,radu@example.ro\n"
                + f.b1.id() + ",BUSINESS_OFFER,For B1,S,D,Bela,bela@example.hu\n"
                + ",BUSINESS_OFFER,For nobody,S,D,X,x@example.ro\n";

        ImportResult byAdmin = f.b2b.importCsv(f.adminA, csv);
        assertThat(byAdmin.stored()).isEqualTo(2);
        assertThat(byAdmin.rejected()).extracting(ImportResult.Rejection::line).containsExactly(4, 5);
        assertThat(byAdmin.rejected().get(0).reason()).contains("only for organisations of your association");
        assertThat(byAdmin.rejected().get(1).reason()).startsWith("organisationId: is required");

        ImportResult byMember = f.b2b.importCsv(f.memberA1, csv);
        assertThat(byMember.stored()).isEqualTo(2);
        assertThat(byMember.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3, 4);
        assertThat(f.b2b.mine(f.memberA1)).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void importsJsonArraysOfTheSameFields(Database database) {
        Fixture f = new Fixture(database);
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("type", "TECHNOLOGY_REQUEST");
        good.put("title", "Looking for a laser sensor");
        good.put("summary", "S");
        good.put("description", "D");
        good.put("stage", "ON_MARKET");
        good.put("technologyKeywords", List.of("laser", "sensor"));
        good.put("naceCodes", "26.70;28.41");
        good.put("contactName", "Bela");
        good.put("contactEmail", "bela@example.hu");
        Map<String, Object> unknown = new LinkedHashMap<>(good);
        unknown.put("colour", "blue");
        Map<String, Object> listForText = new LinkedHashMap<>(good);
        listForText.put("title", List.of("a", "b"));
        Map<String, Object> badType = new LinkedHashMap<>(good);
        badType.put("type", "OFFER");

        ImportResult result = f.b2b.importJson(f.memberB1, java.util.Arrays.asList(good, unknown, listForText, badType, null));

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.rejected()).extracting(ImportResult.Rejection::line).containsExactly(2, 3, 4, 5);
        assertThat(result.rejected().get(0).reason()).isEqualTo("unknown field 'colour'");
        assertThat(result.rejected().get(1).reason()).isEqualTo("title: must be a single value");
        assertThat(result.rejected().get(2).reason()).startsWith("type: must be one of");
        Profile stored = f.b2b.mine(f.memberB1).get(0);
        assertThat(stored.technologyKeywords()).containsExactly("laser", "sensor");
        assertThat(stored.naceCodes()).containsExactly("26.70", "28.41");
        assertThat(stored.status()).isEqualTo(ProfileStatus.DRAFT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void exportsSafeCsvThatImportsAgain(Database database) {
        Fixture f = new Fixture(database);
        Profile formula = f.published(f.memberA1, profile().title("=HYPERLINK(\"http://evil.example\",\"click\")")
                .description("Line one\nline \"two\", with a comma").build());
        f.b2b.create(f.memberA1, profile().title("Draft only").build());

        String anonymous = f.b2b.export(f.anonymous, ProfileFilter.none());
        assertThat(anonymous).startsWith("\uFEFF\"type\",\"title\",").doesNotContain("contactEmail", "Draft only")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                .contains("\"" + formula.id() + "\",\"PUBLISHED\",\"RO\",");
        Csv.Document read = Csv.read(anonymous);
        assertThat(read.header().fields()).containsExactlyElementsOf(ProfileCsv.exportHeader(false));
        assertThat(read.rows()).hasSize(1);

        String owner = f.b2b.export(f.memberA1, new ProfileFilter(null, null, null, null, null, null, null, true));
        assertThat(Csv.read(owner).header().fields()).containsExactlyElementsOf(ProfileCsv.exportHeader(true));
        assertThat(owner).contains("ana.popescu@cluj-photonics.example", "Cluj Photonics SRL", "\"'+40 264 000 111\"",
                "Draft only");

        // without the contact columns an export is no import: every profile needs its contact
        String hidden = f.b2b.export(f.memberA2, ProfileFilter.none());
        assertThat(catchThrowableOfType(() -> f.b2b.importCsv(f.memberA2, hidden), ValidationException.class).errors()
                .get("header")).contains("missing column 'contactName'");
        ImportResult copy = f.b2b.importCsv(f.memberA1, owner);
        assertThat(copy.rejected()).isEmpty();
        assertThat(copy.stored()).isEqualTo(2);
        Profile copied = f.b2b.mine(f.memberA1).stream()
                .filter(p -> p.status() == ProfileStatus.DRAFT && p.title().startsWith("=")).findFirst().orElseThrow();
        assertThat(copied.title()).isEqualTo(formula.title());
        assertThat(copied.description()).isEqualTo(formula.description());
        assertThat(copied.owner().contactPhone()).isEqualTo("+40 264 000 111");
        assertThat(copied.technologyKeywords()).isEqualTo(formula.technologyKeywords());
        assertThat(copied.targetCountries()).isEqualTo(formula.targetCountries());
        assertThat(copied.expiresOn()).isEqualTo(formula.expiresOn());
    }
}
