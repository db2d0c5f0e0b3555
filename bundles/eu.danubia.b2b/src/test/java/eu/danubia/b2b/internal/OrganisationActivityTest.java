package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.store.Database;

/** The B2B section of an organisation's page: only insiders see it, because published profiles are anonymous. */
class OrganisationActivityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theOrganisationsProfilesAndInterestsForInsidersOnly(Database database) {
        Fixture f = new Fixture(database);
        B2bOrganisationActivity activity = new B2bOrganisationActivity(f.db, f.directory, f.b2b);
        Profile published = f.published(f.memberA1, offer("Laser moisture sensor"));
        f.b2b.express(f.memberA1, f.published(f.memberB1, offer("Cold chain logistics")).id(), new InterestInput("Interested", null));

        List<ActivityItem> own = activity.activity(f.memberA1, f.a1.id(), 10);
        assertThat(own).extracting(ActivityItem::kind, ActivityItem::title, ActivityItem::status).contains(
                org.assertj.core.groups.Tuple.tuple("Technology offer", "Laser moisture sensor", "PUBLISHED"),
                org.assertj.core.groups.Tuple.tuple("Expression of interest sent", "Cold chain logistics", "PENDING"));
        assertThat(own).anySatisfy(i -> assertThat(i.href()).isEqualTo("#/b2b/profiles/" + published.id()));
        assertThat(activity.activity(f.adminA, f.a1.id(), 10)).hasSize(own.size());
        assertThat(activity.activity(f.platformAdmin, f.a1.id(), 10)).hasSize(own.size());
        assertThat(activity.activity(f.adminA, f.a1.id(), 1)).hasSize(1);

        // a published profile is anonymous: nobody else learns that it is A1's
        assertThat(activity.activity(f.memberA2, f.a1.id(), 10)).isEmpty();
        assertThat(activity.activity(f.adminB, f.a1.id(), 10)).isEmpty();
        assertThat(activity.activity(f.memberB1, f.a1.id(), 10)).isEmpty();
        assertThat(activity.activity(f.anonymous, f.a1.id(), 10)).isEmpty();
    }
}
