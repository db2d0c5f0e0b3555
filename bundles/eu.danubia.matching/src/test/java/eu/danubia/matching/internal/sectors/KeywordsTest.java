package eu.danubia.matching.internal.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;

class KeywordsTest {

    @TempDir
    static Path data;

    private static SentenceEncoder minilm;

    @BeforeAll
    static void load() {
        OnnxNatives.extract(data);
        minilm = SentenceEncoder.load(Model.MINILM, 0);
    }

    @AfterAll
    static void close() {
        minilm.close();
    }

    private static List<String> phrases(String text) {
        return Keywords.candidates(text).stream().map(Keywords.Candidate::phrase).toList();
    }

    private static List<String> keywords(String text, int max) {
        return Keywords.of(text, minilm.embed(text), minilm, max);
    }

    @Test
    void candidatesAreTheRunsBetweenStopWordsAndPunctuation() {
        assertThat(phrases("We develop custom ERP software and mobile apps for SMEs."))
                .containsExactly("custom ERP", "custom ERP software", "ERP", "ERP software", "software", "mobile", "mobile apps",
                        "apps", "SMEs");
    }

    @Test
    void candidatesHaveAtMostThreeWordsAndNoRepeats() {
        List<String> p = phrases("Injection moulding of precision plastic parts. Plastic parts for cars; plastic PARTS for trucks.");
        assertThat(p).allSatisfy(x -> assertThat(x.split(" ")).hasSizeLessThanOrEqualTo(Keywords.MAX_WORDS));
        assertThat(p).containsOnlyOnce("precision plastic parts", "plastic parts").doesNotContain("Plastic parts", "plastic PARTS");
        // the full stop ends a run: no phrase joins "parts" and "Plastic"
        assertThat(p).noneMatch(x -> x.contains("parts Plastic"));
    }

    @Test
    void verbsNumbersAndBareGenericWordsAreNoKeywords() {
        List<String> p = phrases("Low-cost airline flying 2000 passengers daily; we offer services and products since 1998.");
        assertThat(p).contains("Low-cost airline", "passengers").doesNotContain("flying", "airline flying", "2000", "1998",
                "offer", "services", "products", "since");
        // an -ing word may open a phrase ("washing machines") or be a trade ("CNC machining")
        assertThat(phrases("Washing machines and CNC machining")).contains("Washing machines", "CNC machining");
    }

    @Test
    void selectionNeverReusesAWord() {
        List<Keywords.Candidate> c = Keywords.candidates("custom ERP software and mobile apps");
        // ranked: "ERP software", then "custom ERP" (shares ERP: skipped), "mobile apps", "apps" and "software" (skipped)
        Integer[] order = {c.indexOf(find(c, "ERP software")), c.indexOf(find(c, "custom ERP")), c.indexOf(find(c, "mobile apps")),
            c.indexOf(find(c, "apps")), c.indexOf(find(c, "software")), c.indexOf(find(c, "ERP"))};
        assertThat(Keywords.select(c, order, 8)).containsExactly("ERP software", "mobile apps");
        assertThat(Keywords.select(c, order, 1)).containsExactly("ERP software");
    }

    private static Keywords.Candidate find(List<Keywords.Candidate> c, String phrase) {
        return c.stream().filter(x -> x.phrase().equals(phrase)).findFirst().orElseThrow();
    }

    @Test
    void ranksThePhrasesThatCarryTheText() {
        assertThat(keywords("We develop custom ERP software and mobile apps for SMEs.", 8))
                .containsExactly("custom ERP software", "mobile apps", "SMEs");
        List<String> k = keywords("Integrated steel mill producing hot-rolled, cold-rolled and coated steel sheet and tin mill products.", 8);
        assertThat(k.get(0)).isEqualTo("Integrated steel mill");
        assertThat(k).contains("coated steel sheet");
    }

    @Test
    void atMostTheAskedNumberAndAlwaysTheSame() {
        String text = "Seznam.cz operates the most visited Czech internet search engine, a web portal with news, free e-mail "
                + "and maps, financed by online advertising.";
        List<String> k = keywords(text, 8);
        assertThat(k).hasSizeLessThanOrEqualTo(8).doesNotHaveDuplicates().contains("online advertising");
        assertThat(keywords(text, 8)).isEqualTo(k);
        assertThat(keywords(text, 3)).isEqualTo(k.subList(0, 3));
        assertThat(keywords("", 8)).isEmpty();
        assertThat(keywords("and the of", 8)).isEmpty();
    }

    @Test
    void slovakAndCzechFunctionWordsAndVerbsAreSkipped() {
        assertThat(phrases("Seznam.cz provozuje český internetový vyhledávač a prodává online reklamu."))
                .contains("Seznam.cz", "český internetový vyhledávač", "online reklamu").doesNotContain("provozuje", "prodává", "a");
    }
}
