package eu.danubia.demo.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.store.Database;

/**
 * Loads the reference data and the demo data set once when the bundle starts (and again, finding
 * nothing to do, whenever the component is reactivated). Runs in its own thread so the framework's
 * start-up does not wait for it; the log says when it is done and what it did, and a marker service
 * with the property {@value #LOADED} appears, so operators and tests can tell the data is there.
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
    private final Thread thread;
    private final CompletableFuture<DemoLoader.Result> finished = new CompletableFuture<>();
    private final BundleContext context;
    private volatile ServiceRegistration<Object> marker;

    @Activate
    public DemoComponent(@Reference Database db, @Reference AccountService accounts,
            @Reference DirectoryService directory, DemoConfig config, BundleContext context) {
        this(db, accounts, directory, config, System.out, context);
    }

    DemoComponent(Database db, AccountService accounts, DirectoryService directory, DemoConfig config,
            PrintStream console) {
        this(db, accounts, directory, config, console, null);
    }

    private DemoComponent(Database db, AccountService accounts, DirectoryService directory, DemoConfig config,
            PrintStream console, BundleContext context) {
        this.context = context;
        this.db = db;
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = new DemoPasswords(config.password(), new SecureRandom());
        this.console = console;
        this.thread = new Thread(this::run, "danubia-demo-loader");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the referenced services go away after this returns: the loader must not outlive them
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        ServiceRegistration<Object> m = marker;
        if (m != null) {
            try {
                m.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        if (thread.isAlive()) {
            LOG.warn("Demo data loader did not stop within {} s", STOP_WAIT_SECONDS);
        }
    }

    /** Completes with the demo data result when the run ends (exceptionally when reference data failed). */
    CompletableFuture<DemoLoader.Result> finished() {
        return finished;
    }

    private void run() {
        long start = System.nanoTime();
        try {
            ReferenceData reference = ReferenceData.fromClasspath(DemoComponent.class.getClassLoader());
            ReferenceDataStore store = new ReferenceDataStore(db);
            ReferenceDataStore.Counts nuts = store.upsertNuts(reference.nuts());
            ReferenceDataStore.Counts nace = store.upsertNace(reference.nace());
            LOG.info("Reference data loaded: NUTS 2021 regions {}; NACE Rev.2 codes {}", nuts, nace);

            DemoLoader.Result result = new DemoLoader(accounts, directory, passwords)
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
            announce(result);
            finished.complete(result);
        } catch (RuntimeException | Error e) {
            LOG.error("Demo data loading failed", e);
            finished.completeExceptionally(e);
        }
    }

    private void announce(DemoLoader.Result result) {
        if (context != null && result.aborted() == null && !Thread.currentThread().isInterrupted()) {
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
