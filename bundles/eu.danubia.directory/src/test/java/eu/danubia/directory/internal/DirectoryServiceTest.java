package eu.danubia.directory.internal;

import static eu.danubia.directory.internal.Fixture.cluster;
import static eu.danubia.directory.internal.Fixture.movedTo;
import static eu.danubia.directory.internal.Fixture.org;
import static eu.danubia.directory.internal.Fixture.renamed;
import static eu.danubia.directory.internal.Fixture.visible;
import static eu.danubia.directory.internal.Fixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Cluster;
import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Membership;
import eu.danubia.api.NationalId;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.SizeClass;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** The directory's rules, each on H2 and on PostgreSQL. */
class DirectoryServiceTest {

    private static final OrganisationFilter ALL = new OrganisationFilter(null, null, null, null, null, null);
    private static final ClusterFilter ALL_CLUSTERS = new ClusterFilter(null, null, null, null);
    private static final PageRequest FIRST = PageRequest.of(0, 50);

    // ---- tenant matrix ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void readersSeePublicRecordsAndTheirOwnAssociationOnly(Database database) {
        Fixture f = new Fixture(database);
        Organisation aPublic = f.createOrg("A public", Visibility.PUBLIC, f.a);
        Organisation aPrivate = f.createOrg("A private", Visibility.ASSOCIATION, f.a);
        Organisation bPublic = f.createOrg("B public", Visibility.PUBLIC, f.b);
        Organisation bPrivate = f.createOrg("B private", Visibility.ASSOCIATION, f.b);
        Cluster bPrivateCluster = f.createCluster("B private cluster", Visibility.ASSOCIATION, f.b);
        Cluster aPrivateCluster = f.createCluster("A private cluster", Visibility.ASSOCIATION, f.a);
        Cluster bPublicCluster = f.createCluster("B public cluster", Visibility.PUBLIC, f.b);
        Caller member = f.memberOfA(aPublic.id());

        assertThat(names(f.directory.organisations(member, ALL, FIRST))).containsExactly("A private", "A public", "B public");
        assertThat(f.directory.organisation(member, aPrivate.id())).isPresent();
        assertThat(f.directory.organisation(member, bPublic.id())).isPresent();
        assertThat(f.directory.organisation(member, bPrivate.id())).isEmpty();
        assertThat(f.directory.cluster(member, bPrivateCluster.id())).isEmpty();
        assertThat(f.directory.cluster(member, aPrivateCluster.id())).isPresent();
        assertThat(clusterNames(f.directory.clusters(member, ALL_CLUSTERS, FIRST)))
                .containsExactly("A private cluster", "B public cluster");

        assertThat(names(f.directory.organisations(f.anonymous, ALL, FIRST))).containsExactly("A public", "B public");
        assertThat(f.directory.organisation(f.anonymous, aPrivate.id())).isEmpty();
        assertThat(f.directory.cluster(f.anonymous, bPublicCluster.id())).isPresent();
        assertThat(f.directory.cluster(f.anonymous, aPrivateCluster.id())).isEmpty();
        assertThat(clusterNames(f.directory.clusters(f.anonymous, ALL_CLUSTERS, FIRST))).containsExactly("B public cluster");

