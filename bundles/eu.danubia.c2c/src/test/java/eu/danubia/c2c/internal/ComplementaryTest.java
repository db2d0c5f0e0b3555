package eu.danubia.c2c.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.matching.SectorSuggestion;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/** Complementary clusters of other regions, with and without the matching engine; on H2 and PostgreSQL. */
class ComplementaryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void softwareInClujComplementsHealthTechnologyInBudapest(Database database) {
        Fixture f = new Fixture(database);
        f.c2c.saveProfile(f.adminA, f.somes.id(), Fixture.profile(List.of("DIGITAL_HEALTH", "ACTIVE_AGEING")));
        f.c2c.saveProfile(f.adminB, f.pannon.id(), new ProfileInput(List.of("86.10"), List.of("Clinical trials"), null,
                List.of("DIGITAL_HEALTH", "MEDICAL_DEVICES"), List.of("hu", "en"), null));

        List<Complementary> out = f.c2c.complementary(f.anonymous, f.somes.id(), null);
        // Bihor is in the same NUTS 2 region (RO11); the private clusters are not readable
        assertThat(out).extracting(x -> x.cluster().name())
                .containsExactly("Pannon Health Technology Cluster", "Moravian ICT Cluster");
        Complementary pannon = out.get(0);
        Map<String, MatchReason> reasons = new java.util.HashMap<>();
        pannon.reasons().forEach(r -> reasons.put(r.signal(), r));
        assertThat(reasons).containsOnlyKeys("value-chain", "emerging-industries", "cross-border");
        assertThat(reasons.get("value-chain").detail()).isEqualTo("supplies them: 62 → 86, 63 → 86");
        assertThat(reasons.get("value-chain").value()).isEqualTo(1.0);
        assertThat(reasons.get("emerging-industries").detail()).isEqualTo("Digital health");
        assertThat(reasons.get("emerging-industries").value()).isEqualTo(0.5);
        assertThat(reasons.get("cross-border").value()).isEqualTo(1.0);
        // the weighted mean of exactly these reasons
        double expected = (0.35 * 1.0 + 0.25 * 0.5 + 0.10 * 0 + 0.15 * 1.0) / (0.35 + 0.25 + 0.10 + 0.15);
        assertThat(pannon.score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
        // Moravia does the same thing elsewhere: a shared sector, no link of a chain (Someș does 62 itself), ranked lower
        assertThat(out.get(1).reasons()).extracting(MatchReason::signal, MatchReason::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shared-sectors", "62"),
                org.assertj.core.groups.Tuple.tuple("cross-border", "RO – CZ"));
        assertThat(out.get(1).score()).isLessThan(pannon.score());

        // from Budapest the other way round
        assertThat(f.c2c.complementary(f.adminB, f.pannon.id(), 1)).extracting(x -> x.cluster().name())
                .containsExactly("Someș Digital Cluster");
        assertThatThrownBy(() -> f.c2c.complementary(f.anonymous, f.somes.id(), 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.c2c.complementary(f.anonymous, f.somes.id(), 51)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theMatchingEngineAddsASemanticReasonAndItsFailureRemovesOnlyThat(Database database) {
        Fixture f = new Fixture(database);
        Classifier engine = new Classifier();
        f.c2c.matching = engine;
        List<Complementary> out = f.c2c.complementary(f.anonymous, f.somes.id(), null);
        Complementary moravia = out.stream().filter(x -> x.cluster().name().equals("Moravian ICT Cluster")).findFirst()
                .orElseThrow();
        MatchReason semantic = moravia.reasons().stream().filter(r -> r.signal().equals("semantic")).findFirst().orElseThrow();
        assertThat(semantic.value()).isEqualTo(1.0);
        assertThat(semantic.weight()).isEqualTo(0.15);
        assertThat(semantic.detail()).isEqualTo("both described as NACE 62");
        // each cluster's text is classified once, then cached
        int asked = engine.asked;
        f.c2c.complementary(f.anonymous, f.somes.id(), null);
        assertThat(engine.asked).isEqualTo(asked);

        engine.fail = true;
        f.c2c.saveProfile(f.adminA, f.somes.id(), Fixture.profile(List.of()));
        List<Complementary> without = f.c2c.complementary(f.anonymous, f.somes.id(), null);
        assertThat(without).isNotEmpty().allSatisfy(x -> assertThat(x.reasons()).extracting(MatchReason::signal)
                .doesNotContain("semantic"));
    }

    /** Reads "software" as NACE 62.01 and "medical" as 32.50. */
    static final class Classifier implements MatchingService {
        int asked;
        boolean fail;

        @Override
        public Classification classify(String text, int limit) {
            if (fail) {
                throw new IllegalStateException("engine down");
            }
            asked++;
            String t = text.toLowerCase(java.util.Locale.ROOT);
            List<SectorSuggestion> s = new java.util.ArrayList<>();
            if (t.contains("software")) {
                s.add(new SectorSuggestion("62.01", "Computer programming", 0.8));
            }
            if (t.contains("medical")) {
                s.add(new SectorSuggestion("32.50", "Medical instruments", 0.7));
            }
            return new Classification(s, List.of());
        }

        @Override
        public List<Match> recommend(Caller caller, CooperationProfile profile, int limit) {
            return List.of();
        }

        @Override
        public List<Match> search(Caller caller, String text, Map<String, String> filters, int limit) {
            return List.of();
        }

        @Override
        public List<CallMatch> recommendCalls(String text, int limit) {
            return List.of();
        }

        @Override
        public void profileChanged(CooperationProfile profile) {
        }
    }
}
