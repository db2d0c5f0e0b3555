package eu.danubia.connector.ro.onrc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The county table against the NUTS 2021 level-3 regions of Romania ({@code shared/data/nuts}, Eurostat GISCO). */
class CountiesTest {

    private static final Path NUTS3 = Path.of("../../../shared/data/nuts/NUTS_RG_60M_2021_4326_LEVL_3.geojson");
    private static final Pattern ROMANIAN = Pattern.compile(
            "\"NUTS_ID\": \"(RO\\d{3})\", \"LEVL_CODE\": 3, \"CNTR_CODE\": \"RO\", \"NAME_LATN\": \"([^\"]+)\"");

    @Test
    void everyRomanianNuts3RegionIsFoundByItsNameAndNothingElse() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher m = ROMANIAN.matcher(Files.readString(NUTS3, StandardCharsets.UTF_8));
        while (m.find()) {
            regions.put(m.group(1), m.group(2));
        }

        assertThat(regions).hasSize(42);
        regions.forEach((code, name) -> {
            assertThat(Counties.nuts3(name)).as(name).isEqualTo(code);
            assertThat(Counties.nuts3(name.toUpperCase(java.util.Locale.ROOT))).as(name.toUpperCase(java.util.Locale.ROOT)).isEqualTo(code);
        });
    }

    @Test
    void bothDiacriticFormsAndPrefixesAreRecognised() {
        assertThat(Counties.nuts3("Timiş")).isEqualTo("RO424");
        assertThat(Counties.nuts3("Timiș")).isEqualTo("RO424");
        assertThat(Counties.nuts3("TIMIS")).isEqualTo("RO424");
        assertThat(Counties.nuts3("Municipiul Bucureşti")).isEqualTo("RO321");
        assertThat(Counties.nuts3("Județul Bistrița-Năsăud")).isEqualTo("RO112");
        assertThat(Counties.nuts3("Caras Severin")).isEqualTo("RO422");
        assertThat(Counties.nuts3("Atlantis")).isNull();
        assertThat(Counties.nuts3(null)).isNull();
    }
}