        assertThat(f.directory.organisations(f.platformAdmin, ALL, FIRST).total()).isEqualTo(4);
        assertThat(f.directory.organisation(f.adminOfB, bPrivate.id())).isPresent();
        assertThat(f.directory.organisation(f.adminOfB, aPrivate.id())).isEmpty();
        assertThat(f.directory.organisation(f.anonymous, UUID.randomUUID())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void writesToAnotherAssociationAreForbiddenWhenReadableAndNotFoundOtherwise(Database database) {
        Fixture f = new Fixture(database);
        Organisation own = f.createOrg("Own", Visibility.PUBLIC, f.a);
        Organisation bPublic = f.createOrg("B public", Visibility.PUBLIC, f.b);
        Organisation bPrivate = f.createOrg("B private", Visibility.ASSOCIATION, f.b);
        Cluster bPublicCluster = f.createCluster("B public cluster", Visibility.PUBLIC, f.b);
        Cluster bPrivateCluster = f.createCluster("B private cluster", Visibility.ASSOCIATION, f.b);
        Caller member = f.memberOfA(own.id());

        for (Caller caller : List.of(member, f.adminOfA, f.viewerOfA)) {
            assertThatThrownBy(() -> f.directory.updateOrganisation(caller, bPublic.id(), renamed(bPublic, "Hijacked")))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.directory.updateOrganisation(caller, bPrivate.id(), renamed(bPrivate, "Hijacked")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.directory.updateCluster(caller, bPublicCluster.id(), cluster("X", Visibility.PUBLIC, null, List.of())))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.directory.updateCluster(caller, bPrivateCluster.id(), cluster("X", Visibility.PUBLIC, null, List.of())))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.anonymous, bPublic.id(), renamed(bPublic, "Hijacked")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.anonymous, bPrivate.id(), renamed(bPrivate, "Hijacked")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.viewerOfA, own.id(), renamed(own, "Viewers change nothing")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.adminOfA, UUID.randomUUID(), renamed(own, "Nobody")))
                .isInstanceOf(NotFoundException.class);

