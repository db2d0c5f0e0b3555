package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Role;
import eu.danubia.demo.internal.DemoDataSet.DemoAssociation;
import eu.danubia.demo.internal.DemoLoader.Count;
import eu.danubia.demo.internal.DemoLoader.Result;
import eu.danubia.demo.internal.DemoPasswords.Credential;

/** The loader against in-memory AccountService and DirectoryService, with the shipped data set. */
class DemoLoaderTest {

    private static DemoDataSet data;
    private static int associations;
    private static int organisations;
    private static int clusters;
    private static int memberships;

    private InMemoryAccounts accounts;
    private InMemoryDirectory directory;

    @BeforeAll
    static void readData() {
        data = DemoDataSet.fromClasspath(DemoLoaderTest.class.getClassLoader());
        associations = data.associations().size();
        organisations = data.associations().stream().mapToInt(a -> a.organisations().size()).sum();
        clusters = data.associations().stream().mapToInt(a -> a.clusters().size()).sum();
        memberships = data.associations().stream().flatMap(a -> a.clusters().stream())
                .mapToInt(c -> c.members().size()).sum();
    }

    @BeforeEach
    void services() {
        accounts = new InMemoryAccounts();
        directory = new InMemoryDirectory(accounts.associations.keySet());
    }

    private DemoLoader loader(String password) {
        return new DemoLoader(accounts, directory, new DemoPasswords(password, new SecureRandom()));
    }

    @Test
    void firstRunCreatesTheWholeDataSet() {
        Result r = loader("").load(data);

        assertThat(r.aborted()).isNull();
        assertThat(r.associations()).isEqualTo(new Count(associations, 0, 0));
        assertThat(r.users()).isEqualTo(new Count(associations, 0, 0));
        assertThat(r.organisations()).isEqualTo(new Count(organisations, 0, 0));
        assertThat(r.clusters()).isEqualTo(new Count(clusters, 0, 0));
        assertThat(r.memberships()).isEqualTo(new Count(memberships, 0, 0));
        assertThat(directory.organisations).hasSize(organisations);
        assertThat(directory.members.values().stream().mapToInt(m -> m.size()).sum()).isEqualTo(memberships);
        // more organisations per association than fit on one page of the fake: the loader must page
        assertThat(organisations / associations).isGreaterThan(InMemoryDirectory.PAGE_CAP);
    }

    @Test
    void secondRunCreatesNothing() {
        loader("").load(data);
        int writes = directory.writes;
        List<String> calls = List.copyOf(accounts.calls);

        Result again = loader("").load(data);

        assertThat(again.created()).isZero();
        assertThat(again.failed()).isZero();
        assertThat(again.associations()).isEqualTo(new Count(0, associations, 0));
        assertThat(again.users()).isEqualTo(new Count(0, associations, 0));
        assertThat(again.organisations()).isEqualTo(new Count(0, organisations, 0));
        assertThat(again.clusters()).isEqualTo(new Count(0, clusters, 0));
        assertThat(again.memberships()).isEqualTo(new Count(0, memberships, 0));
        assertThat(again.generated()).isEmpty();
        assertThat(directory.writes).isEqualTo(writes);
        assertThat(accounts.calls).isEqualTo(calls);
    }

    @Test
    void recordsLandInTheirOwnAssociation() {
        loader("").load(data);

        Association ro = accounts.associationBySlug("somes-clusters").orElseThrow();
        Organisation codeflow = directory.organisations.values().stream()
                .filter(o -> o.name().equals("Codeflow Systems SRL")).findFirst().orElseThrow();
        assertThat(codeflow.associationId()).isEqualTo(ro.id());
        assertThat(codeflow.nutsCode()).isEqualTo("RO113");
        assertThat(codeflow.visibility()).isEqualTo(Visibility.PUBLIC);
        Cluster digital = directory.clusters.values().stream().filter(c -> c.name().equals("Someș Digital Cluster"))
                .findFirst().orElseThrow();
        assertThat(directory.organisations.get(digital.managingOrganisationId()).name())
                .isEqualTo("Someș Cluster Management");
        assertThat(directory.members.get(digital.id())).containsKey(codeflow.id());
        assertThat(accounts.users.get("admin@somes-clusters.demo.danubia.eu"))
                .satisfies(u -> assertThat(u.associationId()).isEqualTo(ro.id()))
                .satisfies(u -> assertThat(u.roles()).containsExactly(Role.ASSOCIATION_ADMIN));
    }

