package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.store.Database;

/** The B2B cooperation record for indicators, and the listeners told after each commit; on H2 and PostgreSQL. */
class CooperationActivityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void interestsAndAgreementsOfTheGivenOrganisations(Database database) {
        Fixture f = new Fixture(database);
        B2bCooperationActivity activity = new B2bCooperationActivity(f.db, f.b2b);
        UUID offerA1 = f.published(f.memberA1, offer("Laser sensor")).id();
        UUID offerB2 = f.published(f.memberB2, offer("Cold chain logistics")).id();

        Interest b1ToA1 = f.b2b.express(f.memberB1, offerA1, new InterestInput("We would like to test it.", null));
        f.clock.advance(Duration.ofMinutes(5));
        Interest a2ToA1 = f.b2b.express(f.memberA2, offerA1, new InterestInput("Neighbours", null));
        f.clock.advance(Duration.ofMinutes(5));
        Interest a2ToB2 = f.b2b.express(f.memberA2, offerB2, new InterestInput("Transport for our food", null));
        f.b2b.decline(f.memberB2, a2ToB2.id());
        f.clock.advance(Duration.ofHours(1));
        f.b2b.accept(f.memberA1, b1ToA1.id());
        f.clock.advance(Duration.ofHours(1));
        Agreement agreement = f.b2b.createAgreement(f.memberB1,
                new AgreementInput(b1ToA1.id().toString(), "LICENCE", "Licence for Hungary", null));

        assertThat(activity.mode()).isEqualTo("b2b");
        List<Cooperation> ofB1 = activity.cooperations(List.of(f.b1.id()));
        assertThat(ofB1).containsExactly(
                new Cooperation("b2b", Cooperation.Kind.INTEREST, b1ToA1.id(), f.b1.id(), f.a1.id(), b1ToA1.createdAt()),
                new Cooperation("b2b", Cooperation.Kind.AGREEMENT, agreement.id(), f.b1.id(), f.a1.id(),
                        agreement.createdAt()));
        // the profile's owner takes part as "to"; a declined interest still counts as an interest
        assertThat(activity.cooperations(List.of(f.a1.id()))).extracting(Cooperation::id)
                .containsExactly(b1ToA1.id(), a2ToA1.id(), agreement.id());
        assertThat(activity.cooperations(List.of(f.b2.id()))).extracting(Cooperation::id, Cooperation::from,
                Cooperation::to).containsExactly(org.assertj.core.groups.Tuple.tuple(a2ToB2.id(), f.a2.id(), f.b2.id()));
        // an interest between two of the given organisations is listed once
        assertThat(activity.cooperations(List.of(f.a1.id(), f.a2.id(), f.b1.id(), f.b2.id()))).hasSize(4);
        assertThat(activity.cooperations(List.of(UUID.randomUUID()))).isEmpty();
        assertThat(activity.cooperations(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void manyOrganisationsAreAskedInChunks(Database database) {
        Fixture f = new Fixture(database);
        B2bCooperationActivity activity = new B2bCooperationActivity(f.db, f.b2b);
        UUID offerA1 = f.published(f.memberA1, offer("Laser sensor")).id();
        Interest b1ToA1 = f.b2b.express(f.memberB1, offerA1, new InterestInput("Hello", null));

        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < 2 * CooperationRepository.IN_CHUNK + 7; k++) {
            ids.add(UUID.randomUUID());
        }
        // the two sides in different chunks
        ids.set(3, f.a1.id());
        ids.set(CooperationRepository.IN_CHUNK + 3, f.b1.id());
        ids.add(f.b1.id());

        assertThat(activity.cooperations(ids)).extracting(Cooperation::id).containsExactly(b1ToA1.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void listenersAreToldAfterTheCommitAndAFailingOneFailsNothing(Database database) {
        Fixture f = new Fixture(database);
        B2bCooperationActivity activity = new B2bCooperationActivity(f.db, f.b2b);
        List<Cooperation> told = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> committed = Collections.synchronizedList(new ArrayList<>());
        // reads through another connection: sees the record only once it is committed
        CooperationListener recording = c -> {
            told.add(c);
            committed.add(activity.cooperations(List.of(c.from())).stream().anyMatch(x -> x.id().equals(c.id())));
        };
        CooperationListener failing = c -> {
            throw new IllegalStateException("indicators are down");
        };
        f.b2b.cooperationListeners = List.of(failing, recording);
        UUID offer = f.published(f.memberA1, offer("Laser sensor")).id();

        Interest interest = f.b2b.express(f.memberB1, offer, new InterestInput("Hello", null));
        assertThat(told).containsExactly(new Cooperation("b2b", Cooperation.Kind.INTEREST, interest.id(), f.b1.id(),
                f.a1.id(), interest.createdAt()));

        // a refused interest (a second one of the same organisation) tells nobody
        assertThatThrownBy(() -> f.b2b.express(f.memberB1, offer, new InterestInput("Again", null)))
                .isInstanceOf(ConflictException.class);
        // answering is no new cooperation
        f.b2b.accept(f.memberA1, interest.id());
        assertThat(told).hasSize(1);

        Agreement agreement = f.b2b.createAgreement(f.memberA1,
                new AgreementInput(interest.id().toString(), "TECHNICAL_COOPERATION", null, null));
        assertThat(told).hasSize(2);
        assertThat(told.get(1)).isEqualTo(new Cooperation("b2b", Cooperation.Kind.AGREEMENT, agreement.id(), f.b1.id(),
                f.a1.id(), agreement.createdAt()));
        assertThat(committed).containsExactly(true, true);

        // without listeners nothing breaks
        f.b2b.cooperationListeners = List.of();
        f.b2b.express(f.memberB2, offer, new InterestInput("Us too", null));
        assertThat(told).hasSize(2);
    }
}
