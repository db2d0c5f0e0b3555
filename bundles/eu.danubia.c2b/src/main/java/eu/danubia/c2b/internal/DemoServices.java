package eu.danubia.c2b.internal;

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
import eu.danubia.api.Organisation;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * Services of the demo clusters and two open requests, so the C2B pages of the embedded default are
 * not empty. Runs only once the demo bundle announces its data set (its marker service), and goes
 * through {@link C2bService} as the owning association's admin on behalf of the platform, so the
 * usual validation applies and nobody is notified. A service whose cluster already has one of that
 * title, and a request whose organisation already asked the same, are left alone: restarts create
 * nothing.
 */
@Component(service = {}, immediate = true)
public class DemoServices {

    static final String RESOURCE = "demo/c2b-demo-services.json";
    /** The demo bundle's marker: registered when its data set has been loaded. */
    static final String MARKER = "(danubia.demo=loaded)";

    private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    record DemoService(String association, String cluster, String category, String title, String description,
            String priceModel, String priceAmount, String currency, String eligibility, List<String> countries,
            List<String> languages) {
    }

    record DemoRequest(String association, String organisation, String kind, String targetAssociation, String cluster,
            String service, String message) {
    }

    record DemoFile(List<DemoService> services, List<DemoRequest> requests) {
    }

    record Result(int created, int existing, int failed) {
    }

    private final C2bService c2b;
    private final DirectoryService directory;
    private final Function<String, Optional<UUID>> associationBySlug;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-c2b-demo");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoServices(@Reference C2bService c2b, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(c2b, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoServices(C2bService c2b, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.c2b = c2b;
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
        // the services stay: they are data like any other
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        if (!Workers.stop(worker, Duration.ofSeconds(STOP_WAIT_SECONDS))) {
            LOG.warn("C2B demo data loading did not stop within {} s", STOP_WAIT_SECONDS);
        }
    }

    private void seedFromBundle() {
        try {
            Result r = seed(read(DemoServices.class.getClassLoader()));
            LOG.info("C2B demo data: {} created, {} already present, {} failed", r.created(), r.existing(), r.failed());
        } catch (RuntimeException e) {
            LOG.warn("C2B demo data was not loaded: {}", e.toString());
        }
    }

    static DemoFile read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return JSON.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Services first (requests name them); each failure is logged and counted, never thrown. */
    Result seed(DemoFile file) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (DemoService d : file.services() == null ? List.<DemoService>of() : file.services()) {
            if (worker.isShutdown()) {
                return new Result(created, existing, failed);
            }
            try {
                if (seed(d)) {
                    created++;
                } else {
                    existing++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("C2B demo service '{}' was not loaded: {}", d.title(), reason(e));
            }
        }
        for (DemoRequest d : file.requests() == null ? List.<DemoRequest>of() : file.requests()) {
            if (worker.isShutdown()) {
                break;
            }
            try {
                if (seed(d)) {
                    created++;
                } else {
                    existing++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("C2B demo request of '{}' was not loaded: {}", d.organisation(), reason(e));
            }
        }
        return new Result(created, existing, failed);
    }

    private boolean seed(DemoService d) {
        UUID association = association(d.association());
        Cluster cluster = cluster(association, d.cluster());
        Caller admin = admin(association, null);
        boolean present = c2b.services(admin, new ServiceFilter(null, null, null, cluster.id()), true).stream()
                .anyMatch(s -> s.title().equals(d.title()));
        if (present) {
            return false;
        }
        c2b.createService(admin, new ServiceInput(cluster.id().toString(), d.category(), d.title(), d.description(),
                d.priceModel(), d.priceAmount(), d.currency(), d.eligibility(), d.countries(), d.languages(), "PUBLISHED"));
        return true;
    }

    private boolean seed(DemoRequest d) {
        UUID association = association(d.association());
        Organisation org = organisation(association, d.organisation());
        Cluster cluster = cluster(association(d.targetAssociation()), d.cluster());
        Caller admin = admin(association, org.id());
        UUID serviceId = null;
        if (d.service() != null) {
            serviceId = c2b.services(admin, new ServiceFilter(null, null, null, cluster.id()), false).stream()
                    .filter(s -> s.title().equals(d.service())).map(ClusterService::id).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no published service '" + d.service() + "'"));
        }
        UUID service = serviceId;
        boolean present = c2b.requests(admin, ServiceRequest.Box.OUT).stream()
                .anyMatch(r -> r.organisationId().equals(org.id()) && r.clusterId().equals(cluster.id())
                        && java.util.Objects.equals(r.serviceId(), service));
        if (present) {
            return false;
        }
        c2b.submit(admin, new RequestInput(d.kind(), service == null ? null : service.toString(), cluster.id().toString(),
                d.message(), org.id().toString()));
        return true;
    }

    private UUID association(String slug) {
        return associationBySlug.apply(slug)
                .orElseThrow(() -> new IllegalStateException("no association with the slug '" + slug + "'"));
    }

    /** The association's admin acting on behalf of the platform: nobody is notified, no contact remembered. */
    private static Caller admin(UUID association, UUID organisation) {
        return new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), association, organisation,
                Set.of(Role.ASSOCIATION_ADMIN));
    }

    /** By exact name: the directory's text filter also matches parts of names and other fields. */
    private Cluster cluster(UUID association, String name) {
        return directory.clusters(Caller.SYSTEM, new ClusterFilter(name, null, null, association),
                new PageRequest(0, PageRequest.MAX_SIZE)).items().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cluster '" + name + "'"));
    }

    private Organisation organisation(UUID association, String name) {
        return directory.organisations(Caller.SYSTEM, new OrganisationFilter(name, null, null, null, null, association),
                new PageRequest(0, PageRequest.MAX_SIZE)).items().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no organisation '" + name + "'"));
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage() + " " + v.errors();
        }
        return e instanceof DanubiaException ? e.getMessage() : e.toString();
    }
}
