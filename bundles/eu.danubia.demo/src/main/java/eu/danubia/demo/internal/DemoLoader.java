package eu.danubia.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.DanubiaException;
import eu.danubia.api.Membership;
import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.demo.internal.DemoDataSet.DemoAssociation;
import eu.danubia.demo.internal.DemoDataSet.DemoCluster;
import eu.danubia.demo.internal.DemoDataSet.DemoMember;
import eu.danubia.demo.internal.DemoDataSet.DemoOrganisation;
import eu.danubia.demo.internal.DemoDataSet.DemoUser;
import eu.danubia.demo.internal.DemoPasswords.Credential;

/**
 * Creates the demo data set through the platform's own services, as the platform itself
 * ({@link Caller#SYSTEM}), so every rule of those services applies to it. Loading twice changes
 * nothing: an association is matched by slug, a user by e-mail, an organisation or cluster by
 * name within its association, a membership by cluster and organisation; what exists is left as
 * it is (an administrator may have edited it since).
 *
 * <p>A record the services refuse is logged and counted as failed, and the rest goes on. Stops
 * between records when its thread is interrupted, and at the first unexpected failure (e.g. the
 * database); either way it returns what it did, so generated passwords are never lost.
 */
public final class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    private static final Caller SYSTEM = Caller.SYSTEM;
    private static final int PAGE_SIZE = PageRequest.MAX_SIZE;
    private static final int MAX_PAGES = 10_000;

    private final AccountService accounts;
    private final DirectoryService directory;
    private final DemoPasswords passwords;
    private final java.util.function.BooleanSupplier stopping;

    public DemoLoader(AccountService accounts, DirectoryService directory, DemoPasswords passwords) {
        this(accounts, directory, passwords, () -> false);
    }

    /** @param stopping true once the owner is stopping: the load ends before its next record (no interrupt, see Workers) */
    public DemoLoader(AccountService accounts, DirectoryService directory, DemoPasswords passwords,
            java.util.function.BooleanSupplier stopping) {
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.stopping = stopping;
    }

    /** How many records of one kind were created, found already there, or refused. */
    public record Count(int created, int existing, int failed) {
        @Override
        public String toString() {
            return created + " created, " + existing + " existing" + (failed > 0 ? ", " + failed + " FAILED" : "");
        }
    }

    /**
     * What a run did.
     *
     * @param generated the users created with a generated password, to show once
     * @param aborted why the run stopped before the end (interrupted, database failure), or {@code null}
     */
    public record Result(Count associations, Count users, Count organisations, Count clusters, Count memberships,
            List<Credential> generated, RuntimeException aborted) {

        public Result {
            generated = List.copyOf(generated);
        }

        public int created() {
            return associations.created() + users.created() + organisations.created() + clusters.created()
                    + memberships.created();
        }

        public int failed() {
            return associations.failed() + users.failed() + organisations.failed() + clusters.failed()
                    + memberships.failed();
        }

        @Override
        public String toString() {
            return "associations " + associations + "; users " + users + "; organisations " + organisations
                    + "; clusters " + clusters + "; memberships " + memberships;
        }
    }

    public Result load(DemoDataSet data) {
        Run run = new Run();
        String passwordProblem = passwords.configuredProblem();
        if (passwordProblem != null) {
            LOG.error("Demo users are not created: {}. Set a longer password in eu.danubia.demo, or none to "
                    + "have one generated per user.", passwordProblem);
        }
        try {
            for (DemoAssociation a : data.associations()) {
                checkCancelled();
                Association association = association(run, a);
                if (association == null) {
                    continue;
                }
                for (DemoUser u : a.users()) {
                    checkCancelled();
                    user(run, association, u, passwordProblem);
                }
                Map<String, UUID> organisations = organisations(run, association, a.organisations());
                clusters(run, association, a.clusters(), organisations);
            }
        } catch (RuntimeException e) {
            // the users created so far keep their passwords: the result must still reach the console
            run.aborted = e;
        }
        return run.result();
    }

    private Association association(Run run, DemoAssociation a) {
        var existing = accounts.associationBySlug(a.slug());
        if (existing.isPresent()) {
            run.associations.existing++;
            return existing.get();
        }
        try {
            Association created = accounts.createAssociation(SYSTEM, a.slug(), a.name(), a.country(), a.website());
            run.associations.created++;
            LOG.debug("demo association {} created", a.slug());
            return created;
        } catch (DanubiaException e) {
            run.associations.failed++;
            warn("association " + a.slug() + " and its records", e);
            return null;
        }
    }

    private void user(Run run, Association association, DemoUser u, String passwordProblem) {
        if (accounts.userByEmail(SYSTEM, u.email()).isPresent()) {
            run.users.existing++;
            return;
        }
        if (passwordProblem != null) {
            run.users.failed++;
            return;
        }
        String password = passwords.next();
        char[] chars = password.toCharArray();
        try {
            accounts.createUser(SYSTEM, new NewUser(u.email(), u.name(), chars, association.id(), null, u.roles()));
            run.users.created++;
            if (!passwords.isConfigured()) {
                run.generated.add(new Credential(u.email(), password));
            }
        } catch (DanubiaException e) {
            run.users.failed++;
            warn("user " + u.email(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private Map<String, UUID> organisations(Run run, Association association, List<DemoOrganisation> wanted) {
        Map<String, UUID> byName = new HashMap<>();
        OrganisationFilter filter = new OrganisationFilter(null, null, null, null, null, association.id());
        for (Organisation o : all(page -> directory.organisations(SYSTEM, filter, new PageRequest(page, PAGE_SIZE)))) {
            byName.putIfAbsent(o.name(), o.id());
        }
        for (DemoOrganisation o : wanted) {
            checkCancelled();
            if (byName.containsKey(o.name())) {
                run.organisations.existing++;
                continue;
            }
            try {
                Organisation created = directory.createOrganisation(SYSTEM, new Organisation(null, association.id(),
                        o.name(), o.type(), o.country(), o.nutsCode(), o.city(), o.naceCodes(), o.sizeClass(),
                        o.nationalIds(), o.website(), o.description(), o.visibility(), null, null));
                byName.put(o.name(), created.id());
                run.organisations.created++;
            } catch (DanubiaException e) {
                run.organisations.failed++;
                warn("organisation '" + o.name() + "' of " + association.slug(), e);
            }
        }
        return byName;
    }

    private void clusters(Run run, Association association, List<DemoCluster> wanted,
            Map<String, UUID> organisations) {
        Map<String, UUID> byName = new HashMap<>();
        ClusterFilter filter = new ClusterFilter(null, null, null, association.id());
        for (Cluster c : all(page -> directory.clusters(SYSTEM, filter, new PageRequest(page, PAGE_SIZE)))) {
            byName.putIfAbsent(c.name(), c.id());
        }
        for (DemoCluster c : wanted) {
            checkCancelled();
            UUID id = byName.get(c.name());
            if (id != null) {
                run.clusters.existing++;
            } else {
                UUID manager = c.managedBy() == null ? null : organisations.get(c.managedBy());
                if (c.managedBy() != null && manager == null) {
                    LOG.warn("Demo cluster '{}': managing organisation '{}' is missing, created without it",
                            c.name(), c.managedBy());
                }
                try {
                    id = directory.createCluster(SYSTEM, new Cluster(null, association.id(), c.name(), manager,
                            c.country(), c.nutsCode(), c.sectors(), c.description(), c.website(), c.visibility(), 0,
                            null, null)).id();
                    run.clusters.created++;
                } catch (DanubiaException e) {
                    run.clusters.failed++;
                    warn("cluster '" + c.name() + "' of " + association.slug() + " and its memberships", e);
                    continue;
                }
            }
            members(run, id, c, organisations);
        }
    }

    private void members(Run run, UUID clusterId, DemoCluster c, Map<String, UUID> organisations) {
        Set<UUID> current = new HashSet<>();
        for (Membership m : directory.members(SYSTEM, clusterId)) {
            current.add(m.organisationId());
        }
        for (DemoMember m : c.members()) {
            checkCancelled();
            UUID organisation = organisations.get(m.organisation());
            if (organisation == null) {
                run.memberships.failed++;
                LOG.warn("Demo cluster '{}': member '{}' is missing, membership not added", c.name(), m.organisation());
                continue;
            }
            if (current.contains(organisation)) {
                run.memberships.existing++;
                continue;
            }
            try {
                directory.addMember(SYSTEM, clusterId, organisation, m.since() == null ? null : LocalDate.parse(m.since()));
                current.add(organisation);
                run.memberships.created++;
            } catch (DanubiaException e) {
                run.memberships.failed++;
                warn("membership of '" + m.organisation() + "' in '" + c.name() + "'", e);
            }
        }
    }

    /** Every item of a paged listing. */
    static <T> List<T> all(IntFunction<Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<T> p = fetch.apply(page);
            out.addAll(p.items());
            if (p.items().isEmpty() || out.size() >= p.total()) {
                break;
            }
        }
        return out;
    }

    private void checkCancelled() {
        if (Thread.currentThread().isInterrupted() || stopping.getAsBoolean()) {
            throw new CancellationException("demo data loading stopped");
        }
    }

    private static void warn(String what, DanubiaException e) {
        String detail = e instanceof ValidationException v ? e.getMessage() + " " + v.errors() : e.getMessage();
        LOG.warn("Demo data: {} not created: {}", what, detail);
    }

    /** Mutable counters of one run. */
    private static final class Run {
        final Counter associations = new Counter();
        final Counter users = new Counter();
        final Counter organisations = new Counter();
        final Counter clusters = new Counter();
        final Counter memberships = new Counter();
        final List<Credential> generated = new ArrayList<>();
        RuntimeException aborted;

        Result result() {
            return new Result(associations.count(), users.count(), organisations.count(), clusters.count(),
                    memberships.count(), generated, aborted);
        }
    }

    private static final class Counter {
        int created;
        int existing;
        int failed;

        Count count() {
            return new Count(created, existing, failed);
        }
    }
}
