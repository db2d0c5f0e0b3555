package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.store.Database;

/** The lifecycle of a profile and the validation of what owners write, on H2 and PostgreSQL. */
class ProfileLifecycleTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aProfileIsDraftedSubmittedPublishedAndClosed(Database database) {
        Fixture f = new Fixture(database);

        Profile draft = f.b2b.create(f.memberA1, offer("Laser sensor"));
        assertThat(draft.status()).isEqualTo(ProfileStatus.DRAFT);
        assertThat(draft.mine()).isTrue();
        assertThat(draft.country()).isEqualTo("RO");
        assertThat(draft.expiresOn()).isEqualTo(f.today().plusMonths(12));
        assertThat(draft.publishedAt()).isNull();
        assertThat(draft.owner().organisationId()).isEqualTo(f.a1.id());
        assertThat(draft.owner().organisationName()).isEqualTo("Cluj Photonics SRL");
        assertThat(draft.owner().associationId()).isEqualTo(f.a);
        assertThat(draft.owner().contactEmail()).isEqualTo("ana.popescu@cluj-photonics.example");
        assertThat(draft.technologyKeywords()).containsExactly("laser", "sensor");
        assertThat(draft.partnerSought().types()).extracting(Enum::name).containsExactly("BUSINESS");
        assertThat(draft.partnerSought().sizes()).extracting(Enum::name).containsExactly("SMALL", "MEDIUM");
        assertThat(draft.partnershipTypes()).containsExactly(PartnershipType.LICENCE, PartnershipType.TECHNICAL_COOPERATION);
        assertThat(draft.stage()).isEqualTo(Stage.PROTOTYPE);
        assertThat(draft.ipr()).isEqualTo(Ipr.PATENT_PENDING);

        Profile edited = f.b2b.update(f.memberA1, draft.id(), profile().title("Laser line sensor")
                .keywords(List.of("Laser", "laser ", "optics"), List.of()).build());
        assertThat(edited.title()).isEqualTo("Laser line sensor");
        assertThat(edited.technologyKeywords()).containsExactly("Laser", "optics");
        assertThat(edited.marketKeywords()).isEmpty();

        f.clock.advance(Duration.ofHours(1));
        Profile submitted = f.b2b.submit(f.memberA1, draft.id());
        assertThat(submitted.status()).isEqualTo(ProfileStatus.SUBMITTED);
        assertThatThrownBy(() -> f.b2b.update(f.memberA1, draft.id(), offer("Too late")))
                .isInstanceOf(ConflictException.class).hasMessage("Only drafts can be edited");

