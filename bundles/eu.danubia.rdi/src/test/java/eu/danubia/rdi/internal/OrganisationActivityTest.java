package eu.danubia.rdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.store.Database;

/** The RDI section of an organisation's page: ideas as their visibility allows, applications for insiders only. */
class OrganisationActivityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void ideasByVisibilityAndApplicationsForInsiders(Database database) {
        Fixture f = new Fixture(database);
        RdiOrganisationActivity activity = new RdiOrganisationActivity(f.db, f.directory, f.rdi);
        Idea open = f.openIdea("PUBLIC");
        Idea secret = f.rdi.createIdea(f.memberUniversity, Fixture.pvIdea("PRIVATE"));
        f.rdi.apply(f.memberHuInstitute, open.id(),
                new ApplicationInput(Fixture.roleId(open, RoleKind.RESEARCH_PARTNER).toString(), "We test thin films.", null));

        assertThat(activity.activity(f.memberUniversity, f.university.id(), 10)).extracting(ActivityItem::title)
                .containsExactlyInAnyOrder(open.title(), secret.title());
        // another association's admin reads the public idea only
        assertThat(activity.activity(f.adminB, f.university.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/rdi/ideas/" + open.id());
        assertThat(activity.activity(f.anonymous, f.university.id(), 10)).hasSize(1);

        // the applicant's own page shows its application to its insiders, and nobody else
        assertThat(activity.activity(f.memberHuInstitute, f.huInstitute.id(), 10)).extracting(ActivityItem::kind, ActivityItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Application to join", "PENDING"));
        assertThat(activity.activity(f.memberUniversity, f.huInstitute.id(), 10)).isEmpty();
        assertThat(activity.activity(f.anonymous, f.huInstitute.id(), 10)).isEmpty();
    }
}
