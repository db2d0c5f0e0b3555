package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.store.Database;

/** What the matching engine reads from B2B: the published, unexpired profiles, and every change after that. */
class ProfileSourceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void givesEachPublishedUnexpiredProfileOnceAcrossPages(Database database) {
        Fixture f = new Fixture(database);
        List<UUID> published = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            published.add(f.published(i % 2 == 0 ? f.memberA1 : f.memberB1, profile().title("Laser sensor " + i).build()).id());
        }
        UUID request = f.published(f.memberB2, profile().type("BUSINESS_REQUEST").stage(null).title("Distributor sought")
                .keywords(List.of("logistics"), List.of("retail", "food")).nace("46.31", "10.39").build()).id();
        published.add(request);
        UUID shortLived = f.published(f.memberA2, profile().title("Expires soon")
                .expiresOn(f.today().plusDays(10).toString()).build()).id();
        UUID closed = f.published(f.memberA2, profile().title("Closed").build()).id();
        f.b2b.close(f.memberA2, closed);
        f.b2b.create(f.memberA1, profile().title("Draft").build());
        f.submitted(f.memberB1, profile().title("Submitted").build());
        B2bProfileSource source = new B2bProfileSource(f.b2b);

        assertThat(source.mode()).isEqualTo("b2b");
        assertThat(ids(source)).containsExactlyInAnyOrderElementsOf(with(published, shortLived));

        // past its date it is left out even before the daily check has marked it EXPIRED
        f.clock.advance(Duration.ofDays(11));
        assertThat(f.b2b.get(f.memberA2, shortLived).status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(ids(source)).containsExactlyInAnyOrderElementsOf(published);

        // pages smaller than, equal to and larger than the number of profiles give the same set, each once
        for (int pageSize : new int[] {1, 2, 5, 500}) {
            List<UUID> seen = new ArrayList<>();
            f.b2b.forEachPublished(p -> seen.add(p.id()), pageSize);
            assertThat(seen).as("page size " + pageSize).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published);
        }

        CooperationProfile r = profiles(source).stream().filter(p -> p.id().equals(request)).findFirst().orElseThrow();
        assertThat(r.mode()).isEqualTo("b2b");
        assertThat(r.type()).isEqualTo("BUSINESS_REQUEST");
        assertThat(r.direction()).isEqualTo(Direction.REQUEST);
        assertThat(r.status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(r.title()).isEqualTo("Distributor sought");
        assertThat(r.keywords()).containsExactly("logistics", "retail", "food");
        assertThat(r.naceCodes()).containsExactly("46.31", "10.39");
        assertThat(r.country()).isEqualTo("HU");
        assertThat(r.organisationId()).isEqualTo(f.b2.id());
        assertThat(r.associationId()).isEqualTo(f.b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyChangeOfAProfileReachesTheEngineWithItsNewStatus(Database database) {
        Fixture f = new Fixture(database);
        RecordingEngine engine = new RecordingEngine();
        f.b2b.matching = engine;

        UUID id = f.b2b.create(f.memberA1, profile().expiresOn(f.today().plusDays(30).toString()).build()).id();
        f.b2b.update(f.memberA1, id, profile().title("Laser sensor, edited").expiresOn(f.today().plusDays(30).toString())
                .build());
        f.b2b.submit(f.memberA1, id);
        f.b2b.returnToDraft(f.adminA, id, new ReturnInput("Add the stage of development"));
        f.b2b.submit(f.memberA1, id);
        f.b2b.approve(f.adminA, id);
        f.clock.advance(Duration.ofDays(31));
        f.b2b.checkExpiry();
        f.b2b.renew(f.memberA1, id);
        f.b2b.close(f.memberA1, id);

        assertThat(engine.changed).allSatisfy(p -> assertThat(p.id()).isEqualTo(id));
        assertThat(engine.changed).extracting(CooperationProfile::status).containsExactly(ProfileStatus.DRAFT,
                ProfileStatus.DRAFT, ProfileStatus.SUBMITTED, ProfileStatus.DRAFT, ProfileStatus.SUBMITTED,
                ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED, ProfileStatus.PUBLISHED, ProfileStatus.CLOSED);
        assertThat(engine.changed.get(1).title()).isEqualTo("Laser sensor, edited");
        assertThat(engine.changed.get(7).expiresOn()).isAfter(f.today());
    }

    private static List<UUID> with(List<UUID> ids, UUID more) {
        List<UUID> out = new ArrayList<>(ids);
        out.add(more);
        return out;
    }

    private static List<UUID> ids(B2bProfileSource source) {
        return profiles(source).stream().map(CooperationProfile::id).toList();
    }

    private static List<CooperationProfile> profiles(B2bProfileSource source) {
        List<CooperationProfile> out = new ArrayList<>();
        source.forEachPublished(out::add);
        return out;
    }

    /** Records the changes; answers nothing. */
}
