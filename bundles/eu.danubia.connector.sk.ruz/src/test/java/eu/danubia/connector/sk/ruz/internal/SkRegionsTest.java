package eu.danubia.connector.sk.ruz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The kraj table against the register's own code lists ({@code /api/kraje}, {@code /api/okresy} in
 * {@code shared/data/registers/sk-ruz}) and the NUTS 2021 level-3 regions ({@code shared/data/nuts}).
 */
class SkRegionsTest {

    private static final Path DATA = Path.of("../../../shared/data");

    @Test
    void everyKrajOfTheCodeListIsTheNuts3RegionOfTheSameName() throws IOException {
        Map<String, String> skNuts3 = new HashMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(DATA.resolve("nuts/NUTS_RG_60M_2021_4326_LEVL_3.geojson").toFile()).get("features")) {
            JsonNode p = feature.get("properties");
            if (p.get("CNTR_CODE").asText().equals("SK")) {
                skNuts3.put(p.get("NUTS_ID").asText(), p.get("NAME_LATN").asText());
            }
        }
        RuzCodebook kraje = codebook("codebook__kraje.json");

        assertThat(kraje.entries().keySet()).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", SkRegions.ABROAD);
        assertThat(SkRegions.NUTS3).hasSize(8).allSatisfy((kraj, nuts) -> assertThat(skNuts3.get(nuts)).isEqualTo(kraje.get(kraj).sk()));
        assertThat(SkRegions.NUTS3.values()).containsExactlyInAnyOrderElementsOf(skNuts3.keySet());
        assertThat(kraje.get(SkRegions.ABROAD).en()).isEqualTo("Abroad");
    }

    @Test
    void everyDistrictBeginsWithTheDigitOfItsKraj() throws IOException {
        JsonNode districts = new ObjectMapper().readTree(DATA.resolve("registers/sk-ruz/codebook__okresy.json").toFile()).get("lokacie");

        assertThat(districts).hasSize(80).allSatisfy(d -> assertThat(SkRegions.kraj(null, d.get("kod").asText()))
                .isEqualTo(d.get("nadradenaLokacia").asText()));
        assertThat(SkRegions.kraj("2", "103")).isEqualTo("2");
        assertThat(SkRegions.kraj(null, "x")).isNull();
    }

    @Test
    void theBundledLegalFormsAreTheRegistersCodeList() throws IOException {
        RuzCodebook bundled = RuzCodebook.legalForms();

        assertThat(bundled.entries()).isEqualTo(codebook("codebook__pravne_formy.json").entries()).hasSize(103);
        assertThat(bundled.get("112")).isEqualTo(new RuzCodebook.Entry("112", "Spol. s r. o.", "Limited liability comp."));
    }

    private static RuzCodebook codebook(String file) throws IOException {
        try (InputStream in = Files.newInputStream(DATA.resolve("registers/sk-ruz").resolve(file))) {
            return RuzCodebook.parse(in);
        }
    }
}
