package eu.danubia.matching.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.matching.ProfileSource;
import eu.danubia.api.security.Caller;
import eu.danubia.matching.internal.calls.CallMatcher;
import eu.danubia.matching.internal.index.ProfileIndex;

/**
 * The engine as a service. Profile changes are queued and applied by one thread in batches, so a
 * mode never waits for an embedding; a mode's profiles are read when its {@link ProfileSource}
 * arrives (only new or changed ones are embedded again).
 */
@Component(service = { MatchingService.class, MatchingAdmin.class }, immediate = true, configurationPid = MatchingConfig.PID)
@Designate(ocd = MatchingConfig.class)
public class MatchingComponent implements MatchingService, MatchingAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingComponent.class);

    private final MatchingEngine engine;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "danubia-matching");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<UUID, CooperationProfile> pending = new LinkedHashMap<>();
    private final List<ProfileSource> sources = new CopyOnWriteArrayList<>();
    private final int exactScanMax;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CooperationMode> modes = new CopyOnWriteArrayList<>();

    @Activate
    public MatchingComponent(MatchingConfig config) {
        this.exactScanMax = config.exactScanMax();
        Path data = Path.of(System.getProperty("karaf.data", "data"), "danubia", "matching");
        this.engine = new MatchingEngine(settings(config), data, Clock.systemUTC());
        if (config.warmUp()) {
            // its own thread: profile changes are not held up by the reference texts
            Thread t = new Thread(this::warmUp, "danubia-matching-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    static MatchingEngine.Settings settings(MatchingConfig c) {
        return new MatchingEngine.Settings(c.exactScanMax(), c.efSearch(), c.threads(),
                new ProfileScorer.Weights(c.semanticWeight(), c.lexicalWeight(), c.keywordsWeight(), c.naceWeight(),
                        c.valueChainWeight(), c.crossBorderWeight(), c.recencyWeight(), c.recencyHalfLifeDays()),
                new CallMatcher.Weights(c.callSemanticWeight(), c.callLexicalWeight(), c.callSimilarProjectsWeight(),
                        c.callSimilarFamiliesWeight(), c.callYearPriorWeight(), c.callFamilyYearPriorWeight(),
                        c.callPriorWeight(), CallMatcher.Weights.DEFAULT.projectTemperature(),
                        CallMatcher.Weights.DEFAULT.familyTemperature(), CallMatcher.Weights.DEFAULT.hubNeighbours()));
    }

    private void warmUp() {
        try {
            engine.warmUp();
        } catch (RuntimeException e) {
            LOG.error("The matching engine could not load its models; it will try again on first use", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(ProfileSource source) {
        sources.add(source);
        worker.submit(() -> sync(source));
    }

    void removeSource(ProfileSource source) {
        sources.remove(source);
    }

    /** Indexes a mode's published profiles that are new or changed since the index last saw them. */
    private void sync(ProfileSource source) {
        try {
            boolean rebuild = engine.needsRebuild();
            if (rebuild) {
                engine.clear();
            }
            List<CooperationProfile> changed = new ArrayList<>();
            source.forEachPublished(p -> {
                if (rebuild || !engine.isIndexed(p)) {
                    changed.add(p);
                }
            });
            for (int from = 0; from < changed.size(); from += 256) {
                engine.apply(changed.subList(from, Math.min(changed.size(), from + 256)));
            }
            LOG.info("Matching index: {} new or changed {} profile(s) indexed", changed.size(), source.mode());
        } catch (RuntimeException e) {
            LOG.error("Cannot index the {} profiles", source.mode(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // no interrupt: the worker reads the modes' profiles from the database, and an interrupted
        // H2 read closes the database for every module (store's Workers.stop does the same; this
        // bundle does not depend on the store)
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Matching index updates still running after 30 s; left to finish");
        }
        engine.close();
    }

    // ---- MatchingService --------------------------------------------------------------------

    @Override
    public List<Match> recommend(Caller caller, CooperationProfile profile, int limit) {
        if (profile.status() != ProfileStatus.PUBLISHED && !caller.isPlatformAdmin() && !caller.belongsTo(profile.associationId())) {
            throw new ForbiddenException("recommendations for a profile that is not yours");
        }
        Optional<CooperationMode> mode = modes.stream().filter(m -> m.id().equals(profile.mode())).findFirst();
        Set<String> types = mode.map(m -> m.profileTypes().stream().filter(t -> m.matches(profile.type(), t))
                .collect(Collectors.toSet())).orElse(Set.of());
        return engine.recommend(profile, types, limit(limit));
    }

    @Override
    public List<Match> search(Caller caller, String text, Map<String, String> filters, int limit) {
        requireText(text);
        Direction direction = null;
        String d = filters.get("direction");
        if (d != null) {
            try {
                direction = Direction.valueOf(d.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("direction", "must be OFFER or REQUEST");
            }
        }
        ProfileIndex.Filter filter = new ProfileIndex.Filter(set(filters.get("mode")), set(filters.get("type")), direction,
                null, null, null);
        return engine.search(text, filter, filters.get("country"), limit(limit));
    }

    private static Set<String> set(String value) {
        return value == null || value.isBlank() ? null : Set.of(value);
    }

    @Override
    public Classification classify(String text, int limit) {
        requireText(text);
        return engine.classify(text, limit(limit));
    }

    @Override
    public List<CallMatch> recommendCalls(String text, int limit) {
        requireText(text);
        return engine.recommendCalls(text, limit(limit));
    }

    @Override
    public void profileChanged(CooperationProfile profile) {
        synchronized (pending) {
            boolean first = pending.isEmpty();
            pending.put(profile.id(), profile);
            if (first) {
                worker.submit(this::drain);
            }
        }
    }

    private void drain() {
        List<CooperationProfile> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        try {
            engine.apply(batch);
        } catch (RuntimeException e) {
            LOG.error("Cannot index {} changed profile(s); `danubia:reindex` rebuilds the index", batch.size(), e);
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "is required");
        }
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(100, limit));
    }

    // ---- MatchingAdmin ----------------------------------------------------------------------

    @Override
    public Status status() {
        return new Status(engine.loadedModels(), engine.indexedProfiles(),
                sources.stream().map(ProfileSource::mode).sorted().toList(), exactScanMax,
                String.valueOf(engine.indexDirectory()));
    }

    @Override
    public Reindexed reindex(Progress progress) {
        long t0 = System.currentTimeMillis();
        List<Supplier<List<CooperationProfile>>> all = new ArrayList<>();
        for (ProfileSource s : sources) {
            all.add(() -> {
                List<CooperationProfile> out = new ArrayList<>();
                s.forEachPublished(out::add);
                return out;
            });
        }
        // on the worker, so no queued change interleaves with the rebuild
        try {
            int n = worker.submit(() -> engine.rebuild(all, progress)).get();
            return new Reindexed(n, System.currentTimeMillis() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reindexing failed: " + e.getCause(), e.getCause());
        }
    }
}
