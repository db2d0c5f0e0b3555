package eu.danubia.c2c.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Visibility;
import eu.danubia.store.Database;

/** Cluster profiles: reading per visibility, editing by the cluster's association admins, filters; on H2 and PostgreSQL. */
class ProfileTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theClustersAssociationAdminEditsTheProfileAndEveryoneReadsAPublicOne(Database database) {
        Fixture f = new Fixture(database);
        ClusterProfile before = f.c2c.profile(f.anonymous, f.somes.id());
        assertThat(before.profiled()).isFalse();
        assertThat(before.editable()).isFalse();
        assertThat(before.valueChains()).isEmpty();

        ClusterProfile saved = f.c2c.saveProfile(f.adminA, f.somes.id(), new ProfileInput(List.of(" 62.01", "86", "62.01"),
                List.of("Matchmaking ", "", "Training"), "  Digital health  ",
                List.of("digital_health", "ACTIVE_AGEING"), List.of("EN", "ro"), null));
        assertThat(saved.profiled()).isTrue();
        assertThat(saved.editable()).isTrue();
        assertThat(saved.valueChains()).containsExactly("62.01", "86");
        assertThat(saved.services()).containsExactly("Matchmaking", "Training");
        assertThat(saved.strategicInterests()).isEqualTo("Digital health");
        assertThat(saved.emergingIndustries()).containsExactly(EmergingIndustry.DIGITAL_HEALTH, EmergingIndustry.ACTIVE_AGEING);
        assertThat(saved.languages()).containsExactly("en", "ro");
        assertThat(saved.visibility()).isEqualTo(Visibility.PUBLIC);

