package eu.danubia.b2b.internal;

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
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * B2B profiles for the demo organisations, so that the B2B pages of the embedded default are not
 * empty. Runs only once the demo bundle announces that its associations and organisations are
 * loaded (its marker service), and goes through {@link B2bService} like any admin would, so the demo
 * profiles pass the same validation and lifecycle as real ones. A profile whose title its
 * organisation already has is left alone: restarts and repeated markers create nothing, and a demo
 * profile someone edited is not overwritten.
 */
@Component(service = {}, immediate = true)
public class DemoProfiles {

    static final String RESOURCE = "demo/b2b-demo-profiles.json";
    /** The demo bundle's marker: registered when its data set has been loaded. */
    static final String MARKER = "(danubia.demo=loaded)";

    private static final Logger LOG = LoggerFactory.getLogger(DemoProfiles.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One demo profile: the owner by association slug and organisation name, and the status to reach. */
    record DemoProfile(String association, String organisation, ProfileStatus status, ProfileInput profile) {

        String title() {
            return profile == null ? null : ProfileInputs.text(profile.title());
        }
    }

    record DemoFile(List<DemoProfile> profiles) {
    }

    record Result(int created, int existing, int failed) {
    }

    private final B2bService b2b;
    private final DirectoryService directory;
    private final Function<String, Optional<UUID>> associationBySlug;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-b2b-demo");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoProfiles(@Reference B2bService b2b, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(b2b, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoProfiles(B2bService b2b, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.b2b = b2b;
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
        // the profiles stay: they are data like any other
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the referenced services go away after this returns: the seeding must not outlive them
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        if (!Workers.stop(worker, Duration.ofSeconds(STOP_WAIT_SECONDS))) {
            LOG.warn("B2B demo profile loading did not stop within {} s", STOP_WAIT_SECONDS);
        }
    }

    private void seedFromBundle() {
        try {
            Result r = seed(read(DemoProfiles.class.getClassLoader()));
            LOG.info("B2B demo profiles: {} created, {} already present, {} failed", r.created(), r.existing(),
                    r.failed());
        } catch (RuntimeException e) {
            LOG.warn("B2B demo profiles were not loaded: {}", e.toString());
        }
    }

    static List<DemoProfile> read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unknown fields are refused, so a typo in the file shows in the tests rather than as a missing value. */
    static List<DemoProfile> read(InputStream in) throws IOException {
        DemoFile file = JSON.readValue(in, DemoFile.class);
        return file.profiles() == null ? List.of() : List.copyOf(file.profiles());
    }

    /** Creates the profiles that are not there yet; each failure is logged and counted, never thrown. */
    Result seed(List<DemoProfile> profiles) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (DemoProfile d : profiles) {
            if (worker.isShutdown()) {
                LOG.info("B2B demo profile loading stopped: the bundle is stopping");
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
                LOG.warn("B2B demo profile '{}' was not loaded: {}", d.title(), reason(e));
            }
        }
        return new Result(created, existing, failed);
    }

    /** True when created; false when its organisation already has a profile of that title. */
    private boolean seed(DemoProfile d) {
        if (d.profile() == null || d.title() == null) {
            throw new IllegalArgumentException("the entry has no profile or no title");
        }
        ProfileStatus target = d.status() == null ? ProfileStatus.PUBLISHED : d.status();
        if (target != ProfileStatus.DRAFT && target != ProfileStatus.SUBMITTED && target != ProfileStatus.PUBLISHED) {
            throw new IllegalArgumentException("status must be DRAFT, SUBMITTED or PUBLISHED, not " + target);
        }
        UUID association = associationBySlug.apply(d.association())
                .orElseThrow(() -> new IllegalStateException("no association with the slug '" + d.association() + "'"));
        Organisation owner = organisation(association, d.organisation())
                .orElseThrow(() -> new IllegalStateException("no organisation '" + d.organisation() + "' in '"
                        + d.association() + "'"));
        // the association admin acting for the owner: the platform itself, so nobody is notified
        Caller caller = new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), association, owner.id(),
                Set.of(Role.ASSOCIATION_ADMIN));
        boolean present = b2b.mine(caller).stream()
                .anyMatch(p -> p.owner() != null && owner.id().equals(p.owner().organisationId())
                        && d.title().equals(p.title()));
        if (present) {
            return false;
        }
        Profile p = b2b.create(caller, withOwner(d.profile(), owner.id()));
        if (target != ProfileStatus.DRAFT) {
            b2b.submit(caller, p.id());
        }
        if (target == ProfileStatus.PUBLISHED) {
            b2b.approve(caller, p.id());
        }
        return true;
    }

    /** By exact name: the directory's text filter also matches parts of names and other fields. */
    private Optional<Organisation> organisation(UUID association, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        OrganisationFilter filter = new OrganisationFilter(name, null, null, null, null, association);
        return directory.organisations(Caller.SYSTEM, filter, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(o -> name.equals(o.name()))
                .findFirst();
    }

    private static ProfileInput withOwner(ProfileInput in, UUID organisationId) {
        return new ProfileInput(organisationId.toString(), in.type(), in.title(), in.summary(), in.description(),
                in.innovation(), in.stage(), in.ipr(), in.technologyKeywords(), in.marketKeywords(), in.naceCodes(),
                in.partnerSought(), in.partnershipTypes(), in.targetCountries(), in.expiresOn(), in.language(),
                in.contactName(), in.contactEmail(), in.contactPhone());
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage() + " " + v.errors();
        }
        return e instanceof DanubiaException ? e.getMessage() : e.toString();
    }
}
