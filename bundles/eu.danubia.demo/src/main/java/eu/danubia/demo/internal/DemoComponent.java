package eu.danubia.demo.internal;

import java.time.Duration;

import eu.danubia.store.Workers;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.security.AccountService;
import eu.danubia.store.Database;

/**
 * Loads the reference data and the demo data set once when the bundle starts (and again, finding
 * nothing to do, whenever the component is reactivated). Runs in its own thread so the framework's
 * start-up does not wait for it; the log says when it is done and what it did, and a marker service
 * with the property {@value #LOADED} appears, so operators and tests can tell the data is there.
 *
 * <p>When the ingest service is installed (optional: the demo works without it), the same thread
 * then writes the demo financial data ({@link DemoFinancials}) through it, before the marker
 * appears. An ingest service that arrives later gets them on that thread too.
 */
@Component(name = DemoComponent.PID, configurationPid = DemoComponent.PID, immediate = true, service = {})
@Designate(ocd = DemoConfig.class)
public class DemoComponent {

    public static final String PID = "eu.danubia.demo";

    /** Service property (value {@code loaded}) of the marker registered when loading has finished. */
    public static final String LOADED = "danubia.demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoComponent.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final Database db;
    private final AccountService accounts;
    private final DirectoryService directory;
    private final DemoPasswords passwords;
    private final PrintStream console;
    private final boolean financials;
    /** One thread for everything this component writes, so that runs never overlap. */
    private final ExecutorService worker;
    private final CompletableFuture<DemoLoader.Result> finished = new CompletableFuture<>();
    private final BundleContext context;
    private volatile ServiceRegistration<Object> marker;
    private volatile IngestService ingest;
    /** Only touched on the worker thread. */
    private ReferenceData reference;
    private IngestService financialsWrittenTo;
    private volatile DemoFinancials.Result financialsResult;

    @Activate
    public DemoComponent(@Reference Database db, @Reference AccountService accounts,
            @Reference DirectoryService directory, DemoConfig config, BundleContext context) {
        this(db, accounts, directory, null, config, System.out, context);
    }

    DemoComponent(Database db, AccountService accounts, DirectoryService directory, DemoConfig config,
            PrintStream console) {
        this(db, accounts, directory, null, config, console);
    }

    DemoComponent(Database db, AccountService accounts, DirectoryService directory, IngestService ingest,
            DemoConfig config, PrintStream console) {
        this(db, accounts, directory, ingest, config, console, null);
    }

    private DemoComponent(Database db, AccountService accounts, DirectoryService directory, IngestService ingest,
            DemoConfig config, PrintStream console, BundleContext context) {
        this.context = context;
        this.db = db;
        this.accounts = accounts;
        this.directory = directory;
        this.ingest = ingest;
        this.passwords = new DemoPasswords(config.password(), new SecureRandom());
        this.console = console;
        this.financials = config.financials();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "danubia-demo-loader");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::run);
    }

    /** Optional and dynamic: the demo works without the ingest feature, and writes the financial data when it comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIngest(IngestService service) {
        ingest = service;
        if (financials) {
            try {
                // after the first run, which writes to this service already if it was bound in time
                worker.execute(this::writeFinancials);
            } catch (RejectedExecutionException stopped) {
                // deactivated meanwhile
            }
        }
    }

    void unbindIngest(IngestService service) {
        if (ingest == service) {
            ingest = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the referenced services go away after this returns: the loader must not outlive them
        // no interrupt: H2 closes the database when a writing thread is interrupted (see Workers)
        boolean stopped = Workers.stop(worker, Duration.ofSeconds(STOP_WAIT_SECONDS));
        ServiceRegistration<Object> m = marker;
        if (m != null) {
            try {
                m.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        if (!stopped) {
            LOG.warn("Demo data loader did not stop within {} s", STOP_WAIT_SECONDS);
        }
    }

    /** Completes with the demo data result when the run ends (exceptionally when reference data failed). */
    CompletableFuture<DemoLoader.Result> finished() {
        return finished;
    }

    /** What the last financial data run stored, or null before one ran. */
    DemoFinancials.Result financialsResult() {
        return financialsResult;
    }

    private void run() {
        long start = System.nanoTime();
        try {
            reference = ReferenceData.fromClasspath(DemoComponent.class.getClassLoader());
            ReferenceDataStore store = new ReferenceDataStore(db);
            ReferenceDataStore.Counts nuts = store.upsertNuts(reference.nuts());
            ReferenceDataStore.Counts nace = store.upsertNace(reference.nace());
            LOG.info("Reference data loaded: NUTS 2021 regions {}; NACE Rev.2 codes {}", nuts, nace);

            DemoLoader.Result result = new DemoLoader(accounts, directory, passwords, worker::isShutdown)
                    .load(DemoDataSet.fromClasspath(DemoComponent.class.getClassLoader()));
            showGeneratedPasswords(result);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (result.aborted() != null) {
                LOG.error("Demo data loading stopped after {} ms: {}", ms, result, result.aborted());
            } else if (result.failed() > 0) {
                LOG.warn("Demo data loaded in {} ms with failures (see above): {}", ms, result);
            } else {
                LOG.info("Demo data loaded in {} ms: {}", ms, result);
            }
            if (financials && result.aborted() == null) {
                writeFinancials();
            }
            announce(result);
            finished.complete(result);
        } catch (RuntimeException | Error e) {
            LOG.error("Demo data loading failed", e);
            finished.completeExceptionally(e);
        }
    }

    /**
     * Writes the demo financial data to the bound ingest service, unless this run already wrote
     * them to that very service. A failure is logged; the rest of the demo is not affected.
     */
    private void writeFinancials() {
        IngestService target = ingest;
        if (target == null || target == financialsWrittenTo || worker.isShutdown()) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (reference == null) {
                reference = ReferenceData.fromClasspath(DemoComponent.class.getClassLoader());
            }
            DemoFinancials.Data data = DemoFinancials.generate(
                    DemoDataSet.fromClasspath(DemoComponent.class.getClassLoader()), reference.nuts());
            DemoFinancials.Result r = DemoFinancials.store(target, data, worker::isShutdown);
            if (worker.isShutdown()) {
                LOG.info("Demo financial data stopped on deactivation after {}", r);
                return;
            }
            financialsWrittenTo = target;
            financialsResult = r;
            LOG.info("Demo financial data (source '{}', invented) written in {} ms: {}", DemoFinancials.SOURCE,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), r);
        } catch (RuntimeException e) {
            LOG.error("Demo financial data could not be written", e);
        }
    }

    private void announce(DemoLoader.Result result) {
        if (context != null && result.aborted() == null && !worker.isShutdown()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(LOADED, "loaded");
            props.put("danubia.demo.result", result.toString());
            marker = context.registerService(Object.class, new Object(), props);
        }
    }

    private void showGeneratedPasswords(DemoLoader.Result result) {
        if (!result.generated().isEmpty()) {
            console.print(DemoPasswords.banner(result.generated()));
            console.flush();
            LOG.warn("{}", DemoPasswords.logLine(result.generated()));
        } else if (passwords.isConfigured() && result.users().created() > 0) {
            LOG.info("{} demo administrators created with the configured password", result.users().created());
        }
    }
}