        assertThat(f.count("SELECT COUNT(*) FROM organisations WHERE name = 'Hijacked'")).isZero();
        assertThat(f.directory.updateOrganisation(f.adminOfB, bPrivate.id(), renamed(bPrivate, "B renamed")).name())
                .isEqualTo("B renamed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void associationAdminsCreateInTheirOwnAssociationOnly(Database database) {
        Fixture f = new Fixture(database);

        Organisation created = f.directory.createOrganisation(f.adminOfA, org("Made by A", Visibility.ASSOCIATION));
        assertThat(created.associationId()).isEqualTo(f.a);
        assertThat(created.id()).isNotNull();
        assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
        assertThat(f.directory.organisation(f.adminOfA, created.id())).contains(created);

        assertThat(f.directory.createOrganisation(f.adminOfA, org("Explicitly A", Visibility.PUBLIC, f.a)).associationId())
                .isEqualTo(f.a);
        assertThatThrownBy(() -> f.directory.createOrganisation(f.adminOfA, org("Into B", Visibility.PUBLIC, f.b)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.createCluster(f.adminOfA, cluster("Into B", Visibility.PUBLIC, f.b, List.of())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.count("SELECT COUNT(*) FROM organisations WHERE association_id = ?", f.b)).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM clusters WHERE association_id = ?", f.b)).isZero();

        for (Caller notAdmin : List.of(f.memberOfA(created.id()), f.viewerOfA, f.anonymous)) {
            assertThatThrownBy(() -> f.directory.createOrganisation(notAdmin, org("Not allowed", Visibility.PUBLIC)))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.directory.createCluster(notAdmin, cluster("Not allowed", Visibility.PUBLIC, null, List.of())))
                    .isInstanceOf(ForbiddenException.class);
        }

        assertThat(f.directory.createOrganisation(f.platformAdmin, org("Into B by root", Visibility.PUBLIC, f.b)).associationId())
                .isEqualTo(f.b);
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> f.directory.createOrganisation(f.platformAdmin, org("Nowhere", Visibility.PUBLIC, UUID.randomUUID())))
                .errors()).containsKey("associationId");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> f.directory.createOrganisation(f.platformAdmin, org("No association", Visibility.PUBLIC, null)))
                .errors()).containsKey("associationId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aMemberUpdatesTheOrganisationItActsForButNotItsVisibilityOrAssociation(Database database) {
        Fixture f = new Fixture(database);
        Organisation own = f.createOrg("Own", Visibility.ASSOCIATION, f.a);
        Organisation other = f.createOrg("Other of A", Visibility.ASSOCIATION, f.a);
        Caller member = f.memberOfA(own.id());

        Organisation updated = f.directory.updateOrganisation(member, own.id(), renamed(own, "Own, renamed"));
        assertThat(updated.name()).isEqualTo("Own, renamed");
        assertThat(updated.createdAt()).isEqualTo(own.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(own.updatedAt());
        assertThat(updated.associationId()).isEqualTo(f.a);

        assertThatThrownBy(() -> f.directory.updateOrganisation(member, other.id(), renamed(other, "Not mine")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.updateOrganisation(member, own.id(), visible(updated, Visibility.PUBLIC)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.updateOrganisation(member, own.id(), movedTo(updated, f.b)))
                .isInstanceOf(ForbiddenException.class);
        // a member of another association acting for an id of A gets nothing
        Caller foreign = new Caller(UUID.randomUUID(), "x@b.eu", f.b, own.id(), member.roles());
        assertThatThrownBy(() -> f.directory.updateOrganisation(foreign, own.id(), renamed(own, "Foreign")))
                .isInstanceOf(NotFoundException.class);

        assertThat(f.directory.organisation(f.adminOfA, own.id()).orElseThrow().visibility()).isEqualTo(Visibility.ASSOCIATION);
        assertThat(f.directory.updateOrganisation(f.adminOfA, own.id(), visible(updated, Visibility.PUBLIC)).visibility())
                .isEqualTo(Visibility.PUBLIC);
        // only a platform admin moves a record to another association
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.adminOfA, own.id(), movedTo(updated, f.b)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.directory.updateOrganisation(f.platformAdmin, own.id(), movedTo(updated, f.b)).associationId())
                .isEqualTo(f.b);
    }

    // ---- validation -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void validationReportsEveryFieldErrorAtOnce(Database database) {
        Fixture f = new Fixture(database);
        Organisation bad = new Organisation(null, null, " ", null, "FR", "bad!", "x".repeat(101), List.of("62.01", "6201"),
                null, List.of(new NationalId("cui", "1")), "ftp://example.ro", "d".repeat(4001), null, null, null);

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> f.directory.createOrganisation(f.adminOfA, bad));

        assertThat(e.errors()).containsOnlyKeys("name", "type", "country", "nutsCode", "city", "naceCodes", "nationalIds",
                "website", "description", "visibility");
        assertThat(e.errors().get("country")).contains("Danube");
        assertThat(f.count("SELECT COUNT(*) FROM organisations")).isZero();

        ValidationException tooLong = catchThrowableOfType(ValidationException.class,
                () -> f.directory.createOrganisation(f.adminOfA, renamed(org("", Visibility.PUBLIC), "n".repeat(201))));
        assertThat(tooLong.errors()).containsOnlyKeys("name");

        ValidationException clusterErrors = catchThrowableOfType(ValidationException.class,
                () -> f.directory.createCluster(f.adminOfA, new Cluster(null, null, null, UUID.randomUUID(), "XX", null,
                        List.of("Z9"), null, "www.example.eu", null, 0, null, null)));
        assertThat(clusterErrors.errors()).containsOnlyKeys("name", "country", "sectors", "website", "visibility",
                "managingOrganisationId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void nutsCodesMustLieInTheCountryAndExistOnceTheRegionsAreLoaded(Database database) {
        Fixture f = new Fixture(database);
        Organisation roInHu = with(org("Misplaced", Visibility.PUBLIC), "RO", "HU11", null, List.of(),
                OrganisationType.BUSINESS, null, List.of());
        assertThat(catchThrowableOfType(ValidationException.class, () -> f.directory.createOrganisation(f.adminOfA, roInHu))
                .errors()).containsOnlyKeys("nutsCode");
        // lower case input is normalised, and any well-formed code of the country passes while no regions are loaded
        Organisation lower = f.directory.createOrganisation(f.adminOfA, with(org("Lower", Visibility.PUBLIC), "ro", "ro99",
                " Iasi ", List.of("62.01"), OrganisationType.RESEARCH, null, List.of()));
        assertThat(lower.country()).isEqualTo("RO");
        assertThat(lower.nutsCode()).isEqualTo("RO99");
        assertThat(lower.city()).isEqualTo("Iasi");

        f.db.transaction(c -> {
            Jdbc.update(c, "INSERT INTO nuts_regions (code, level, country, name) VALUES ('RO11', 2, 'RO', 'Nord-Vest')");
            return Jdbc.update(c, "INSERT INTO nuts_regions (code, level, country, name) VALUES ('HU11', 2, 'HU', 'Budapest')");
        });
        assertThat(catchThrowableOfType(ValidationException.class, () -> f.directory.createOrganisation(f.adminOfA,
                with(org("Unknown region", Visibility.PUBLIC), "RO", "RO99", null, List.of(), OrganisationType.BUSINESS,
                        null, List.of()))).errors().get("nutsCode")).contains("not a known");
        assertThat(catchThrowableOfType(ValidationException.class, () -> f.directory.createOrganisation(f.adminOfA, roInHu))
                .errors().get("nutsCode")).contains("not a region of RO");
        assertThat(f.directory.createOrganisation(f.adminOfA, org("Known region", Visibility.PUBLIC)).nutsCode()).isEqualTo("RO11");
        // Ukraine has no NUTS regions: none is needed
        assertThat(f.directory.createOrganisation(f.adminOfA, with(org("Kyiv", Visibility.PUBLIC), "UA", null, "Kyiv",
                List.of(), OrganisationType.PUBLIC_BODY, null, List.of())).nutsCode()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aNationalIdCanBeRegisteredOnlyOnce(Database database) {
        Fixture f = new Fixture(database);
        Organisation first = f.directory.createOrganisation(f.adminOfA, with(org("First", Visibility.ASSOCIATION), "RO",
                "RO11", null, List.of(), OrganisationType.BUSINESS, null,
                List.of(new NationalId("RO-CUI", "12345678"), new NationalId("RO-ONRC", "J12/345/2001"))));
        assertThat(first.nationalIds()).containsExactlyInAnyOrder(new NationalId("RO-CUI", "12345678"),
                new NationalId("RO-ONRC", "J12/345/2001"));

        // the same id written differently, from another association that cannot even read the first one
        Organisation again = with(org("Second", Visibility.PUBLIC), "RO", "RO11", null, List.of(),
                OrganisationType.BUSINESS, null, List.of(new NationalId(" ro-cui ", "1234 5678")));
        assertThatThrownBy(() -> f.directory.createOrganisation(f.adminOfB, again)).isInstanceOf(ConflictException.class);
        Organisation second = f.directory.createOrganisation(f.adminOfB, with(again, "RO", "RO11", null, List.of(),
                OrganisationType.BUSINESS, null, List.of(new NationalId("RO-CUI", "87654321"))));
        assertThatThrownBy(() -> f.directory.updateOrganisation(f.adminOfB, second.id(), with(second, "RO", "RO11", null,
                List.of(), OrganisationType.BUSINESS, null, List.of(new NationalId("RO-CUI", "12345678")))))
                .isInstanceOf(ConflictException.class);

        // keeping its own ids is no conflict
        assertThat(f.directory.updateOrganisation(f.adminOfA, first.id(), renamed(first, "First, renamed")).nationalIds())
                .hasSize(2);
        assertThat(f.count("SELECT COUNT(*) FROM organisation_ids")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theUniqueKeyBacksTheConflictCheck(Database database) {
        Fixture f = new Fixture(database);
        Organisation first = f.directory.createOrganisation(f.adminOfA, with(org("First", Visibility.PUBLIC), "RO", "RO11",
                null, List.of(), OrganisationType.BUSINESS, null, List.of(new NationalId("RO-CUI", "1"))));
        // bypassing the service's check, as two concurrent requests would
        assertThatThrownBy(() -> f.db.transaction(c -> Jdbc.update(c,
                "INSERT INTO organisation_ids (organisation_id, scheme, \"value\") VALUES (?, 'RO-CUI', '1')", first.id())))
                .satisfies(e -> assertThat(Jdbc.isUniqueViolation(e)).isTrue());
    }

    // ---- listing ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void listsPageByPageInNameOrderWithTotals(Database database) {
        Fixture f = new Fixture(database);
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            String name = String.format("Org %02d", i);
            f.directory.createOrganisation(f.adminOfA, with(org(name, Visibility.PUBLIC), "RO", "RO11", null,
                    List.of("62.01", "C"), OrganisationType.BUSINESS, null,
                    List.of(new NationalId("RO-CUI", String.valueOf(1000 + i)))));
            expected.add(0, name);
        }

        Page<Organisation> third = f.directory.organisations(f.anonymous, ALL, PageRequest.of(2, 10));
        assertThat(third.total()).isEqualTo(25);
        assertThat(third.page()).isEqualTo(2);
        assertThat(third.size()).isEqualTo(10);
        assertThat(names(third)).containsExactlyElementsOf(expected.subList(20, 25));
        assertThat(third.items()).allSatisfy(o -> {
            assertThat(o.naceCodes()).containsExactly("62.01", "C");
            assertThat(o.nationalIds()).singleElement().extracting(NationalId::value)
                    .isEqualTo(String.valueOf(1000 + Integer.parseInt(o.name().substring(4))));
        });
        List<String> all = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            all.addAll(names(f.directory.organisations(f.anonymous, ALL, PageRequest.of(p, 10))));
        }
        assertThat(all).containsExactlyElementsOf(expected);
        Page<Organisation> beyond = f.directory.organisations(f.anonymous, ALL, PageRequest.of(5, 10));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);

        // the child rows of a page come in one query per child table, however long the page
        f.db.statements.set(0);
        f.directory.organisations(f.anonymous, ALL, PageRequest.of(0, 2));
        int small = f.db.statements.get();
        f.db.statements.set(0);
        f.directory.organisations(f.anonymous, ALL, PageRequest.of(0, 25));
        assertThat(f.db.statements.get()).isEqualTo(small).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void filtersByTextCountryTypeNaceNutsAndAssociation(Database database) {
        Fixture f = new Fixture(database);
        f.directory.createOrganisation(f.adminOfA, with(org("Softwerk", Visibility.PUBLIC), "RO", "RO11", "Cluj-Napoca",
                List.of("62.01"), OrganisationType.BUSINESS, "Custom software", List.of()));
        f.directory.createOrganisation(f.adminOfA, with(org("Datawerk", Visibility.PUBLIC), "RO", "RO32", "Bucuresti",
                List.of("63.11", "62.09"), OrganisationType.BUSINESS, "Hosting", List.of()));
        f.directory.createOrganisation(f.adminOfA, with(org("Polytechnic University", Visibility.PUBLIC), "HU", "HU11",
                "Budapest", List.of("85.42"), OrganisationType.RESEARCH, "Teaching and research in SOFTWARE engineering",
                List.of()));
        f.directory.createOrganisation(f.adminOfB, with(org("Agrofarm", Visibility.PUBLIC), "SK", "SK02", "Nitra",
                List.of("01.11"), OrganisationType.BUSINESS, null, List.of()));

        assertThat(names(list(f, "software", null, null, null, null, null))).containsExactly("Polytechnic University", "Softwerk");
        assertThat(names(list(f, "BUDA", null, null, null, null, null))).containsExactly("Polytechnic University");
        assertThat(names(list(f, "  werk ", null, null, null, null, null))).containsExactly("Datawerk", "Softwerk");
        assertThat(names(list(f, null, "ro", null, null, null, null))).containsExactly("Datawerk", "Softwerk");
        assertThat(names(list(f, null, null, OrganisationType.RESEARCH, null, null, null)))
                .containsExactly("Polytechnic University");
        assertThat(names(list(f, null, null, null, "62", null, null))).containsExactly("Datawerk", "Softwerk");
        assertThat(names(list(f, null, null, null, "62.0", null, null))).containsExactly("Datawerk", "Softwerk");
        assertThat(names(list(f, null, null, null, "62.01", null, null))).containsExactly("Softwerk");
        assertThat(names(list(f, null, null, null, "63", null, null))).containsExactly("Datawerk");
        assertThat(names(list(f, null, null, null, "01", null, null))).containsExactly("Agrofarm");
        assertThat(names(list(f, null, null, null, null, "RO1", null))).containsExactly("Softwerk");
        assertThat(names(list(f, null, null, null, null, "ro", null))).containsExactly("Datawerk", "Softwerk");
        assertThat(names(list(f, null, null, null, null, null, f.b))).containsExactly("Agrofarm");
        assertThat(names(list(f, "werk", "RO", OrganisationType.BUSINESS, "62", "RO3", f.a))).containsExactly("Datawerk");
        assertThat(list(f, "nothing like this", null, null, null, null, null).total()).isZero();

        assertThat(catchThrowableOfType(ValidationException.class, () -> list(f, null, "Romania", null, "6", "R", null))
                .errors()).containsOnlyKeys("country", "nace", "nuts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void likeWildcardsInTheSearchTextAreLiteral(Database database) {
        Fixture f = new Fixture(database);
        for (String name : List.of("100% Green", "1000 Green", "A_B Consulting", "AxB Consulting", "Back\\slash")) {
            f.createOrg(name, Visibility.PUBLIC, f.a);
        }
        assertThat(names(list(f, "100%", null, null, null, null, null))).containsExactly("100% Green");
        assertThat(names(list(f, "a_b", null, null, null, null, null))).containsExactly("A_B Consulting");
        assertThat(names(list(f, "%", null, null, null, null, null))).containsExactly("100% Green");
        assertThat(names(list(f, "_", null, null, null, null, null))).containsExactly("A_B Consulting");
        assertThat(names(list(f, "k\\s", null, null, null, null, null))).containsExactly("Back\\slash");
        f.createCluster("50% Cluster", Visibility.PUBLIC, f.a);
        f.createCluster("500 Cluster", Visibility.PUBLIC, f.a);
        assertThat(clusterNames(f.directory.clusters(f.anonymous, new ClusterFilter("50%", null, null, null), FIRST)))
                .containsExactly("50% Cluster");
    }

    // ---- clusters and memberships -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void clustersAreCreatedUpdatedAndFiltered(Database database) {
        Fixture f = new Fixture(database);
        Organisation manager = f.createOrg("Cluster office", Visibility.PUBLIC, f.a);
        Cluster in = new Cluster(null, null, "Automotive Cluster", manager.id(), "sk", "SK02", List.of("29.10", "c"),
                "Car makers and suppliers", "https://auto.example.sk", Visibility.PUBLIC, 99, null, null);
        Cluster created = f.directory.createCluster(f.adminOfA, in);
        assertThat(created.associationId()).isEqualTo(f.a);
        assertThat(created.country()).isEqualTo("SK");
        assertThat(created.sectors()).containsExactly("29.10", "C");
        assertThat(created.managingOrganisationId()).isEqualTo(manager.id());
        assertThat(created.memberCount()).isZero();
        f.createCluster("Agri Food Cluster", Visibility.PUBLIC, f.b, "01.11", "10.1");

        assertThat(clusterNames(f.directory.clusters(f.anonymous, new ClusterFilter(null, null, "29", null), FIRST)))
                .containsExactly("Automotive Cluster");
        assertThat(clusterNames(f.directory.clusters(f.anonymous, new ClusterFilter(null, null, "10", null), FIRST)))
                .containsExactly("Agri Food Cluster");
        assertThat(clusterNames(f.directory.clusters(f.anonymous, new ClusterFilter("SUPPLIERS", null, null, null), FIRST)))
                .containsExactly("Automotive Cluster");
        assertThat(clusterNames(f.directory.clusters(f.anonymous, new ClusterFilter(null, "HU", null, f.b), FIRST)))
                .containsExactly("Agri Food Cluster");

        Cluster changed = new Cluster(null, null, "Automotive & Mobility Cluster", null, "SK", "SK02", List.of("29"),
                null, null, Visibility.ASSOCIATION, 0, null, null);
        Cluster updated = f.directory.updateCluster(f.adminOfA, created.id(), changed);
        assertThat(updated.name()).isEqualTo("Automotive & Mobility Cluster");
        assertThat(updated.sectors()).containsExactly("29");
        assertThat(updated.managingOrganisationId()).isNull();
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(f.directory.cluster(f.anonymous, created.id())).isEmpty();
        assertThatThrownBy(() -> f.directory.updateCluster(f.memberOfA(manager.id()), created.id(), changed))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aClusterRevealsOnlyOrganisationsTheCallerMayRead(Database database) {
        Fixture f = new Fixture(database);
        Organisation bPrivate = f.createOrg("B private", Visibility.ASSOCIATION, f.b);
        Cluster managed = f.directory.createCluster(f.platformAdmin, new Cluster(null, f.a, "Managed by B", bPrivate.id(),
                "RO", null, List.of(), null, null, Visibility.PUBLIC, 0, null, null));
        assertThat(f.directory.cluster(f.adminOfB, managed.id()).orElseThrow().managingOrganisationId()).isEqualTo(bPrivate.id());
        assertThat(f.directory.cluster(f.adminOfA, managed.id()).orElseThrow().managingOrganisationId()).isNull();
        // admins of A cannot name an organisation they cannot read...
        assertThat(catchThrowableOfType(ValidationException.class, () -> f.directory.createCluster(f.adminOfA,
                new Cluster(null, null, "X", bPrivate.id(), "RO", null, List.of(), null, null, Visibility.PUBLIC, 0, null, null)))
                .errors()).containsOnlyKeys("managingOrganisationId");
        // ...and saving the cluster without it keeps what they could not see
        f.directory.updateCluster(f.adminOfA, managed.id(), new Cluster(null, null, "Managed by B, renamed", null, "RO",
                null, List.of(), null, null, Visibility.PUBLIC, 0, null, null));
        assertThat(f.directory.cluster(f.platformAdmin, managed.id()).orElseThrow().managingOrganisationId())
                .isEqualTo(bPrivate.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void adminsOfTheClustersAssociationManageItsMembers(Database database) {
        Fixture f = new Fixture(database);
        Organisation aPrivate = f.createOrg("A private", Visibility.ASSOCIATION, f.a);
        Organisation bPublic = f.createOrg("B public", Visibility.PUBLIC, f.b);
        Organisation bPrivate = f.createOrg("B private", Visibility.ASSOCIATION, f.b);
        Cluster cluster = f.createCluster("A cluster", Visibility.PUBLIC, f.a);
        Cluster aPrivateCluster = f.createCluster("A private cluster", Visibility.ASSOCIATION, f.a);

        f.directory.addMember(f.adminOfA, cluster.id(), aPrivate.id(), LocalDate.of(2024, 1, 1));
        f.directory.addMember(f.adminOfA, cluster.id(), bPublic.id(), null);
        f.directory.addMember(f.adminOfA, aPrivateCluster.id(), bPublic.id(), null);
        // an organisation the admin cannot read cannot be added by it
        assertThatThrownBy(() -> f.directory.addMember(f.adminOfA, cluster.id(), bPrivate.id(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.directory.addMember(f.adminOfA, cluster.id(), UUID.randomUUID(), null))
                .isInstanceOf(NotFoundException.class);
        f.directory.addMember(f.platformAdmin, cluster.id(), bPrivate.id(), LocalDate.of(2020, 5, 1));

        assertThat(f.directory.members(f.adminOfA, cluster.id())).containsExactly(
                new Membership(cluster.id(), aPrivate.id(), "A private", LocalDate.of(2024, 1, 1)),
                new Membership(cluster.id(), bPublic.id(), "B public", null));
        assertThat(f.directory.members(f.anonymous, cluster.id())).extracting(Membership::organisationName)
                .containsExactly("B public");
        assertThat(f.directory.members(f.memberOfB, cluster.id())).extracting(Membership::organisationName)
                .containsExactly("B private", "B public");
        assertThat(f.directory.cluster(f.anonymous, cluster.id()).orElseThrow().memberCount()).isEqualTo(1);
        assertThat(f.directory.cluster(f.platformAdmin, cluster.id()).orElseThrow().memberCount()).isEqualTo(3);
        assertThatThrownBy(() -> f.directory.members(f.anonymous, aPrivateCluster.id())).isInstanceOf(NotFoundException.class);

        // others: forbidden on a cluster they can read, not found on one they cannot
        assertThatThrownBy(() -> f.directory.addMember(f.adminOfB, cluster.id(), bPublic.id(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.removeMember(f.memberOfA(aPrivate.id()), cluster.id(), aPrivate.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.directory.addMember(f.adminOfB, aPrivateCluster.id(), bPublic.id(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.directory.removeMember(f.adminOfB, aPrivateCluster.id(), bPublic.id()))
                .isInstanceOf(NotFoundException.class);

        // adding again changes the start date only when one is given
        f.directory.addMember(f.adminOfA, cluster.id(), aPrivate.id(), null);
        f.directory.addMember(f.adminOfA, cluster.id(), bPublic.id(), LocalDate.of(2023, 3, 15));
        assertThat(f.directory.members(f.adminOfA, cluster.id())).extracting(Membership::since)
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 3, 15));

        assertThat(f.directory.clustersOf(f.anonymous, bPublic.id())).extracting(Cluster::name).containsExactly("A cluster");
        assertThat(f.directory.clustersOf(f.adminOfA, bPublic.id())).extracting(Cluster::name)
                .containsExactly("A cluster", "A private cluster");
        assertThat(f.directory.clustersOf(f.adminOfA, bPrivate.id())).isEmpty();
        assertThat(f.directory.clustersOf(f.adminOfB, bPrivate.id())).extracting(Cluster::name).containsExactly("A cluster");

        f.directory.removeMember(f.adminOfA, cluster.id(), bPublic.id());
        f.directory.removeMember(f.adminOfA, cluster.id(), bPublic.id());
        assertThat(f.directory.members(f.adminOfA, cluster.id())).extracting(Membership::organisationName)
                .containsExactly("A private");
        assertThat(f.count("SELECT COUNT(*) FROM cluster_members WHERE cluster_id = ?", cluster.id())).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void migratesOnceAndKeepsItsOwnHistory(Database database) {
        Fixture f = new Fixture(database);
        assertThat(f.db.migrate(DirectoryServiceImpl.MODULE, DirectoryServiceImpl.class.getClassLoader())).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM schema_history_directory WHERE version = '1' AND success = TRUE")).isEqualTo(1);
        Organisation o = f.directory.createOrganisation(f.adminOfA, new Organisation(null, null, "Sized", OrganisationType.CIVIL_SOCIETY,
                "AT", "AT13", "Wien", null, SizeClass.SMALL, null, null, null, Visibility.PUBLIC, null, null));
        assertThat(o.sizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(o.naceCodes()).isEmpty();
        assertThat(o.website()).isNull();
    }

    private static Page<Organisation> list(Fixture f, String q, String country, OrganisationType type, String nace,
            String nuts, UUID association) {
        return f.directory.organisations(f.anonymous, new OrganisationFilter(q, country, type, nace, nuts, association), FIRST);
    }

    private static List<String> names(Page<Organisation> page) {
        return page.items().stream().map(Organisation::name).toList();
    }

    private static List<String> clusterNames(Page<Cluster> page) {
        return page.items().stream().map(Cluster::name).toList();
    }
}
