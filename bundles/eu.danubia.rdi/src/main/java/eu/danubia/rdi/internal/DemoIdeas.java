package eu.danubia.rdi.internal;

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
import eu.danubia.api.DanubiaException;
import eu.danubia.api.Organisation;
import eu.danubia.api.PageRequest;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * Project ideas of the demo organisations, loaded like B2B's demo profiles: once the demo bundle's
 * marker service says its data set is loaded, through {@link RdiService} as the owner association's
 * admin on behalf of the platform (so nobody is notified). An idea whose title its organisation
 * already has is skipped, so restarts create nothing.
 */
@Component(service = {}, immediate = true)
public class DemoIdeas {

    static final String RESOURCE = "demo/rdi-demo-ideas.json";
    static final String MARKER = "(danubia.demo=loaded)";

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdeas.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    record DemoApplication(String association, String organisation, String role, boolean accepted, String message) {
    }

    record DemoIdea(String association, String organisation, IdeaStatus status, IdeaInput idea,
            List<DemoApplication> applications) {
    }

    record DemoFile(List<DemoIdea> ideas) {
    }

    record Result(int created, int existing, int failed) {
    }

    private final RdiService rdi;
    private final DirectoryService directory;
    private final Function<String, Optional<UUID>> associationBySlug;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-rdi-demo");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoIdeas(@Reference RdiService rdi, @Reference DirectoryService directory, @Reference AccountService accounts) {
        this(rdi, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoIdeas(RdiService rdi, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.rdi = rdi;
        this.directory = directory;
        this.associationBySlug = associationBySlug;
    }

    @Reference(name = "demoLoaded", service = Object.class, target = MARKER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        try {
            worker.execute(() -> {
                try {
                    Result r = seed(read(DemoIdeas.class.getClassLoader()));
                    LOG.info("RDI demo ideas: {} created, {} already present, {} failed", r.created(), r.existing(),
                            r.failed());
                } catch (RuntimeException e) {
                    LOG.warn("RDI demo ideas were not loaded: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // deactivated meanwhile: the next activation sees the marker again
        }
    }

    void demoGone(Object marker) {
        // the ideas stay: they are data like any other
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        if (!Workers.stop(worker, Duration.ofSeconds(30))) {
            LOG.warn("RDI demo idea loading did not stop within 30 s");
        }
    }

    static List<DemoIdea> read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            DemoFile file = JSON.readValue(in, DemoFile.class);
            return file.ideas() == null ? List.of() : List.copyOf(file.ideas());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result seed(List<DemoIdea> ideas) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (DemoIdea d : ideas) {
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
                LOG.warn("RDI demo idea '{}' was not loaded: {}", d.idea() == null ? null : d.idea().title(),
                        e instanceof DanubiaException ? e.getMessage() : e.toString());
            }
        }
        return new Result(created, existing, failed);
    }

    private boolean seed(DemoIdea d) {
        Organisation owner = organisation(d.association(), d.organisation());
        if (rdi.hasIdea(owner.id(), d.idea().title())) {
            return false;
        }
        Caller ownerAdmin = adminOf(owner);
        IdeaInput in = d.idea();
        Idea idea = rdi.createIdea(ownerAdmin, new IdeaInput(owner.id().toString(), in.title(), in.summary(), in.callCode(),
                in.visibility(), in.ownerRole(), in.roles()));
        if (d.status() == IdeaStatus.OPEN) {
            rdi.publish(ownerAdmin, idea.id());
            for (DemoApplication a : d.applications() == null ? List.<DemoApplication>of() : d.applications()) {
                Organisation applicant = organisation(a.association(), a.organisation());
                UUID role = idea.roles().stream().filter(r -> !r.filled() && r.role().name().equals(a.role())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no open role " + a.role())).id();
                Application sent = rdi.apply(adminOf(applicant), idea.id(),
                        new ApplicationInput(role.toString(), a.message(), applicant.id().toString()));
                if (a.accepted()) {
                    rdi.accept(ownerAdmin, sent.id());
                }
            }
        }
        return true;
    }

    /** The association's admin acting for the organisation: the platform itself, so nobody is notified. */
    private static Caller adminOf(Organisation o) {
        return new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), o.associationId(), o.id(),
                Set.of(Role.ASSOCIATION_ADMIN));
    }

    private Organisation organisation(String slug, String name) {
        UUID association = associationBySlug.apply(slug)
                .orElseThrow(() -> new IllegalStateException("no association with the slug '" + slug + "'"));
        OrganisationFilter filter = new OrganisationFilter(name, null, null, null, null, association);
        return directory.organisations(Caller.SYSTEM, filter, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(o -> name.equals(o.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no organisation '" + name + "' in '" + slug + "'"));
    }
}
