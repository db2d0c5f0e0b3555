package eu.danubia.connector.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;

class ConnectorSettingsTest {

    private final ConnectorSettings ares = ConnectorSettings.builder()
            .baseUrl("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest").build();

    @Test
    void blankValuesSwitchSourcesOff() {
        ConnectorSettings settings = ConnectorSettings.builder().baseUrl("").dropDirectory(" ").schedule("").paths("", " ").build();

        assertThat(settings.baseUrl()).isEmpty();
        assertThat(settings.dropDirectory()).isEmpty();
        assertThat(settings.schedule()).isEmpty();
        assertThat(settings.paths()).isEmpty();
    }

    @Test
    void pathsResolveBelowTheBaseUrl() {
        assertThat(ares.baseUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/"));
        assertThat(ares.resolve("ekonomicke-subjekty/26168685"))
                .hasToString("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/26168685");
        assertThat(ares.resolve("bilant?an=2023&cui=13735411"))
                .hasToString("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/bilant?an=2023&cui=13735411");
    }

    @Test
    void aPathCannotLeaveTheBaseUrl() {
        for (String escape : new String[] {"../admin", "a/../../admin", "/etc/passwd", "//evil.example/x",
                "https://evil.example/x", "file:///etc/passwd", "..", "x#fragment", "a\\..\\b"}) {
            assertThatThrownBy(() -> ares.resolve(escape)).as(escape).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ares.resolve("ekonomicke-subjekty/26 168 685")).hasMessageContaining("ConnectorRoutes.segment");
    }

    @Test
    void dataInAPathIsEncodedAsOneSegment() {
        assertThat(ares.resolve("ekonomicke-subjekty/" + ConnectorRoutes.segment("../../admin")))
                .hasToString("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/..%2F..%2Fadmin");
        assertThat(ConnectorRoutes.segment("Radlická 3294/10")).isEqualTo("Radlick%C3%A1%203294%2F10");
        assertThat(ConnectorRoutes.segment("..")).isEqualTo("%2E%2E");
    }

    @Test
    void wrongValuesNameTheirField() {
        assertThatThrownBy(() -> ConnectorSettings.builder().baseUrl("ftp://example.org/")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> ConnectorSettings.builder().baseUrl("https://user:secret@example.org/"))
                .hasMessageContaining("user name or password");
        assertThatThrownBy(() -> ConnectorSettings.builder().dropDirectory("relative/drop")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ConnectorSettings.builder().dropDirectory("/data/drop?delete=true"))
                .hasMessageContaining("may contain only");
        assertThatThrownBy(() -> ConnectorSettings.builder().dropDirectory("/data/{{env:HOME}}")).hasMessageContaining("may contain only");
        assertThatThrownBy(() -> ConnectorSettings.builder().baseUrl("https://example.org/").schedule("0 25 * * *").build())
                .hasMessageContaining("schedule '0 25 * * *': hour: 25 is outside 0-23");
        assertThatThrownBy(() -> ConnectorSettings.builder().baseUrl("https://example.org/").schedule("0 0 30 2 *").build())
                .hasMessageContaining("never fires");
        assertThatThrownBy(() -> ConnectorSettings.builder().schedule("@daily").build()).hasMessageContaining("needs a baseUrl");
        assertThatThrownBy(() -> ConnectorSettings.builder().baseUrl("https://example.org/").paths("../x").build())
                .hasMessageContaining("leaves the base URL");
        assertThatThrownBy(() -> ConnectorSettings.builder().batchSize(0)).hasMessageContaining("batchSize");
    }

    @Test
    void listAttributesAreSplitAtCommas() {
        assertThat(ConnectorSettings.list(new String[] {"a.csv, b.csv", " c.csv ", ""})).containsExactly("a.csv", "b.csv", "c.csv");
        assertThat(ConnectorSettings.list(null)).isEmpty();
    }

    @Test
    void listAttributesAreSplitAtTheirOwnSeparators() {
        Pattern words = Pattern.compile("[\\s,;]+");
        assertThat(ConnectorSettings.list(new String[] {"RO14399840, 2816464; 0002816464", "RO 123", " "}, words))
                .containsExactly("RO14399840", "2816464", "0002816464", "RO", "123");
        assertThat(ConnectorSettings.list(new String[] {"nationalId=Adószám; name=Cégnév;\n city = Település "},
                Pattern.compile("\\s*[;\\n]\\s*"))).containsExactly("nationalId=Adószám", "name=Cégnév", "city = Település");
        assertThat(ConnectorSettings.list(null, words)).isEmpty();
    }

    @Test
    void distinctIdsAreCheckedAndKeptOnceInTheirOrder() {
        Pattern ico = Pattern.compile("\\d{8}");
        assertThat(ConnectorSettings.distinct("icos", new String[] {" 26168685", "", "45274649, 26168685"}, ico, "an IČO (8 digits)"))
                .containsExactly("26168685", "45274649");
        assertThatThrownBy(() -> ConnectorSettings.distinct("icos", new String[] {"26168685, ../admin"}, ico, "an IČO (8 digits)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("icos: '../admin' is not an IČO (8 digits)");
    }

    @Test
    void aDisabledConnectorHasNeitherScheduleNorDropDirectoryAndChecksNeither() {
        ConnectorSettings enabled = ConnectorSettings.builder().baseUrl("https://example.org/")
                .automatic(true, "@daily", "/srv/drop").build();
        ConnectorSettings disabled = ConnectorSettings.builder().baseUrl("https://example.org/").paths("a.json")
                .automatic(false, "0 25 * * *", "relative/drop").build();

        assertThat(enabled.schedule()).contains("@daily");
        assertThat(enabled.dropDirectory()).hasValueSatisfying(d -> assertThat(d).hasToString("/srv/drop"));
        assertThat(disabled.schedule()).isEmpty();
        assertThat(disabled.dropDirectory()).isEmpty();
        assertThat(disabled.paths()).containsExactly("a.json");
        assertThatThrownBy(() -> ConnectorSettings.builder().automatic(true, "", "relative/drop")).hasMessageContaining("absolute");
    }

    @Test
    void dropDirectoriesMayHaveSpacesAndLetters() {
        assertThat(ConnectorSettings.builder().dropDirectory("/srv/data/Příjem dat/ares").build().dropDirectory())
                .hasValueSatisfying(d -> assertThat(d).hasToString("/srv/data/Příjem dat/ares"));
    }
}
