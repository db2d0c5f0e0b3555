package eu.danubia.rdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.PageRequest;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.store.Database;

/**
 * Partner proposals and call recommendations, with a recording matching engine and without one
 * (lexical), and what the engine is given to index.
 */
class MatchingTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void withoutTheEngineProposalsAndCallsAreLexical(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");

        Consortium c = f.rdi.consortium(f.anonymous, idea.id());
        Consortium.Slot research = slot(c, RoleKind.RESEARCH_PARTNER);
        // research organisations of Hungary, the wanted country, that the caller reads
        assertThat(research.proposals()).extracting(p -> p.organisation().name())
                .containsExactly("Pannon Energy Research Institute");
        assertThat(research.proposals().get(0).source()).isEqualTo(RdiService.LEXICAL);
        assertThat(research.proposals().get(0).reasons()).extracting(MatchReason::signal)
                .containsExactly("role-fit", "country", "shared-words");
        Consortium.Slot sme = slot(c, RoleKind.SME);
        // SMEs of any country; the university itself is never proposed; a new country ranks first on a tie
        assertThat(sme.proposals()).extracting(p -> p.organisation().name())
                .containsExactlyInAnyOrder("Brno Sensors s.r.o.", "Duna Power Kft", "Solaris Cluj SRL");
        assertThat(sme.proposals().get(0).organisation().name()).isEqualTo("Brno Sensors s.r.o.");
        assertThat(sme.proposals()).allSatisfy(p -> assertThat(p.source()).isEqualTo(RdiService.LEXICAL));

        List<CallRecommendation> calls = f.rdi.recommendedCalls(f.anonymous, idea.id());
        assertThat(calls).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(calls.get(0).topicCode()).isEqualTo(Fixture.CL5_TOPIC);
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("lexical");
            assertThat(r.reasons()).singleElement().satisfies(m -> assertThat(m.signal()).isEqualTo("shared-words"));
        });
        assertThat(calls).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void candidatesComeFromBeyondTheDirectorysFirstPage(Database database) {
        Fixture f = new Fixture(database);
        // a full directory page of Hungarian research organisations whose names sort before the one that fits
        for (int i = 0; i < PageRequest.MAX_SIZE; i++) {
            f.org(String.format("Aaa Folk Music Archive %03d", i), OrganisationType.RESEARCH, SizeClass.SMALL, "HU", f.b,
                    "Collects folk songs of the Carpathian basin.", Visibility.PUBLIC);
        }
        Idea idea = f.openIdea("PUBLIC");

        Consortium.Slot research = slot(f.rdi.consortium(f.anonymous, idea.id()), RoleKind.RESEARCH_PARTNER);
        assertThat(research.proposals()).isNotEmpty();
        assertThat(research.proposals().get(0).organisation().name()).isEqualTo("Pannon Energy Research Institute");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void organisationsTheCallerMayNotReadAreNeverProposed(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.rdi.publish(f.memberUniversity, f.rdi.createIdea(f.memberUniversity, new IdeaInput(null,
                "Photovoltaic street furniture", "Pilots of photovoltaic benches in cities.", Fixture.CL5_TOPIC, null,
                null, List.of(Fixture.role("PILOT_SITE", "CZ")))).id());
        assertThat(slot(f.rdi.consortium(f.adminC, idea.id()), RoleKind.PILOT_SITE).proposals())
                .extracting(p -> p.organisation().name()).contains("Brno City Energy Office");
        for (var caller : List.of(f.anonymous, f.memberUniversity, f.adminB)) {
            assertThat(slot(f.rdi.consortium(caller, idea.id()), RoleKind.PILOT_SITE).proposals())
                    .extracting(p -> p.organisation().name()).doesNotContain("Brno City Energy Office");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void withTheEngineItsRankingAndReasonsComeFirst(Database database) {
        Fixture f = new Fixture(database);
        RecordingEngine engine = new RecordingEngine();
        f.rdi.matching = engine;
        Idea idea = f.openIdea("PUBLIC");
        engine.searchAnswer = List.of(
                new Match(f.huSme.id(), f.huSme.name(), 0.81, List.of(new MatchReason("semantic", 0.9, 0.4, "similar meaning"))),
                new Match(UUID.randomUUID(), "an organisation the directory does not give this caller", 0.99, List.of()),
                new Match(f.czSme.id(), f.czSme.name(), 0.42, List.of(new MatchReason("lexical", 0.5, 0.15, "words"))));
        engine.callAnswer = List.of(new CallMatch(Fixture.CL5_TOPIC, "Low-power PV", 0.73,
                List.of(new MatchReason("semantic", 0.61, 14, "topic title"))),
                new CallMatch("HORIZON-CL5-2099-UNKNOWN", "Not in rdi_calls", 0.5, List.of()));

        Consortium.Slot sme = slot(f.rdi.consortium(f.memberHuInstitute, idea.id()), RoleKind.SME);
        assertThat(sme.proposals()).extracting(p -> p.organisation().name())
                .containsExactly("Duna Power Kft", "Brno Sensors s.r.o.", "Solaris Cluj SRL");
        assertThat(sme.proposals()).extracting(Consortium.Proposal::source)
                .containsExactly("matching", "matching", "lexical");
        assertThat(sme.proposals().get(0).score()).isEqualTo(0.81);
        assertThat(sme.proposals().get(0).reasons()).extracting(MatchReason::signal).contains("role-fit", "semantic");
        assertThat(engine.searches).contains(Map.of("mode", "rdi", "type", "PARTNER"),
                Map.of("mode", "rdi", "type", "PARTNER", "country", "HU"));

        List<CallRecommendation> calls = f.rdi.recommendedCalls(f.memberHuInstitute, idea.id());
        assertThat(calls).extracting(CallRecommendation::source).containsOnly("matching");
        assertThat(calls.get(0).programme()).startsWith("Horizon Europe – Cluster 5");
        assertThat(calls.get(0).reasons()).extracting(MatchReason::signal).containsExactly("semantic");
        assertThat(calls.get(1).title()).isEqualTo("Not in rdi_calls");
        assertThat(engine.callTexts).singleElement().asString().startsWith(idea.title() + ". ");

        // a failing engine falls back to the lexical answers
        engine.fail = true;
        assertThat(f.rdi.recommendedCalls(f.anonymous, idea.id())).extracting(CallRecommendation::source).containsOnly("lexical");
        assertThat(slot(f.rdi.consortium(f.anonymous, idea.id()), RoleKind.SME).proposals())
                .extracting(Consortium.Proposal::source).containsOnly("lexical");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theEngineIndexesOpenPublicIdeasAndPublicOrganisations(Database database) {
        Fixture f = new Fixture(database);
        RecordingEngine engine = new RecordingEngine();
        f.rdi.matching = engine;
        Idea open = f.openIdea("PUBLIC");
        f.openIdea("ASSOCIATION");
        f.rdi.createIdea(f.memberUniversity, Fixture.pvIdea("PUBLIC"));

        List<CooperationProfile> indexed = new ArrayList<>();
        new RdiProfileSource(f.rdi).forEachPublished(indexed::add);
        assertThat(indexed).filteredOn(p -> p.type().equals(RdiMode.PROJECT_IDEA)).extracting(CooperationProfile::id)
                .containsExactly(open.id());
        assertThat(indexed).filteredOn(p -> p.type().equals(RdiMode.PARTNER)).extracting(CooperationProfile::id)
                .containsExactlyInAnyOrder(f.university.id(), f.roSme.id(), f.huInstitute.id(), f.huSme.id(), f.czSme.id());
        assertThat(indexed).allSatisfy(p -> {
            assertThat(p.mode()).isEqualTo("rdi");
            assertThat(p.status()).isEqualTo(ProfileStatus.PUBLISHED);
        });
        // publishing told the engine; the association-only idea reaches it as not published
        assertThat(engine.changed).extracting(CooperationProfile::status)
                .containsExactly(ProfileStatus.PUBLISHED, ProfileStatus.DRAFT);
        RdiMode mode = new RdiMode();
        assertThat(mode.matches(RdiMode.PROJECT_IDEA, RdiMode.PARTNER)).isTrue();
        assertThat(mode.matches(RdiMode.PARTNER, RdiMode.PARTNER)).isFalse();
        assertThat(mode.canTransition(ProfileStatus.PUBLISHED, ProfileStatus.DRAFT)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theCooperationRecordHasApplicationsAndAcceptances(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");
        Application a = f.rdi.apply(f.memberHuInstitute, idea.id(), new ApplicationInput(
                Fixture.roleId(idea, RoleKind.RESEARCH_PARTNER).toString(), "Thin films", null));
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(Fixture.roleId(idea, RoleKind.SME).toString(), "x", null));
        f.clock.advance(java.time.Duration.ofHours(1));
        f.rdi.accept(f.memberUniversity, a.id());
        RdiCooperationActivity activity = new RdiCooperationActivity(f.db, f.rdi);
        var all = activity.cooperations(List.of(f.university.id()));
        assertThat(all).extracting(x -> x.kind().name() + ":" + x.from())
                .containsExactly("INTEREST:" + f.huInstitute.id(), "INTEREST:" + f.czSme.id(), "AGREEMENT:" + f.huInstitute.id());
        assertThat(all).allSatisfy(x -> assertThat(x.to()).isEqualTo(f.university.id()));
        assertThat(activity.cooperations(List.of(f.czSme.id()))).hasSize(1);
        assertThat(activity.cooperations(List.of(f.adminA.associationId()))).isEmpty();
    }

    private static Consortium.Slot slot(Consortium c, RoleKind kind) {
        return c.roles().stream().filter(r -> r.role() == kind).findFirst().orElseThrow();
    }
}
