package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/** The lexical search with its filters, and similar profiles with and without a matching engine. */
class SearchTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyWordMustMatchAndMoreMatchingFieldsRankHigher(Database database) {
        Fixture f = new Fixture(database);
        UUID cutting = publish(f, f.memberA1, profile().title("Laser cutting services").summary("Laser cutting of steel")
                .description("Sheet metal").innovation(null).keywords(List.of("cutting"), List.of()).build());
        UUID everywhere = publish(f, f.memberA2, profile().title("Laser sensor").summary("A laser based sensor")
                .description("The laser sensor").keywords(List.of("laser", "sensor"), List.of()).build());
        UUID keywordOnly = publish(f, f.memberB1, profile().title("Weld inspection").summary("Inspection of welds")
                .description("Camera based").innovation(null).keywords(List.of("Laser Sensor"), List.of()).build());
        UUID noMatch = publish(f, f.memberB2, profile().title("Cold storage").summary("Fruit logistics")
                .description("Refrigerated").innovation(null).keywords(List.of("logistics"), List.of()).build());

        assertThat(ids(f, query("LASER  sensor"))).containsExactly(everywhere, keywordOnly);
        // relevance before recency: the keyword-only match is newer but matches in one field only
        assertThat(ids(f, query("laser"))).containsExactly(everywhere, cutting, keywordOnly);
        assertThat(ids(f, query("laser cutting"))).containsExactly(cutting);
        assertThat(ids(f, query("laser nothing"))).isEmpty();
        assertThat(ids(f, query("%"))).isEmpty();
        assertThat(ids(f, new ProfileFilter("laser", null, null, null, null, null, ProfileFilter.Sort.TITLE, false)))
                .containsExactly(cutting, everywhere, keywordOnly);
        // without words the newest come first
        assertThat(ids(f, ProfileFilter.none())).containsExactly(noMatch, keywordOnly, everywhere, cutting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void filtersByTypeCountryNaceKeywordAndDate(Database database) {
        Fixture f = new Fixture(database);
        UUID roOffer = publish(f, f.memberA1, profile().nace("26.70").keywords(List.of("Photonics"), List.of("Automotive"))
                .build());
        f.clock.advance(Duration.ofDays(10));
        LocalDate later = f.today();
        UUID huRequest = publish(f, f.memberB1, profile().type("BUSINESS_REQUEST").stage(null).nace("46.69", "62.01")
                .keywords(List.of(), List.of("distribution")).build());
        f.b2b.create(f.memberA1, profile().nace("26.70").build()); // a draft is never listed for others

        assertThat(ids(f, filter(null, "TECHNOLOGY_OFFER", null, null, null))).containsExactly(roOffer);
        assertThat(ids(f, filter(null, null, "hu", null, null))).containsExactly(huRequest);
        assertThat(ids(f, filter(null, null, null, "26", null))).containsExactly(roOffer);
        assertThat(ids(f, filter(null, null, null, "62.0", null))).containsExactly(huRequest);
        assertThat(ids(f, filter(null, null, null, null, "automotive"))).containsExactly(roOffer);
        assertThat(ids(f, filter(null, null, null, null, "auto"))).isEmpty();
        assertThat(ids(f, new ProfileFilter(null, null, null, null, null, later, null, false))).containsExactly(huRequest);
        assertThat(ids(f, new ProfileFilter(null, null, null, null, null, later.plusDays(1), null, false))).isEmpty();
        assertThatThrownBy(() -> f.b2b.list(f.anonymous, filter(null, null, "Romania", "x", null), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("country", "nace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void pagesThroughTheResults(Database database) {
        Fixture f = new Fixture(database);
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, publish(f, f.memberA1, profile().title("Profile " + i).build()));
        }
        var second = f.b2b.list(f.anonymous, ProfileFilter.none(), new PageRequest(1, 2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.items()).extracting(Profile::id).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(f.b2b.list(f.anonymous, ProfileFilter.none(), new PageRequest(2, 2)).items()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void similarProfilesAreCounterpartsRankedBySharedKeywordsSectorAndWords(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = publish(f, f.memberA1, profile().title("Laser sensor for weld inspection")
                .keywords(List.of("laser", "sensor", "optics"), List.of()).nace("26.70").build());
        UUID close = publish(f, f.memberB1, profile().type("TECHNOLOGY_REQUEST").title("Wanted: weld inspection sensor")
                .keywords(List.of("Laser", "sensor"), List.of()).nace("26.70").build());
        UUID rd = publish(f, f.memberB2, profile().type("RD_REQUEST").stage(null).title("Research partner for optics")
                .summary("Joint research").keywords(List.of("optics"), List.of()).nace("26.51").build());
        UUID unrelated = publish(f, f.memberB2, profile().type("TECHNOLOGY_REQUEST").title("Fruit storage")
                .summary("Cold chain").description("Fruit").keywords(List.of("fruit"), List.of()).nace("10.39").build());
        UUID anotherOffer = publish(f, f.memberB1, profile().title("Laser sensor too")
                .keywords(List.of("laser", "sensor"), List.of()).build());
        UUID ownRequest = publish(f, f.memberA1, profile().type("TECHNOLOGY_REQUEST").title("Laser sensor wanted")
                .keywords(List.of("laser", "sensor"), List.of()).build());
        UUID draftRequest = f.b2b.create(f.memberB1, profile().type("TECHNOLOGY_REQUEST").title("Laser sensor draft")
                .keywords(List.of("laser", "sensor"), List.of()).build()).id();

        List<SimilarProfile> similar = f.b2b.similar(f.anonymous, offer, null);

        assertThat(similar).extracting(s -> s.profile().id()).containsExactly(close, rd)
                .doesNotContain(unrelated, anotherOffer, ownRequest, draftRequest);
        SimilarProfile best = similar.get(0);
        assertThat(best.score()).isBetween(0.5, 1.0);
        assertThat(best.reasons()).extracting(MatchReason::signal).containsExactly("shared-keywords", "nace", "text");
        assertThat(best.reasons().get(0).detail()).isEqualTo("laser, sensor");
        assertThat(best.reasons().get(0).value()).isEqualTo(0.667);
        assertThat(best.reasons().get(1).detail()).isEqualTo("26.70");
        assertThat(similar.get(1).reasons()).extracting(MatchReason::signal).containsExactly("shared-keywords", "nace");
        assertThat(similar.get(1).reasons().get(1).detail()).isEqualTo("26.70 ~ 26.51 (division 26)");
        assertThat(similar.get(1).score()).isLessThan(best.score());

        // and the other way round: the R&D request finds technology offers only
        assertThat(f.b2b.similar(f.memberB2, rd, 5)).extracting(s -> s.profile().id()).containsExactly(offer, anotherOffer);
        assertThat(f.b2b.similar(f.anonymous, offer, 1)).hasSize(1);
        assertThatThrownBy(() -> f.b2b.similar(f.anonymous, offer, 0)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anInstalledMatchingEngineRanksButNeverOverridesTheHardFilters(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = publish(f, f.memberA1, profile().build());
        UUID request = publish(f, f.memberB1, profile().type("TECHNOLOGY_REQUEST").title("Unrelated words").summary("x")
                .keywords(List.of("laser"), List.of()).nace("01.11").build());
        UUID otherOffer = publish(f, f.memberB1, profile().build());
        UUID draft = f.b2b.create(f.memberB2, profile().type("TECHNOLOGY_REQUEST").build()).id();
        UUID own = publish(f, f.memberA1, profile().type("TECHNOLOGY_REQUEST").build());
        RecordingEngine engine = new RecordingEngine(List.of(
                new Match(otherOffer, "same direction", 0.99, List.of()),
                new Match(draft, "a draft", 0.98, List.of()),
                new Match(own, "own organisation", 0.97, List.of()),
                new Match(UUID.randomUUID(), "gone", 0.96, List.of()),
                new Match(request, "the one", 0.61, List.of(new MatchReason("semantic", 0.61, 0.5, null)))));
        f.b2b.matching = engine;

        List<SimilarProfile> similar = f.b2b.similar(f.memberB2, offer, 5);

        assertThat(similar).singleElement().satisfies(s -> {
            assertThat(s.profile().id()).isEqualTo(request);
            assertThat(s.score()).isEqualTo(0.61);
            assertThat(s.reasons()).extracting(MatchReason::signal).containsExactly("semantic");
        });
        assertThat(engine.asked.get(0).id()).isEqualTo(offer);
        assertThat(engine.asked.get(0).direction()).isEqualTo(Direction.OFFER);
        assertThat(engine.asked.get(0).mode()).isEqualTo("b2b");
        UUID created = f.b2b.create(f.memberA2, profile().build()).id();
        assertThat(engine.changed).extracting(CooperationProfile::id).containsExactly(created);

        // a failing engine leaves the lexical similarity, with the same filters
        engine.fail = true;
        assertThat(f.b2b.similar(f.memberB2, offer, 5)).singleElement().satisfies(s -> {
            assertThat(s.profile().id()).isEqualTo(request);
            assertThat(s.reasons()).extracting(MatchReason::signal).containsExactly("shared-keywords");
        });
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Publishes one profile a minute after the previous one, so "newest first" is well defined. */
    private static UUID publish(Fixture f, Caller owner, ProfileInput input) {
        f.clock.advance(Duration.ofMinutes(1));
        return f.published(owner, input).id();
    }

    private static ProfileFilter query(String q) {
        return new ProfileFilter(q, null, null, null, null, null, null, false);
    }

    private static ProfileFilter filter(String q, String type, String country, String nace, String keyword) {
        return new ProfileFilter(q, type == null ? null : ProfileType.valueOf(type), country, nace, keyword, null, null,
                false);
    }

    private static List<UUID> ids(Fixture f, ProfileFilter filter) {
        return f.b2b.list(f.anonymous, filter, null).items().stream().map(Profile::id).toList();
    }
}
