package eu.danubia.matching.internal.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.matching.internal.embed.Model;

/** The expansion of the register's labels, on the real code list ({@code shared/data/nace}, copied into the bundle). */
class LabelExpansionTest {

    private static final List<NaceLabel> LABELS = NaceLabel.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Manuf.of oth.food pr.nec   | manufacture of other food products not elsewhere classified",
        "Grow.of ot.non-per.crops   | growing of other non-perennial crops",
        "Post.ac.und.un.serv.obli   | postal activities under universal service obligation",
        "Buy.,sell.of own re.est.   | buying and selling of own real estate",
        "Cons.of ut.pr.for electr   | construction of utility projects for electricity",
        "Cons.of ot.ci.eng.pr.nec   | construction of other civil engineering projects not elsewhere classified",
        "Min.of ot.non-fer.me.or.   | mining of other non-ferrous metal ores",
        "Man.of.oth.buil.carp.nec   | manufacture of other building carpentry not elsewhere classified",
        "Oth.info.techn.serv.act.   | other information technology service activities",
        "Mot.pictu.post-prod.act.   | motion picture post-production activities",
        "Sound recor,mus.publ.act   | sound recording and music publishing activities",
        "Ot.soc.work act.witho.ac   | other social work activities without accommodation",
        "Man.of ot.parts for m.v.   | manufacture of other parts for motor vehicles",
        "Supp.act.for anim.prod.    | support activities for animal production",
        "Man.of build.plas.prod.    | manufacture of building plaster products",
        "Man.of oth.plas.products   | manufacture of other plastic products",
        "Manuf.of man-made fibres   | manufacture of man-made fibres",
        "Hunting, trapping          | hunting and trapping",
        "Cold forming or folding    | cold forming or folding",
        "Raising of swine/pigs      | raising of swine and pigs",
    })
    void writesAbbreviationsOut(String label, String expanded) {
        assertThat(LabelExpansion.expand(label)).isEqualTo(expanded);
    }

    @Test
    void correctsTheLabelsThatNameAnotherClass() {
        NaceLabel aircraft = LABELS.stream().filter(l -> l.code().equals("30300")).findFirst().orElseThrow();
        assertThat(aircraft.label()).isEqualTo("Manufacture of air");
        assertThat(LabelExpansion.expand(aircraft)).isEqualTo("manufacture of aircraft and spacecraft");
        // 55901 and 55909 share one English label; the second is "other accommodation" (Ubytovanie ost.dočasné)
        assertThat(LABELS.stream().filter(l -> l.naceClass().equals("55.90")).map(LabelExpansion::expand))
                .containsExactly("accommodation in student residences", "other short-stay accommodation");
        assertThat(LabelExpansion.CORRECTIONS.keySet()).allSatisfy(code -> assertThat(LABELS).anyMatch(l -> l.code().equals(code)));
    }

    /**
     * Every expanded label is made of words: none is left abbreviated (a key of the table), none keeps a
     * dot, and the few words the BERT vocabulary lacks as a whole are real words it splits into pieces.
     */
    @Test
    void everyLabelComesOutInWords() throws IOException {
        Set<String> vocabulary = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream(Model.MINILM.tokenizerResource())) {
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            vocab.fieldNames().forEachRemaining(vocabulary::add);
        }
        Set<String> outside = new TreeSet<>();
        for (NaceLabel label : LABELS) {
            String expanded = LabelExpansion.expand(label);
            assertThat(expanded).as(label.label()).doesNotContain(".").isEqualTo(expanded.strip());
            for (String word : expanded.split(" ")) {
                String abbreviation = LabelExpansion.WORDS.get(word);
                assertThat(abbreviation == null || abbreviation.equals(word)).as(word + " in " + label.label()).isTrue();
            }
            for (String word : expanded.split("[ \\-']+")) {
                if (!vocabulary.contains(word)) {
                    outside.add(word);
                }
            }
        }
        assertThat(outside).containsExactlyInAnyOrder("abrasive", "aquaculture", "brokerage", "brooms", "camels", "canteens",
                "carpentry", "cereals", "cider", "compressors", "condiments", "cordage", "cutlery", "dairies", "detergents",
                "directories", "dismantling", "dispensing", "distilled", "distilling", "dyes", "extraterritorial", "fasteners",
                "fats", "ferrous", "fertiliser", "fertilisers", "fibres", "footwear", "forging", "furnishing", "gaseous",
                "geodetic", "glazing", "glues", "hairdressing", "handbags", "homogenised", "hosiery", "incidental",
                "insulators", "intermediation", "irradiation", "joinery", "knitted", "lignite", "macaroni", "machining", "malt",
                "margarine", "mattresses", "metallurgy", "mortars", "oleaginous", "ores", "outerwear", "ovens", "paperboard",
                "parquet", "pesticides", "pigments", "plastering", "pome", "potable", "predominating", "prefabricated",
                "quarrying", "radiators", "refractory", "reinsurance", "remediation", "renting", "retardation", "roofing",
                "rusks", "sawmilling", "sewerage", "silviculture", "starches", "stationery", "swine", "tableware", "tanning",
                "thorium", "varnishes", "veneer", "venison", "wallpaper", "warehousing", "workwear", "wovens", "wrecks");
    }

    @Test
    void readsTheCodeList() {
        assertThat(LABELS).hasSize(646);
        NaceLabel first = LABELS.get(0);
        assertThat(first).isEqualTo(new NaceLabel("01110", "Growing of cereals", "Pestov.obilnín"));
        assertThat(first.naceClass()).isEqualTo("01.11");
        assertThat(first.division()).isEqualTo("01");
    }
}