        // read by everyone, edited by nobody else
        for (var reader : List.of(f.anonymous, f.memberA1, f.adminB, f.memberB1, f.adminC)) {
            ClusterProfile p = f.c2c.profile(reader, f.somes.id());
            assertThat(p.emergingIndustries()).as(String.valueOf(reader.email())).hasSize(2);
            assertThat(p.editable()).isFalse();
        }
        assertThat(f.c2c.profile(f.platformAdmin, f.somes.id()).editable()).isTrue();
        assertThatThrownBy(() -> f.c2c.saveProfile(f.anonymous, f.somes.id(), Fixture.profile(List.of())))
                .isInstanceOf(UnauthorizedException.class);
        for (var writer : List.of(f.memberA1, f.viewerA1, f.adminB, f.memberB1, f.adminC)) {
            assertThatThrownBy(() -> f.c2c.saveProfile(writer, f.somes.id(), Fixture.profile(List.of())))
                    .as(writer.email()).isInstanceOf(ForbiddenException.class);
        }
        // a platform admin may; an update keeps the creation time
        f.clock.advance(java.time.Duration.ofHours(1));
        ClusterProfile again = f.c2c.saveProfile(f.platformAdmin, f.somes.id(), Fixture.profile(List.of("GREEN_ECONOMY")));
        assertThat(again.emergingIndustries()).containsExactly(EmergingIndustry.GREEN_ECONOMY);
        assertThat(again.updatedAt()).isEqualTo(Fixture.START.plusSeconds(3600));
        assertThat(f.count("SELECT COUNT(*) FROM c2c_profiles")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void privateClustersAndAssociationOnlyProfilesStayInTheirAssociation(Database database) {
        Fixture f = new Fixture(database);
        // the private cluster: read and edited by its association only
        f.c2c.saveProfile(f.adminA, f.privateA.id(), Fixture.profile(List.of("CIRCULAR_ECONOMY")));
        assertThat(f.c2c.profile(f.memberA1, f.privateA.id()).profiled()).isTrue();
        for (var outsider : List.of(f.anonymous, f.adminB, f.memberB1, f.adminC)) {
            assertThatThrownBy(() -> f.c2c.profile(outsider, f.privateA.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.complementary(outsider, f.privateA.id(), null))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> f.c2c.saveProfile(f.adminB, f.privateA.id(), Fixture.profile(List.of())))
                .isInstanceOf(NotFoundException.class);

        // an ASSOCIATION profile of a public cluster: others see the directory's part only
        f.c2c.saveProfile(f.adminB, f.pannon.id(), new ProfileInput(List.of("86.10"), List.of("Clinical trials"),
                "Hospitals", List.of("DIGITAL_HEALTH"), List.of("hu"), "association"));
        ClusterProfile outside = f.c2c.profile(f.adminA, f.pannon.id());
        assertThat(outside.name()).isEqualTo("Pannon Health Technology Cluster");
        assertThat(outside.profiled()).isFalse();
        assertThat(outside.services()).isEmpty();
        assertThat(outside.visibility()).isEqualTo(Visibility.PUBLIC);
        ClusterProfile inside = f.c2c.profile(f.memberB1, f.pannon.id());
        assertThat(inside.profiled()).isTrue();
        assertThat(inside.visibility()).isEqualTo(Visibility.ASSOCIATION);
        assertThat(inside.services()).containsExactly("Clinical trials");
        // nor does a filter on its content find it from outside
        assertThat(f.c2c.profiles(f.adminA, null, null, null, "DIGITAL_HEALTH", false, null).items()).isEmpty();
        assertThat(f.c2c.profiles(f.memberB1, null, null, null, "DIGITAL_HEALTH", false, null).items())
                .extracting(ClusterProfile::name).containsExactly("Pannon Health Technology Cluster");
        assertThat(f.c2c.profiles(f.adminA, "trials", null, null, null, false, null).items()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void membersAreCountedByTheTypesTheCallerMayRead(Database database) {
        Fixture f = new Fixture(database);
        ClusterProfile inside = f.c2c.profile(f.memberA1, f.somes.id());
        assertThat(inside.memberCount()).isEqualTo(3);
        assertThat(inside.membersByType()).containsExactly(
                new ClusterProfile.TypeCount(OrganisationType.BUSINESS, 1),
                new ClusterProfile.TypeCount(OrganisationType.RESEARCH, 1),
                new ClusterProfile.TypeCount(OrganisationType.CLUSTER_ORGANISATION, 1));
        // the research institute is visible to its association only
        ClusterProfile outside = f.c2c.profile(f.anonymous, f.somes.id());
        assertThat(outside.memberCount()).isEqualTo(2);
        assertThat(outside.membersByType()).extracting(ClusterProfile.TypeCount::type)
                .containsExactly(OrganisationType.BUSINESS, OrganisationType.CLUSTER_ORGANISATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyWrongFieldIsReportedAtOnce(Database database) {
        Fixture f = new Fixture(database);
        ValidationException e = catchThrowableOfType(() -> f.c2c.saveProfile(f.adminA, f.somes.id(),
                new ProfileInput(List.of("6201"), List.of("x".repeat(201)), "y".repeat(4001), List.of("SPACE_TOURISM"),
                        List.of("english"), "SECRET")), ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("valueChains", "services", "strategicInterests", "emergingIndustries",
                "languages", "visibility");
        assertThatThrownBy(() -> f.c2c.saveProfile(f.adminA, f.somes.id(), null)).isInstanceOf(ValidationException.class);
        assertThat(f.count("SELECT COUNT(*) FROM c2c_profiles")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theListFiltersByTextCountrySectorEmergingIndustryAndEditability(Database database) {
        Fixture f = new Fixture(database);
        f.c2c.saveProfile(f.adminA, f.somes.id(), new ProfileInput(List.of("86.90"), List.of("Hackathons"), null,
                List.of("DIGITAL_HEALTH"), List.of("en"), null));
        f.c2c.saveProfile(f.adminB, f.pannon.id(), Fixture.profile(List.of("DIGITAL_HEALTH", "ACTIVE_AGEING")));

        assertThat(f.c2c.profiles(f.anonymous, null, null, null, null, false, null).items()).extracting(ClusterProfile::name)
                .containsExactly("Bihor Automotive Cluster", "Moravian ICT Cluster", "Pannon Health Technology Cluster",
                        "Someș Digital Cluster");
        assertThat(f.c2c.profiles(f.memberA1, null, null, null, null, false, null).total()).isEqualTo(5);
        assertThat(f.c2c.profiles(f.anonymous, null, "hu", null, null, false, null).items())
                .extracting(ClusterProfile::name).containsExactly("Pannon Health Technology Cluster");
        // a sector is a prefix of the directory's sectors or the profile's value chains
        assertThat(f.c2c.profiles(f.anonymous, null, null, "86", null, false, null).items())
                .extracting(ClusterProfile::name).containsExactly("Pannon Health Technology Cluster", "Someș Digital Cluster");
        assertThat(f.c2c.profiles(f.anonymous, null, null, null, "active_ageing", false, null).items())
                .extracting(ClusterProfile::name).containsExactly("Pannon Health Technology Cluster");
        assertThat(f.c2c.profiles(f.anonymous, "hackathons cluj", null, null, null, false, null).items())
                .extracting(ClusterProfile::name).containsExactly("Someș Digital Cluster");
        assertThat(f.c2c.profiles(f.adminA, null, null, null, null, true, null).items()).extracting(ClusterProfile::name)
                .containsExactly("Bihor Automotive Cluster", "Someș Digital Cluster", "Someș Internal Working Group");
        assertThat(f.c2c.profiles(f.memberA1, null, null, null, null, true, null).items()).isEmpty();
        assertThat(f.c2c.profiles(f.anonymous, null, null, null, null, false, new PageRequest(1, 3)).items())
                .extracting(ClusterProfile::name).containsExactly("Someș Digital Cluster");

        ValidationException e = catchThrowableOfType(() -> f.c2c.profiles(f.anonymous, null, "Hungary", "x", "MOON", false,
                null), ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("country", "sector", "emerging");
        assertThat(f.c2c.emergingIndustries()).hasSize(EmergingIndustry.values().length)
                .contains(new EmergingIndustry.Option("BLUE_ECONOMY", "Blue economy"));
    }
}
