package eu.danubia.c2c.internal;

import java.time.Duration;

import eu.danubia.store.Workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.DanubiaException;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * C2C profiles and proposals for the demo clusters, so that the C2C pages of the embedded default
 * are not empty. Runs only once the demo bundle announces that its data set is loaded (its marker
 * service, as for the B2B demo profiles), and goes through {@link C2cService} as each association's
 * admin on behalf of the platform (the {@link Caller#SYSTEM} user id, so nobody is notified). A
 * cluster that has a profile keeps it, and a proposal whose title already exists between its two
 * clusters is not made again: restarts create nothing.
 */
@Component(service = {}, immediate = true)
public class DemoPartnerships {

    static final String RESOURCE = "demo/c2c-demo.json";
    static final String MARKER = "(danubia.demo=loaded)";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPartnerships.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    record ClusterRef(String association, String cluster) {
    }

    record DemoProfile(String association, String cluster, ProfileInput profile) {
    }

    /** {@code status}: PROPOSED, ACCEPTED, ACTIVE or DECLINED. */
    record DemoProposal(ClusterRef from, ClusterRef to, ProposalStatus status, ProposalInput proposal) {
    }

    record DemoFile(List<DemoProfile> profiles, List<DemoProposal> proposals) {
    }

    record Result(int created, int existing, int failed) {
    }

    private final C2cService c2c;
    private final DirectoryService directory;
    private final Function<String, Optional<UUID>> associationBySlug;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-c2c-demo");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoPartnerships(@Reference C2cService c2c, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(c2c, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoPartnerships(C2cService c2c, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.c2c = c2c;
        this.directory = directory;
        this.associationBySlug = associationBySlug;
    }

    /** Called on the SCR thread, which must not wait for the database: the work goes to our own thread. */
    @Reference(name = "demoLoaded", service = Object.class, target = MARKER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        try {
            worker.execute(this::seedFromBundle);
        } catch (RejectedExecutionException stopping) {
            // deactivated meanwhile: the next activation sees the marker again
        }
    }

    void demoGone(Object marker) {
        // the profiles and proposals stay: they are data like any other
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        if (!Workers.stop(worker, Duration.ofSeconds(STOP_WAIT_SECONDS))) {
            LOG.warn("C2C demo loading did not stop within {} s", STOP_WAIT_SECONDS);
        }
    }

    private void seedFromBundle() {
        try {
            DemoFile file = read(DemoPartnerships.class.getClassLoader());
            Result p = seedProfiles(file.profiles());
            Result q = seedProposals(file.proposals());
            LOG.info("C2C demo: profiles {} created, {} present, {} failed; proposals {} created, {} present, {} failed",
                    p.created(), p.existing(), p.failed(), q.created(), q.existing(), q.failed());
        } catch (RuntimeException e) {
            LOG.warn("C2C demo data was not loaded: {}", e.toString());
        }
    }

    static DemoFile read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            DemoFile f = JSON.readValue(in, DemoFile.class);
            return new DemoFile(f.profiles() == null ? List.of() : f.profiles(),
                    f.proposals() == null ? List.of() : f.proposals());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result seedProfiles(List<DemoProfile> profiles) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (DemoProfile d : profiles) {
            if (worker.isShutdown()) {
                break;
            }
            try {
                Cluster k = cluster(new ClusterRef(d.association(), d.cluster()));
                Caller admin = adminOf(k.associationId());
                if (c2c.profile(admin, k.id()).profiled()) {
                    existing++;
                } else {
                    c2c.saveProfile(admin, k.id(), d.profile());
                    created++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("C2C demo profile of '{}' was not loaded: {}", d.cluster(), reason(e));
            }
        }
        return new Result(created, existing, failed);
    }

    Result seedProposals(List<DemoProposal> proposals) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (DemoProposal d : proposals) {
            if (worker.isShutdown()) {
                break;
            }
            try {
                Cluster from = cluster(d.from());
                Cluster to = cluster(d.to());
                Caller proposer = adminOf(from.associationId());
                Caller target = adminOf(to.associationId());
                String title = C2cService.text(d.proposal().title());
                boolean present = c2c.proposals(proposer, Proposal.Box.OUT).stream()
                        .anyMatch(p -> p.to().clusterId().equals(to.id()) && p.title().equals(title));
                if (present) {
                    existing++;
                    continue;
                }
                ProposalInput in = d.proposal();
                Proposal p = c2c.propose(proposer, new ProposalInput(from.id().toString(), to.id().toString(), in.type(),
                        in.title(), in.message(), in.startOn(), in.endOn()));
                ProposalStatus status = d.status() == null ? ProposalStatus.PROPOSED : d.status();
                switch (status) {
                    case PROPOSED -> { }
                    case ACCEPTED -> c2c.accept(target, p.id());
                    case ACTIVE -> {
                        c2c.accept(target, p.id());
                        c2c.start(proposer, p.id());
                    }
                    case DECLINED -> c2c.decline(target, p.id());
                    default -> throw new IllegalArgumentException("status must be PROPOSED, ACCEPTED, ACTIVE or DECLINED");
                }
                created++;
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("C2C demo proposal '{}' was not loaded: {}", d.proposal() == null ? null : d.proposal().title(),
                        reason(e));
            }
        }
        return new Result(created, existing, failed);
    }

    /** The association's admin, acting on behalf of the platform: nobody is notified. */
    private static Caller adminOf(UUID association) {
        return new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), association, null, Set.of(Role.ASSOCIATION_ADMIN));
    }

    /** By exact name within the association: the directory's text filter also matches parts of names. */
    private Cluster cluster(ClusterRef ref) {
        UUID association = associationBySlug.apply(ref.association())
                .orElseThrow(() -> new IllegalStateException("no association with the slug '" + ref.association() + "'"));
        return directory.clusters(Caller.SYSTEM, new ClusterFilter(ref.cluster(), null, null, association),
                new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(k -> ref.cluster().equals(k.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cluster '" + ref.cluster() + "' in '" + ref.association() + "'"));
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage() + " " + v.errors();
        }
        return e instanceof DanubiaException ? e.getMessage() : e.toString();
    }
}