    @Test
    void withoutAConfiguredPasswordEachAdminGetsItsOwnStrongOne() {
        Result r = loader(null).load(data);

        assertThat(r.generated()).extracting(Credential::email)
                .containsExactlyInAnyOrderElementsOf(accounts.users.keySet());
        assertThat(r.generated()).extracting(Credential::password).doesNotHaveDuplicates()
                .allMatch(p -> p.length() >= DemoPasswords.MIN_LENGTH);
        for (Credential c : r.generated()) {
            assertThat(accounts.passwords.get(c.email())).isEqualTo(c.password());
        }
    }

    @Test
    void aConfiguredPasswordGoesToEveryAdminAndIsNotShown() {
        Result r = loader("Danube-Demo-2025!").load(data);

        assertThat(r.users().created()).isEqualTo(associations);
        assertThat(r.generated()).isEmpty();
        assertThat(accounts.passwords.values()).containsOnly("Danube-Demo-2025!");
    }

    @Test
    void aTooShortConfiguredPasswordCreatesNoUsersUntilItIsFixed() {
        Result r = loader("short").load(data);

        assertThat(r.users()).isEqualTo(new Count(0, 0, associations));
        assertThat(r.organisations().created()).isEqualTo(organisations);
        assertThat(accounts.users).isEmpty();

        Result fixed = loader("a-much-longer-demo-password").load(data);
        assertThat(fixed.users()).isEqualTo(new Count(associations, 0, 0));
        assertThat(fixed.created()).isEqualTo(associations);
    }

    @Test
    void aPasswordThePlatformRefusesFailsTheUsersOnly() {
        Result r = loader("password1234").load(data);

        assertThat(r.users()).isEqualTo(new Count(0, 0, associations));
        assertThat(r.clusters().created()).isEqualTo(clusters);
        assertThat(r.aborted()).isNull();
    }

    @Test
    void aRefusedOrganisationIsCountedAndItsMembershipsSkipped() {
        directory.refuseOrganisations.add("Codeflow Systems SRL");

        Result r = loader("").load(data);

        assertThat(r.organisations()).isEqualTo(new Count(organisations - 1, 0, 1));
        // Codeflow is in two clusters
        assertThat(r.memberships()).isEqualTo(new Count(memberships - 2, 0, 2));
        assertThat(r.clusters().created()).isEqualTo(clusters);

        directory.refuseOrganisations.clear();
        Result again = loader("").load(data);
        assertThat(again.organisations()).isEqualTo(new Count(1, organisations - 1, 0));
        assertThat(again.memberships()).isEqualTo(new Count(2, memberships - 2, 0));
    }

    @Test
    void anExistingAssociationIsReusedNotDuplicated() {
        DemoAssociation first = data.associations().get(0);
        Association existing = accounts.createAssociation(eu.danubia.api.security.Caller.SYSTEM, first.slug(),
                "Renamed by its admin", first.country(), null);

        Result r = loader("").load(data);

        assertThat(r.associations()).isEqualTo(new Count(associations - 1, 1, 0));
        assertThat(accounts.associations.get(existing.id()).name()).isEqualTo("Renamed by its admin");
        assertThat(directory.organisations.values()).filteredOn(o -> o.associationId().equals(existing.id()))
                .hasSize(first.organisations().size());
    }

    @Test
    void anInterruptedRunStopsAndStillReportsTheGeneratedPasswords() throws InterruptedException {
        AtomicReference<Result> result = new AtomicReference<>();
        InMemoryDirectory interrupting = new InMemoryDirectory(accounts.associations.keySet()) {
            @Override
            public Organisation createOrganisation(eu.danubia.api.security.Caller caller, Organisation o) {
                Thread.currentThread().interrupt();
                return super.createOrganisation(caller, o);
            }
        };
        Thread t = new Thread(() -> result.set(new DemoLoader(accounts, interrupting,
                new DemoPasswords(null, new SecureRandom())).load(data)));
        t.start();
        t.join(10_000);

        Result r = result.get();
        assertThat(r.aborted()).isInstanceOf(CancellationException.class);
        assertThat(r.associations().created()).isEqualTo(1);
        assertThat(r.organisations().created()).isEqualTo(1);
        assertThat(r.generated()).hasSize(1);
        assertThat(interrupting.organisations).hasSize(1);
    }

    @Test
    void pagingReadsEveryItem() {
        List<Integer> all = DemoLoader.all(page -> new eu.danubia.api.Page<>(
                page < 3 ? List.of(page * 2, page * 2 + 1) : List.of(), page, 2, 6));
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Set.copyOf(DemoLoader.all(page -> new eu.danubia.api.Page<>(List.of(UUID.randomUUID()), page, 1, 1))))
                .hasSize(1);
    }
}
