package eu.danubia.c2b.internal;

import static eu.danubia.c2b.internal.Fixture.service;
import static eu.danubia.c2b.internal.Fixture.serviceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/** The service catalogue: who manages it, who reads what, validation and search; on H2 and PostgreSQL. */
class ServiceCatalogueTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theClusterAdminsAndTheClusterOfficeManageServices(Database database) {
        Fixture f = new Fixture(database);
        ClusterService byAdmin = f.c2b.createService(f.adminA, serviceOf(f.k.id()).price("FIXED_FEE", "150.5", "eur")
                .eligibility("SME", "ro", "HU").build());
        assertThat(byAdmin.status()).isEqualTo(ServiceStatus.PUBLISHED);
        assertThat(byAdmin.clusterName()).isEqualTo("Someș Digital Cluster");
        assertThat(byAdmin.country()).isEqualTo("RO");
        assertThat(byAdmin.priceAmount()).isEqualByComparingTo(new BigDecimal("150.50"));
        assertThat(byAdmin.currency()).isEqualTo("EUR");
        assertThat(byAdmin.countries()).as("sorted").containsExactly("HU", "RO");
        assertThat(byAdmin.languages()).containsExactly("en", "ro");
        assertThat(byAdmin.publishedAt()).isNotNull();
        assertThat(byAdmin.manageable()).isTrue();

        ClusterService byOffice = f.c2b.createService(f.officeA0, serviceOf(f.k.id()).title("Matchmaking day")
                .category("MATCHMAKING").status("DRAFT").build());
        assertThat(byOffice.status()).isEqualTo(ServiceStatus.DRAFT);
        assertThat(f.c2b.service(f.adminA, byOffice.id()).manageable()).isTrue();
        assertThat(f.c2b.service(f.platformAdmin, byOffice.id()).manageable()).isTrue();

