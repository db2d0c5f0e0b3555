package eu.danubia.connector.cz.ares.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.connector.cz.ares.internal.CzRegions.Kraj;

/** The kraj table against the NUTS 2021 level-3 regions of Czechia ({@code shared/data/nuts}, Eurostat GISCO). */
class CzRegionsTest {

    @Test
    void everyKrajIsANuts3RegionOfCzechiaWithTheSameName() throws IOException {
        Map<String, String> czNuts3 = new HashMap<>();
        JsonNode regions = new ObjectMapper().readTree(Path.of("../../../shared/data/nuts/NUTS_RG_60M_2021_4326_LEVL_3.geojson").toFile());
        for (JsonNode feature : regions.get("features")) {
            JsonNode p = feature.get("properties");
            if (p.get("CNTR_CODE").asText().equals("CZ")) {
                czNuts3.put(p.get("NUTS_ID").asText(), p.get("NAME_LATN").asText());
            }
        }

        assertThat(czNuts3).hasSize(14);
        assertThat(CzRegions.BY_CODE.values()).hasSize(14).allSatisfy(kraj -> assertThat(czNuts3.get(kraj.nuts3())).isEqualTo(kraj.name()));
        assertThat(CzRegions.BY_CODE.values()).extracting(Kraj::nuts3).containsExactlyInAnyOrderElementsOf(czNuts3.keySet());
    }

    @Test
    void codeFirstThenName() {
        // the Seznam.cz answer: kodKraje 19, nazevKraje "Hlavní město Praha"
        assertThat(CzRegions.nuts3(19, "Hlavní město Praha")).isEqualTo("CZ010");
        assertThat(CzRegions.nuts3(141, null)).isEqualTo("CZ080");
        assertThat(CzRegions.nuts3(null, "Kraj Vysočina")).isEqualTo("CZ063");
        assertThat(CzRegions.nuts3(999, "jihomoravský kraj")).isEqualTo("CZ064");
        assertThat(CzRegions.nuts3(999, "Bratislavský kraj")).isNull();
        assertThat(CzRegions.nuts3(null, null)).isNull();
    }
}
