package eu.danubia.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.matching.internal.calls.CallData;
import eu.danubia.matching.internal.calls.FundedProject;
import eu.danubia.matching.internal.index.ProfileIndex;

/**
 * The engine on profiles made from real CORDIS project titles (shared/data/cordis-callmatch/dev.tsv):
 * every fourth is a technology offer, business offer, technology request or business request.
 */
class MatchingEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String[] TYPES = { "TECHNOLOGY_OFFER", "BUSINESS_OFFER", "TECHNOLOGY_REQUEST", "BUSINESS_REQUEST" };
    private static final String[] COUNTRIES = { "RO", "HU", "CZ", "SK", "UA" };
    private static final Map<String, Set<String>> COUNTERPARTS = Map.of(
            "TECHNOLOGY_OFFER", Set.of("TECHNOLOGY_REQUEST"), "BUSINESS_OFFER", Set.of("BUSINESS_REQUEST"),
            "TECHNOLOGY_REQUEST", Set.of("TECHNOLOGY_OFFER"), "BUSINESS_REQUEST", Set.of("BUSINESS_OFFER"));

    @TempDir
    static Path data;
    static MatchingEngine engine;
    static List<CooperationProfile> profiles = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        engine = new MatchingEngine(MatchingEngine.Settings.defaults(), data, CLOCK);
        List<FundedProject> projects = CallData.bundledProjects().subList(0, 240);
        for (int i = 0; i < projects.size(); i++) {
            profiles.add(profile(i, projects.get(i).title(), TYPES[i % 4], COUNTRIES[i % 5], ProfileStatus.PUBLISHED,
                    LocalDate.of(2027, 6, 30)));
        }
        engine.rebuild(List.of(() -> profiles), (done, total) -> { });
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static CooperationProfile profile(int i, String title, String type, String country, ProfileStatus status, LocalDate expires) {
        Direction d = type.endsWith("OFFER") ? Direction.OFFER : Direction.REQUEST;
        return new CooperationProfile(new UUID(7, i), "b2b", type, d, status, new UUID(1, i % 5), new UUID(2, i % 60),
                title, "", List.of(), List.of(), country, List.of(), expires, NOW.minusSeconds(86_400L * (i % 200)));
    }

    @Test
    void recommendationsKeepTheHardRulesAndCarryReasons() {
        int checked = 0;
        for (CooperationProfile p : profiles.subList(0, 40)) {
            List<Match> matches = engine.recommend(p, COUNTERPARTS.get(p.type()), 10);
            assertThat(matches).isNotEmpty();
            for (Match m : matches) {
                CooperationProfile q = profiles.stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow();
                assertThat(q.direction()).isNotEqualTo(p.direction());
                assertThat(COUNTERPARTS.get(p.type())).contains(q.type());
                assertThat(q.organisationId()).isNotEqualTo(p.organisationId());
                assertThat(m.reasons()).extracting(MatchReason::signal).contains("semantic");
                double weighted = m.reasons().stream().mapToDouble(r -> r.value() * r.weight()).sum();
                assertThat(m.score()).isCloseTo(weighted / 1.0, org.assertj.core.data.Offset.offset(0.01));
                checked++;
            }
            assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void theClosestRequestOfAnOfferIsTheOneAboutTheSameThing() {
        // a request written like offer #0 (aviation, hydrogen) must come first among all requests
        CooperationProfile offer = profiles.get(0);
        CooperationProfile request = profile(1000, "Looking for a partner on " + offer.title().toLowerCase(), "TECHNOLOGY_REQUEST",
                "HU", ProfileStatus.PUBLISHED, null);
        engine.apply(List.of(request));
        try {
            List<Match> matches = engine.recommend(offer, COUNTERPARTS.get(offer.type()), 5);
            assertThat(matches.get(0).id()).isEqualTo(request.id());
            assertThat(matches.get(0).reasons()).extracting(MatchReason::signal).contains("semantic", "lexical", "cross-border");
        } finally {
            engine.apply(List.of(withStatus(request, ProfileStatus.CLOSED)));
        }
        assertThat(engine.recommend(offer, COUNTERPARTS.get(offer.type()), 50)).extracting(Match::id).doesNotContain(request.id());
    }

    @Test
    void expiredAndWithdrawnProfilesAreNeverRecommended() {
        CooperationProfile offer = profiles.get(4);
        CooperationProfile expired = profile(2000, offer.title(), "TECHNOLOGY_REQUEST", "RO", ProfileStatus.PUBLISHED,
                LocalDate.of(2026, 10, 31));
        engine.apply(List.of(expired));
        assertThat(engine.recommend(offer, COUNTERPARTS.get(offer.type()), 50)).extracting(Match::id).doesNotContain(expired.id());
        engine.apply(List.of(withStatus(expired, ProfileStatus.EXPIRED)));
        assertThat(engine.isIndexed(expired)).isFalse();
    }

    @Test
    void searchFindsProfilesByMeaningWithinTheFilters() {
        List<Match> hits = engine.search("hydrogen storage for aircraft",
                new ProfileIndex.Filter(null, null, Direction.OFFER, null, null, null), null, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(m -> assertThat(profiles.stream().filter(p -> p.id().equals(m.id())).findFirst()
                .orElseThrow().direction()).isEqualTo(Direction.OFFER));
        assertThat(hits.get(0).title().toLowerCase()).containsAnyOf("hydrogen", "aviation", "aircraft");
    }

    @Test
    void theIndexSurvivesARestart() {
        int size = engine.indexedProfiles();
        assertThat(engine.needsRebuild()).isFalse();
        engine.close();
        engine = new MatchingEngine(MatchingEngine.Settings.defaults(), data, CLOCK);
        assertThat(engine.indexedProfiles()).isEqualTo(size);
        assertThat(engine.needsRebuild()).isFalse();
        assertThat(engine.isIndexed(profiles.get(3))).isTrue();
    }

    private static CooperationProfile withStatus(CooperationProfile p, ProfileStatus s) {
        return new CooperationProfile(p.id(), p.mode(), p.type(), p.direction(), s, p.associationId(), p.organisationId(),
                p.title(), p.summary(), p.keywords(), p.naceCodes(), p.country(), p.targetCountries(), p.expiresOn(),
                p.updatedAt());
    }
}