        // a member of another organisation, a viewer, another association's admin, anonymous
        for (Caller c : List.of(f.memberA1, f.memberA2, f.viewerA1, f.adminB, f.memberB1)) {
            assertThatThrownBy(() -> f.c2b.createService(c, service(f.k.id(), "Mine"))).as(c.email())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2b.createService(f.anonymous, service(f.k.id(), "Mine")))
                .isInstanceOf(UnauthorizedException.class);
        // the association-only cluster P does not exist for B
        ValidationException hidden = catchThrowableOfType(() -> f.c2b.createService(f.adminB, service(f.p.id(), "x")),
                ValidationException.class);
        assertThat(hidden.errors()).containsEntry("clusterId", "is not a known cluster");
        assertThat(f.count("SELECT COUNT(*) FROM c2b_services")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyFieldErrorIsReportedAtOnce(Database database) {
        Fixture f = new Fixture(database);
        ValidationException e = catchThrowableOfType(() -> f.c2b.createService(f.adminA,
                new ServiceInput(f.k.id().toString(), "COOKING", " ", null, "FIXED_FEE", "-3", "euro", "FRIENDS",
                        List.of("Romania"), List.of("english"), "ARCHIVED")), ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("category", "title", "description", "priceAmount", "currency",
                "eligibility", "countries", "languages", "status");

        ValidationException free = catchThrowableOfType(() -> f.c2b.createService(f.adminA,
                serviceOf(f.k.id()).price("FREE", "10", "EUR").build()), ValidationException.class);
        assertThat(free.errors()).containsOnlyKeys("priceAmount", "currency");
        ValidationException fee = catchThrowableOfType(() -> f.c2b.createService(f.adminA,
                serviceOf(f.k.id()).price("FIXED_FEE", null, null).build()), ValidationException.class);
        assertThat(fee.errors()).containsOnlyKeys("priceAmount", "currency");
        ValidationException cents = catchThrowableOfType(() -> f.c2b.createService(f.adminA,
                serviceOf(f.k.id()).price("FIXED_FEE", "10.555", "EUR").build()), ValidationException.class);
        assertThat(cents.errors()).containsOnlyKeys("priceAmount");
        assertThat(f.count("SELECT COUNT(*) FROM c2b_services")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void draftsAndArchivedServicesAreSeenOnlyByThoseWhoManageThem(Database database) {
        Fixture f = new Fixture(database);
        UUID draft = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Draft").status("DRAFT").build()).id();
        UUID published = f.published("Published").id();

        for (Caller c : List.of(f.anonymous, f.memberA1, f.memberA2, f.adminB, f.memberB1)) {
            assertThatThrownBy(() -> f.c2b.service(c, draft)).as(String.valueOf(c.email()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(f.c2b.service(c, published).manageable()).isFalse();
        }
        assertThat(f.c2b.service(f.officeA0, draft).title()).isEqualTo("Draft");
        assertThat(f.c2b.services(f.anonymous, null, false)).extracting(ClusterService::id).containsExactly(published);
        assertThat(f.c2b.services(f.adminA, null, true)).extracting(ClusterService::id)
                .containsExactlyInAnyOrder(draft, published);
        assertThat(f.c2b.services(f.officeA0, null, true)).hasSize(2);
        assertThat(f.c2b.services(f.memberA1, null, true)).isEmpty();
        assertThat(f.c2b.services(f.adminB, null, true)).isEmpty();
        assertThatThrownBy(() -> f.c2b.services(f.anonymous, null, true)).isInstanceOf(UnauthorizedException.class);

        // archiving: 404 for those who cannot read, 403 for readers, then gone from the catalogue
        assertThatThrownBy(() -> f.c2b.archiveService(f.adminB, draft)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.archiveService(f.adminB, published)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2b.archiveService(f.memberA1, published)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2b.archiveService(f.anonymous, published)).isInstanceOf(UnauthorizedException.class);
        assertThat(f.c2b.archiveService(f.officeA0, published).status()).isEqualTo(ServiceStatus.ARCHIVED);
        assertThat(f.c2b.archiveService(f.adminA, published).status()).isEqualTo(ServiceStatus.ARCHIVED);
        assertThat(f.c2b.services(f.anonymous, null, false)).isEmpty();
        assertThatThrownBy(() -> f.c2b.service(f.memberB1, published)).isInstanceOf(NotFoundException.class);
        // restored by an update
        assertThat(f.c2b.updateService(f.adminA, published, service(f.k.id(), "Back")).status())
                .isEqualTo(ServiceStatus.PUBLISHED);
        assertThat(f.c2b.services(f.memberB1, null, false)).extracting(ClusterService::title).containsExactly("Back");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void updatesKeepTheClusterAndFollowTheSameRules(Database database) {
        Fixture f = new Fixture(database);
        ClusterService s = f.published("Testing lab");
        UUID draft = f.c2b.createService(f.adminA, serviceOf(f.k.id()).status("DRAFT").build()).id();
        f.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> f.c2b.updateService(f.adminB, draft, service(f.k.id(), "x")))
                .isInstanceOf(NotFoundException.class);
        for (Caller c : List.of(f.adminB, f.memberB1, f.memberA1, f.viewerA1)) {
            assertThatThrownBy(() -> f.c2b.updateService(c, s.id(), service(f.k.id(), "x"))).as(c.email())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2b.updateService(f.anonymous, s.id(), service(f.k.id(), "x")))
                .isInstanceOf(UnauthorizedException.class);
        ValidationException moved = catchThrowableOfType(() -> f.c2b.updateService(f.adminA, s.id(),
                service(f.p.id(), "x")), ValidationException.class);
        assertThat(moved.errors()).containsKey("clusterId");

        ClusterService updated = f.c2b.updateService(f.officeA0, s.id(), serviceOf(null).title("Testing lab for IoT")
                .category("TESTING_FACILITY").price("ON_REQUEST", null, null).build());
        assertThat(updated.title()).isEqualTo("Testing lab for IoT");
        assertThat(updated.category()).isEqualTo(ServiceCategory.TESTING_FACILITY);
        assertThat(updated.clusterId()).isEqualTo(f.k.id());
        assertThat(updated.publishedAt()).isEqualTo(s.publishedAt());
        assertThat(updated.updatedAt()).isAfter(s.updatedAt());
        assertThat(f.c2b.updateService(f.adminA, s.id(), serviceOf(null).status("DRAFT").build()).status())
                .isEqualTo(ServiceStatus.DRAFT);
        assertThatThrownBy(() -> f.c2b.service(f.memberB1, s.id())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theCatalogueIsSearchedAndShowsOnlyVisibleClusters(Database database) {
        Fixture f = new Fixture(database);
        UUID gdpr = f.published("GDPR for software SMEs").id();
        f.clock.advance(Duration.ofMinutes(1));
        UUID fair = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Hannover Messe joint stand")
                .category("INTERNATIONALISATION").description("A shared 100% booth at the fair").build()).id();
        f.clock.advance(Duration.ofMinutes(1));
        UUID hidden = f.c2b.createService(f.adminA, serviceOf(f.p.id()).title("Private voucher")
                .category("INNOVATION_VOUCHER").build()).id();

        assertThat(f.c2b.services(f.anonymous, null, false)).extracting(ClusterService::id).containsExactly(fair, gdpr);
        assertThat(f.c2b.services(f.memberB1, null, false)).extracting(ClusterService::id).containsExactly(fair, gdpr);
        assertThat(f.c2b.services(f.memberA1, null, false)).extracting(ClusterService::id)
                .containsExactly(hidden, fair, gdpr);
        assertThatThrownBy(() -> f.c2b.service(f.adminB, hidden)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.service(f.anonymous, hidden)).isInstanceOf(NotFoundException.class);
        assertThat(f.c2b.service(f.viewerA1, hidden).title()).isEqualTo("Private voucher");

        assertThat(f.c2b.services(f.anonymous, new ServiceFilter("gdpr smes", null, null, null), false))
                .extracting(ClusterService::id).containsExactly(gdpr);
        assertThat(f.c2b.services(f.anonymous, new ServiceFilter("100%", null, null, null), false))
                .extracting(ClusterService::id).containsExactly(fair);
        assertThat(f.c2b.services(f.anonymous, new ServiceFilter("100_", null, null, null), false)).isEmpty();
        assertThat(f.c2b.services(f.anonymous, new ServiceFilter(null, ServiceCategory.INTERNATIONALISATION, null, null),
                false)).extracting(ClusterService::id).containsExactly(fair);
        assertThat(f.c2b.services(f.anonymous, new ServiceFilter(null, null, "ro", null), false)).hasSize(2);
        assertThat(f.c2b.services(f.anonymous, new ServiceFilter(null, null, "HU", null), false)).isEmpty();
        assertThat(f.c2b.services(f.memberA1, new ServiceFilter(null, null, null, f.p.id()), false))
                .extracting(ClusterService::id).containsExactly(hidden);
        assertThatThrownBy(() -> f.c2b.services(f.anonymous, new ServiceFilter(null, null, "Romania", null), false))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aFullPageOfHiddenServicesDoesNotHideTheVisibleOnesBehindIt(Database database) {
        Fixture f = new Fixture(database);
        UUID older = f.published("GDPR for software SMEs").id();
        f.clock.advance(Duration.ofSeconds(1));
        UUID first = f.c2b.createService(f.adminA, serviceOf(f.p.id()).title("Private voucher").category("INNOVATION_VOUCHER")
                .build()).id();
        // LIST_MAX more like it, written in one transaction (through the service it takes half a minute on PostgreSQL)
        ServiceRepository repository = new ServiceRepository();
        StoredService s = f.db.read(c -> repository.find(c, first)).orElseThrow();
        f.db.transaction(c -> {
            for (int i = 1; i <= C2bService.LIST_MAX; i++) {
                Instant at = s.publishedAt().plusSeconds(i);
                repository.insert(c, new StoredService(UUID.randomUUID(), s.clusterId(), s.associationId(),
                        s.providerOrganisationId(), s.clusterCountry(), s.category(), s.title() + " " + i, s.description(),
                        s.priceModel(), s.priceAmount(), s.currency(), s.eligibility(), s.countries(), s.languages(),
                        s.status(), s.createdBy(), at, at, at));
            }
            return null;
        });
        f.clock.advance(Duration.ofSeconds(C2bService.LIST_MAX + 1));
        UUID newest = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Hannover Messe joint stand").build()).id();

        // the LIST_MAX + 1 services of the association-only cluster lie between the two public ones
        assertThat(f.c2b.services(f.anonymous, null, false)).extracting(ClusterService::id).containsExactly(newest, older);
        assertThat(f.c2b.services(f.adminB, null, false)).extracting(ClusterService::id).containsExactly(newest, older);
        List<ClusterService> member = f.c2b.services(f.memberA1, null, false);
        assertThat(member).hasSize(C2bService.LIST_MAX);
        assertThat(member.get(0).id()).isEqualTo(newest);
        assertThat(member).extracting(ClusterService::title).doesNotContain("GDPR for software SMEs");
    }
}
