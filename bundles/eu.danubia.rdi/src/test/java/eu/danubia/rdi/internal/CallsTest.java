package eu.danubia.rdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.store.Database;

/** The CORDIS seed, the programme mapping, the public search and the all-or-nothing import. */
class CallsTest {

    static final Path TOPICS = Path.of("/work/shared/data/cordis-callmatch/topics.tsv");

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theSeedHoldsEveryRowOfTopicsTsvOnceEvenWhenStartedAgain(Database database) throws Exception {
        long rows = Files.readAllLines(TOPICS).stream().skip(1).filter(l -> !l.isBlank()).count();
        Fixture f = new Fixture(database);
        assertThat(rows).isEqualTo(2043);
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls")).isEqualTo(rows);
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls WHERE source = 'cordis-seed'")).isEqualTo(rows);
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls WHERE thematic = FALSE")).isEqualTo(131);

        // a restart (a second service on the same schema) adds nothing
        assertThat(new RdiService(database, f.directory, Settings.DEFAULTS, f.clock).seedCalls()).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls")).isEqualTo(rows);
    }

    @Test
    void theProgrammeFollowsTheCodePrefix() {
        assertThat(Programmes.of("HORIZON-CL5-2024-D3-01-02").name()).isEqualTo("Horizon Europe – Cluster 5 Climate, Energy and Mobility");
        assertThat(Programmes.of("HORIZON-CL4-2021-DIGITAL-EMERGING-01-01").name()).startsWith("Horizon Europe – Cluster 4");
        assertThat(Programmes.of("ERC-2021-ADG").name()).isEqualTo("European Research Council (ERC)");
        assertThat(Programmes.of("HORIZON-MSCA-2022-PF-01-01").name()).contains("MSCA");
        assertThat(Programmes.of("HORIZON-EIC-2022-PATHFINDEROPEN-01").name()).contains("EIC");
        assertThat(Programmes.of("HORIZON-JU-CBE-2022-IA-01").name()).isEqualTo("Horizon Europe – Joint Undertakings");
        assertThat(Programmes.of("EURATOM-2021-NRT-01-01").name()).startsWith("Euratom");
        assertThat(Programmes.of("SOMETHING-ELSE").name()).isEqualTo("Other");
        assertThat(Programmes.minCountries(Programmes.of("HORIZON-CL5-2024-D3-01-02").name())).isEqualTo(3);
        assertThat(Programmes.minCountries(Programmes.of("ERC-2021-ADG").name())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void searchIsLexicalAndFiltersByProgramme(Database database) {
        Fixture f = new Fixture(database);
        var page = f.rdi.calls("low-power PV", null, null, PageRequest.of(null, null));
        assertThat(page.items()).extracting(Call::topicCode).contains(Fixture.CL5_TOPIC);
        assertThat(page.items()).allSatisfy(c -> assertThat(c.title().toLowerCase()).contains("low-power").contains("pv"));

        String cl5 = Programmes.of(Fixture.CL5_TOPIC).name();
        var cluster5 = f.rdi.calls(null, cl5, null, new PageRequest(0, 5));
        assertThat(cluster5.total()).isEqualTo(348);
        assertThat(cluster5.items()).allSatisfy(c -> assertThat(c.topicCode()).startsWith("HORIZON-CL5-"));
        assertThat(f.rdi.calls("erc", null, false, PageRequest.of(null, null)).items())
                .allSatisfy(c -> assertThat(c.thematic()).isFalse());
        assertThat(f.rdi.programmes()).anySatisfy(p -> {
            assertThat(p.programme()).isEqualTo(cl5);
            assertThat(p.calls()).isEqualTo(348);
        });
        // % and _ are taken literally
        assertThat(f.rdi.calls("%", null, null, PageRequest.of(null, null)).total()).isZero();
        assertThat(f.rdi.call(Fixture.CL5_TOPIC).title()).isEqualTo("Low-power PV");
        assertThatThrownBy(() -> f.rdi.call("NO-SUCH-CALL")).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anImportWithABadRowNamesItsLinesAndWritesNothing(Database database) {
        Fixture f = new Fixture(database);
        long before = f.count("SELECT COUNT(*) FROM rdi_calls");
        String csv = "topicCode,title,thematic,deadline,eligibleCountries\n"
                + "INTERREG-DANUBE-2026-01,\"Danube Region: green, smart ports\",true,2026-09-17,AT;HU;RO\n"
                + "INTERREG-DANUBE-2026-02,,true,,\n"
                + "INTERREG-DANUBE-2026-03,Skills,maybe,17.09.2026,XYZ\n"
                + "INTERREG-DANUBE-2026-01,Twice,true,,\n";
        assertThatThrownBy(() -> f.rdi.importCalls(f.platformAdmin, csv)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("line 3", "line 4", "line 5")
                        .containsEntry("line 3", "title: is required")
                        .hasEntrySatisfying("line 4", r -> assertThat(r).contains("thematic").contains("deadline")
                                .contains("eligibleCountries"))
                        .hasEntrySatisfying("line 5", r -> assertThat(r).contains("appears twice")));
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls")).isEqualTo(before);

        // a quoted field spanning lines keeps the line numbers of the rows after it right
        String multiline = "topicCode,title\nINTERREG-DANUBE-2026-04,\"Two\nlines\"\nbad code!,X\n";
        assertThatThrownBy(() -> f.rdi.importCalls(f.platformAdmin, multiline)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("line 4"));
        assertThatThrownBy(() -> f.rdi.importCalls(f.platformAdmin, "code;title\nX;Y\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsKey("header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void goodImportsCreateAndReplaceByCode(Database database) {
        Fixture f = new Fixture(database);
        ImportResult r = f.rdi.importCalls(f.platformAdmin, "\uFEFFtopicCode,title,deadline,eligibleCountries\r\n"
                + "INTERREG-DANUBE-2026-01,\"Danube Region: green, smart ports\",2026-09-17,AT;HU;RO\r\n"
                + Fixture.CL5_TOPIC + ",Low-power photovoltaics,2026-10-01,\r\n");
        assertThat(r).isEqualTo(new ImportResult(1, 1));
        Call interreg = f.rdi.call("INTERREG-DANUBE-2026-01");
        assertThat(interreg.title()).isEqualTo("Danube Region: green, smart ports");
        assertThat(interreg.programme()).isEqualTo("Interreg");
        assertThat(interreg.eligibleCountries()).containsExactly("AT", "HU", "RO");
        assertThat(interreg.deadline()).hasToString("2026-09-17");
        assertThat(interreg.source()).isEqualTo("import");
        assertThat(f.rdi.call(Fixture.CL5_TOPIC).title()).isEqualTo("Low-power photovoltaics");

        // the JSON form, and CORDIS's own tab-separated columns
        assertThat(f.rdi.importCalls(f.platformAdmin, List.of(Map.<String, Object>of("topicCode", "LIFE-2026-SAP-NAT",
                "title", "Nature and biodiversity", "eligibleCountries", List.of("ro", "bg"), "thematic", true))))
                .isEqualTo(new ImportResult(1, 0));
        assertThat(f.rdi.call("LIFE-2026-SAP-NAT").eligibleCountries()).containsExactly("RO", "BG");
        assertThatThrownBy(() -> f.rdi.importCalls(f.platformAdmin, List.of(Map.<String, Object>of("topicCode", "X-1"),
                Map.<String, Object>of("topicCode", "X-2", "title", "t", "colour", "red"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("line 1", "line 2"));
        assertThat(f.rdi.importCalls(f.platformAdmin, "topic\ttitle\tthematic\nEIC-2026-OPEN\tEIC open\tfalse\n"))
                .isEqualTo(new ImportResult(1, 0));
        assertThat(f.rdi.call("EIC-2026-OPEN").thematic()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void onlyPlatformAdminsImport(Database database) {
        Fixture f = new Fixture(database);
        String csv = "topicCode,title\nX-2026-1,Title\n";
        assertThatThrownBy(() -> f.rdi.importCalls(f.anonymous, csv)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.rdi.importCalls(f.adminA, csv)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.rdi.importCalls(f.memberUniversity, csv)).isInstanceOf(ForbiddenException.class);
        assertThat(f.count("SELECT COUNT(*) FROM rdi_calls WHERE topic_code = 'X-2026-1'")).isZero();
    }
}
