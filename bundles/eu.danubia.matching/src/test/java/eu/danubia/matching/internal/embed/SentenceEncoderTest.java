package eu.danubia.matching.internal.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both shipped models, loaded once for the class, on real project titles from the CORDIS development
 * set ({@code shared/data/cordis-callmatch/dev.tsv}, copied into the bundle under {@code reference/}).
 */
class SentenceEncoderTest {

    @TempDir
    static Path data;

    private static Path natives;
    private static final Map<Model, SentenceEncoder> ENCODERS = new HashMap<>();
    private static Map<String, String> titles;

    @BeforeAll
    static void load() throws IOException {
        natives = OnnxNatives.extract(data.resolve("onnx"));
        for (Model model : Model.values()) {
            ENCODERS.put(model, SentenceEncoder.load(model, 0));
        }
        titles = devTitles();
    }

    @AfterAll
    static void close() {
        ENCODERS.values().forEach(SentenceEncoder::close);
    }

    /** Project id → title. */
    private static Map<String, String> devTitles() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = SentenceEncoderTest.class.getResourceAsStream("/reference/cordis-callmatch/dev.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split("\t");
                out.put(f[0], f[2]);
            }
        }
        return out;
    }

    private static String title(String projectId) {
        String t = titles.get(projectId);
        assertThat(t).as("dev.tsv project " + projectId).isNotNull();
        return t;
    }

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void nativesAreExtractedWhereWeSaidAndOnnxRuntimeIsToldSo() throws IOException {
        assertThat(natives.getParent()).isEqualTo(data.resolve("onnx"));
        assertThat(System.getProperty("onnxruntime.native.path")).isEqualTo(natives.toString());
        try (Stream<Path> files = Files.list(natives)) {
            List<Path> libs = files.toList();
            assertThat(libs).hasSize(2).allSatisfy(p -> {
                assertThat(p.getFileName().toString()).contains("onnxruntime");
                assertThat(Files.size(p)).isPositive();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void vectorsHave384DimensionsAndUnitLength(Model model) {
        SentenceEncoder encoder = ENCODERS.get(model);
        assertThat(encoder.model()).isEqualTo(model);
        assertThat(encoder.dimensions()).isEqualTo(384);
        for (String text : List.of(title("101075602"), "", "Výroba a predaj ovocných štiav")) {
            float[] v = encoder.embed(text);
            assertThat(v).hasSize(384);
            assertThat(cosine(v, v)).isCloseTo(1.0, within(1e-5));
        }
    }

    /** Each title of the set, a paraphrase of it in other words, and an unrelated title of the set. */
    @ParameterizedTest
    @EnumSource(Model.class)
    void aParaphraseIsCloserThanAnUnrelatedTitle(Model model) {
        SentenceEncoder encoder = ENCODERS.get(model);
        String[][] triples = {
            {"101075602", "Superconductor power lines that support the move to clean energy", "101096362"},
            {"101096362", "Measuring the wellbeing of people living with and after cancer across Europe", "101084216"},
            {"101084216", "Simulating wind parks at several scales to design them and assess their loads and output", "101094428"},
            {"101094428", "Tailored games and tourist itineraries for museums, monuments and the arts", "101075602"},
            {"101069686", "Making solid-state batteries with pulsed laser deposition and digital process control", "101061748"},
        };
        for (String[] t : triples) {
            float[] title = encoder.embed(title(t[0]));
            double paraphrase = cosine(title, encoder.embed(t[1]));
            double unrelated = cosine(title, encoder.embed(title(t[2])));
            assertThat(paraphrase).as(model + ": " + title(t[0]) + " vs " + t[1]).isGreaterThan(unrelated + 0.1);
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void aBatchGivesNearlyTheVectorsOfSingleRuns(Model model) {
        SentenceEncoder encoder = ENCODERS.get(model);
        // lengths from 3 to 40 tokens, so most rows of the batch are padded
        List<String> texts = Stream.of("101075602", "101096362", "101084216", "101094428", "101069686", "101061748",
                "101057522", "101111948").map(SentenceEncoderTest::title).toList();
        float[][] batch = encoder.embed(texts);
        assertThat(batch.length).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batch[i], encoder.embed(texts.get(i)))).as(texts.get(i)).isGreaterThan(0.98);
        }
    }

    @Test
    void bgeQueriesTakeTheInstructionAndStillFindTheirDocument() {
        SentenceEncoder bge = ENCODERS.get(Model.BGE);
        String query = "wind farm design and load assessment";
        double sameText = cosine(bge.embedQuery(query), bge.embed(query));
        assertThat(sameText).isLessThan(0.99).isGreaterThan(0.5);

        List<String> ids = List.of("101075602", "101096362", "101084216", "101094428", "101069686", "101061748");
        float[] q = bge.embedQuery(query);
        String best = ids.stream().max((a, b) -> Double.compare(cosine(q, bge.embed(title(a))), cosine(q, bge.embed(title(b)))))
                .orElseThrow();
        assertThat(best).isEqualTo("101084216");
    }

    @Test
    void miniLmIsSymmetric() {
        SentenceEncoder minilm = ENCODERS.get(Model.MINILM);
        String text = "wind farm design and load assessment";
        assertThat(minilm.embedQuery(text)).containsExactly(minilm.embed(text));
    }
}
