package eu.danubia.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.Cluster;
import eu.danubia.api.DanubiaException;
import eu.danubia.api.Organisation;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * What the cooperation modes' demo seeders share: each is a component that waits for the demo
 * bundle's {@link #MARKER} service (its own dynamic optional {@code @Reference}: DS annotations are
 * not inherited, so every component keeps it), then reads its demo file and creates its items one by
 * one through its mode's service, on one daemon worker thread of its own, since the SCR thread that
 * binds the marker must not wait for the database. A component holds one {@code DemoSeeding}, calls
 * {@link #start} from the bind method, {@link #seedEach} for each list of items, and {@link #stop}
 * from its {@code @Deactivate}, which lets a running item finish and never interrupts (see
 * {@link Workers}).
 */
public final class DemoSeeding {

    /** The demo bundle's marker service: registered once its data set has been loaded. */
    public static final String MARKER = "(danubia.demo=loaded)";

    /** How long {@link #stop} waits for the item being created. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** The outcome of seeding: items created, items that were already there, items that failed. */
    public record Result(int created, int existing, int failed) {

        public Result plus(Result other) {
            return new Result(created + other.created, existing + other.existing, failed + other.failed);
        }
    }

    /** Creates one item unless it is there already. */
    @FunctionalInterface
    public interface Seed<T> {

        /** True when created, false when already present; throws when it cannot be created. */
        boolean seed(T item);
    }

    /** Reads a demo file: the modules parse with their own JSON library. */
    @FunctionalInterface
    public interface Parser<T> {

        T parse(InputStream in) throws IOException;
    }

    private final Logger log;
    private final String name;
    private final ExecutorService worker;

    /**
     * @param owner the component, whose logger is used
     * @param name what is seeded, for the log, e.g. {@code "B2B demo profiles"}
     * @param threadName the worker thread's name
     */
    public DemoSeeding(Class<?> owner, String name, String threadName) {
        this.log = LoggerFactory.getLogger(owner);
        this.name = name;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the work on the worker thread and returns at once; a {@link RuntimeException} it throws is
     * logged. Once stopped, does nothing: the next activation sees the marker again.
     */
    public void start(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("{} could not be loaded: {}", name, e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // deactivated meanwhile
        }
    }

    /**
     * Lets the running item finish, starts no other, and waits up to {@link #STOP_WAIT}. Never
     * interrupts: H2 closes the database when a writing thread is interrupted (see {@link Workers}).
     */
    public void stop() {
        if (!Workers.stop(worker, STOP_WAIT)) {
            log.warn("{} loading did not stop within {} s", name, STOP_WAIT.toSeconds());
        }
    }

    /** True once {@link #stop} has been called: the seeding ends before its next item. */
    public boolean isStopping() {
        return worker.isShutdown();
    }

    /**
     * Seeds the items in order (none when {@code items} is null) and counts them; an item that throws
     * is logged with its label and the reason and counted as failed, never thrown, and the others are
     * still seeded. Stops before the next item once {@link #stop} was called.
     *
     * @param label names an item in the log, e.g. {@code "B2B demo profile 'Solar inverters'"}
     */
    public <T> Result seedEach(List<T> items, Function<T, String> label, Seed<T> seed) {
        int created = 0;
        int existing = 0;
        int failed = 0;
        List<T> all = items == null ? List.of() : items;
        for (int i = 0; i < all.size(); i++) {
            T item = all.get(i);
            if (isStopping()) {
                log.info("{} and the {} after it were not loaded: the bundle is stopping", label.apply(item),
                        all.size() - i - 1);
                break;
            }
            try {
                if (seed.seed(item)) {
                    created++;
                } else {
                    existing++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("{} was not loaded: {}", label.apply(item), reason(e));
            }
        }
        return new Result(created, existing, failed);
    }

    /** Logs what a seeding did: {@code "<what>: 3 created, 0 already present, 1 failed"}. */
    public void summary(String what, Result r) {
        log.info("{}: {} created, {} already present, {} failed", what, r.created(), r.existing(), r.failed());
    }

    /** Reads a resource of the caller's bundle; its absence is an {@link IllegalStateException}. */
    public static <T> T read(ClassLoader loader, String resource, Parser<T> parser) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why an item failed, for the log: the message of our own exceptions, with a validation's errors. */
    public static String reason(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage() + " " + v.errors();
        }
        return e instanceof DanubiaException ? e.getMessage() : e.toString();
    }

    /**
     * An association's admin acting on behalf of the platform (the {@link Caller#SYSTEM} user), so
     * that the usual validation applies and nobody is notified.
     *
     * @param organisation the organisation acted for, or null
     */
    public static Caller admin(UUID association, UUID organisation) {
        return new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), association, organisation,
                Set.of(Role.ASSOCIATION_ADMIN));
    }

    /**
     * The demo data set's associations, organisations and clusters, named in the demo files by the
     * association's slug and their exact name. Each lookup throws an {@link IllegalStateException}
     * naming what is missing.
     */
    public record Names(DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {

        public UUID association(String slug) {
            return associationBySlug.apply(slug)
                    .orElseThrow(() -> new IllegalStateException("no association with the slug '" + slug + "'"));
        }

        /** By exact name: the directory's text filter also matches parts of names and other fields. */
        public Organisation organisation(String slug, String name) {
            UUID association = association(slug);
            return Optional.ofNullable(name).filter(n -> !n.isBlank())
                    .flatMap(n -> directory.organisations(Caller.SYSTEM,
                            new OrganisationFilter(n, null, null, null, null, association),
                            new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                            .filter(o -> n.equals(o.name())).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no organisation '" + name + "' in '" + slug + "'"));
        }

        /** By exact name, as {@link #organisation}. */
        public Cluster cluster(String slug, String name) {
            UUID association = association(slug);
            return Optional.ofNullable(name).filter(n -> !n.isBlank())
                    .flatMap(n -> directory.clusters(Caller.SYSTEM, new ClusterFilter(n, null, null, association),
                            new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                            .filter(k -> n.equals(k.name())).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no cluster '" + name + "' in '" + slug + "'"));
        }
    }
}