        Profile published = f.b2b.approve(f.adminA, draft.id());
        assertThat(published.status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(f.clock.instant());
        assertThat(f.b2b.get(f.anonymous, draft.id()).title()).isEqualTo("Laser line sensor");

        Profile closed = f.b2b.close(f.memberA1, draft.id());
        assertThat(closed.status()).isEqualTo(ProfileStatus.CLOSED);
        assertThatThrownBy(() -> f.b2b.get(f.memberB1, draft.id())).hasMessage("Profile not found");
        assertThatThrownBy(() -> f.b2b.renew(f.memberA1, draft.id())).isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aModeratorReturnsASubmittedProfileWithAComment(Database database) {
        Fixture f = new Fixture(database);
        Profile p = f.submitted(f.memberA1, offer("Laser sensor"));

        assertThatThrownBy(() -> f.b2b.returnToDraft(f.adminA, p.id(), new ReturnInput("  ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsKey("comment"));
        Profile returned = f.b2b.returnToDraft(f.adminA, p.id(), new ReturnInput("Please name the target market."));

        assertThat(returned.status()).isEqualTo(ProfileStatus.DRAFT);
        assertThat(f.b2b.get(f.memberA1, p.id()).moderationComment()).isEqualTo("Please name the target market.");
        assertThat(f.b2b.mine(f.memberA1)).singleElement()
                .satisfies(m -> assertThat(m.moderationComment()).isEqualTo("Please name the target market."));

        f.b2b.update(f.memberA1, p.id(), profile().summary("For the automotive market.").build());
        f.b2b.submit(f.memberA1, p.id());
        Profile published = f.b2b.approve(f.adminA, p.id());
        assertThat(published.moderationComment()).isNull();
        // the comment is the owner side's: others never see it
        assertThat(f.b2b.get(f.memberB1, p.id()).moderationComment()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void renewingPublishesForAnotherPeriodFromToday(Database database) {
        Fixture f = new Fixture(database);
        Profile p = f.published(f.memberA1, profile().expiresOn(f.today().plusDays(30).toString()).build());

        f.clock.advance(Duration.ofDays(10));
        Profile renewed = f.b2b.renew(f.memberA1, p.id());
        assertThat(renewed.status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(renewed.expiresOn()).isEqualTo(f.today().plusMonths(12));
        assertThat(renewed.publishedAt()).isEqualTo(p.publishedAt());

        f.clock.advance(Duration.ofDays(400));
        assertThat(f.b2b.checkExpiry().expired()).isEqualTo(1);
        assertThat(f.b2b.get(f.memberA1, p.id()).status()).isEqualTo(ProfileStatus.EXPIRED);
        Profile again = f.b2b.renew(f.adminA, p.id());
        assertThat(again.status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(again.expiresOn()).isEqualTo(f.today().plusMonths(12));
    }

    /** Every action in every status, by the platform admin (who may do everything): only the lifecycle's moves succeed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyTransitionOutsideTheLifecycleIsAConflict(Database database) {
        Fixture f = new Fixture(database);
        Map<ProfileStatus, Function<String, UUID>> inStatus = new EnumMap<>(ProfileStatus.class);
        inStatus.put(ProfileStatus.DRAFT, t -> f.b2b.create(f.memberA1, offer(t)).id());
        inStatus.put(ProfileStatus.SUBMITTED, t -> f.submitted(f.memberA1, offer(t)).id());
        inStatus.put(ProfileStatus.PUBLISHED, t -> f.published(f.memberA1, offer(t)).id());
        inStatus.put(ProfileStatus.CLOSED, t -> f.b2b.close(f.memberA1, f.published(f.memberA1, offer(t)).id()).id());
        inStatus.put(ProfileStatus.EXPIRED, t -> {
            UUID id = f.published(f.memberA1, profile().title(t).expiresOn(f.today().plusDays(1).toString()).build()).id();
            // expire it without moving the clock for the other profiles of this test
            f.db.transaction(c -> eu.danubia.store.Jdbc.update(c,
                    "UPDATE b2b_profiles SET status = 'EXPIRED' WHERE id = ?", id));
            return id;
        });
        Map<String, ProfileStatus> allowed = Map.of(
                "submit@DRAFT", ProfileStatus.SUBMITTED,
                "approve@SUBMITTED", ProfileStatus.PUBLISHED,
                "return@SUBMITTED", ProfileStatus.DRAFT,
                "close@PUBLISHED", ProfileStatus.CLOSED,
                "renew@PUBLISHED", ProfileStatus.PUBLISHED,
                "renew@EXPIRED", ProfileStatus.PUBLISHED,
                "update@DRAFT", ProfileStatus.DRAFT);
        Map<String, java.util.function.BiFunction<eu.danubia.api.security.Caller, UUID, Profile>> actions = Map.of(
                "submit", f.b2b::submit,
                "approve", f.b2b::approve,
                "return", (c, id) -> f.b2b.returnToDraft(c, id, new ReturnInput("why")),
                "close", f.b2b::close,
                "renew", f.b2b::renew,
                "update", (c, id) -> f.b2b.update(c, id, offer("edited")));
        int checked = 0;
        for (ProfileStatus status : ProfileStatus.values()) {
            for (var action : actions.entrySet()) {
                UUID id = inStatus.get(status).apply(action.getKey() + " in " + status);
                String key = action.getKey() + "@" + status;
                if (allowed.containsKey(key)) {
                    assertThat(action.getValue().apply(f.platformAdmin, id).status()).as(key).isEqualTo(allowed.get(key));
                } else {
                    assertThatThrownBy(() -> action.getValue().apply(f.platformAdmin, id)).as(key)
                            .isInstanceOf(ConflictException.class);
                    assertThat(f.b2b.get(f.platformAdmin, id).status()).as(key + " leaves the status").isEqualTo(status);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void reportsEveryInvalidFieldAtOnce(Database database) {
        Fixture f = new Fixture(database);
        ProfileInput bad = new ProfileInput("not-a-uuid", "TECHNOLOGY_REQUEST", " ", "x".repeat(1001), null, null, null,
                "PATENTED", List.of("ok", "semi;colon"), null, List.of("62.01", "nonsense"),
                new ProfileInput.PartnerSoughtInput(List.of("ROBOT"), null, List.of("HUGE")), List.of("BARTER"),
                List.of("hu", "Hungary"), f.today().minusDays(1).toString(), "english", "Ana", "not-an-email", "call me");

        ValidationException e = catchThrowableOfType(() -> f.b2b.create(f.adminA, bad), ValidationException.class);

        assertThat(e.errors()).containsOnlyKeys("organisationId", "title", "summary", "description", "stage", "ipr",
                "technologyKeywords", "naceCodes", "partnerSought.types", "partnerSought.sizes", "partnershipTypes",
                "targetCountries", "expiresOn", "language", "contactEmail", "contactPhone");
        assertThat(e.errors().get("stage")).isEqualTo("is required for technology profiles");
        assertThat(e.errors().get("ipr")).startsWith("must be one of PATENT_GRANTED, PATENT_PENDING");
        assertThat(e.errors().get("expiresOn")).isEqualTo("must be in the future");
        assertThat(f.count("SELECT COUNT(*) FROM b2b_profiles")).isZero();

        ValidationException type = catchThrowableOfType(() -> f.b2b.create(f.memberA1, profile().type("OFFER").build()),
                ValidationException.class);
        assertThat(type.errors()).containsOnlyKeys("type");
        assertThat(type.errors().get("type")).isEqualTo(
                "must be one of BUSINESS_OFFER, BUSINESS_REQUEST, TECHNOLOGY_OFFER, TECHNOLOGY_REQUEST, RD_REQUEST");
        ValidationException far = catchThrowableOfType(() -> f.b2b.create(f.memberA1,
                profile().expiresOn(f.today().plusMonths(24).plusDays(1).toString()).build()), ValidationException.class);
        assertThat(far.errors()).containsEntry("expiresOn", "must be at most 24 months ahead");
        assertThat(f.b2b.create(f.memberA1, profile().expiresOn(f.today().plusMonths(24).toString()).build()).expiresOn())
                .isEqualTo(f.today().plusMonths(24));
        // business profiles need no stage
        assertThat(f.b2b.create(f.memberA1, profile().type("BUSINESS_OFFER").stage(null).build()).stage()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void whoMayCreateAProfileAndForWhichOrganisation(Database database) {
        Fixture f = new Fixture(database);

        assertThatThrownBy(() -> f.b2b.create(f.anonymous, offer("x"))).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.b2b.create(f.viewerA1, offer("x"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.create(f.memberA1, profile().organisation(f.a2.id()).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.create(f.adminA, profile().organisation(f.b1.id()).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(catchThrowableOfType(() -> f.b2b.create(f.adminA, offer("x")), ValidationException.class).errors())
                .containsOnlyKeys("organisationId");
        assertThat(catchThrowableOfType(() -> f.b2b.create(f.adminA, profile().organisation(UUID.randomUUID()).build()),
                ValidationException.class).errors()).containsEntry("organisationId", "is not a known organisation");

        Profile byAdmin = f.b2b.create(f.adminA, profile().organisation(f.a2.id()).build());
        assertThat(byAdmin.owner().organisationId()).isEqualTo(f.a2.id());
        assertThat(byAdmin.mine()).isFalse();
        assertThat(f.b2b.mine(f.memberA2)).extracting(Profile::id).containsExactly(byAdmin.id());
        Profile byPlatform = f.b2b.create(f.platformAdmin, profile().organisation(f.b1.id()).build());
        assertThat(byPlatform.country()).isEqualTo("HU");
        Profile own = f.b2b.create(f.memberA1, profile().organisation(f.a1.id()).build());
        assertThat(own.owner().organisationId()).isEqualTo(f.a1.id());
        assertThat(catchThrowableOfType(() -> f.b2b.update(f.adminA, own.id(), profile().organisation(f.a2.id()).build()),
                ValidationException.class).errors()).containsOnlyKeys("organisationId");
    }
}
