package eu.danubia.matching.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.matching.internal.calls.CallData;
import eu.danubia.matching.internal.calls.CallMatcher;
import eu.danubia.matching.internal.embed.EmbeddingCache;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.index.ProfileIndex;
import eu.danubia.matching.internal.sectors.SectorClassifier;

/**
 * The matching engine without OSGi: the models (loaded on first use), the profile index, the call
 * matcher and the sector classifier. Thread-safe.
 *
 * <p>Profiles are embedded with all-MiniLM-L6-v2 (one 384-dimension vector each, so the index stays
 * small and fast); the call matcher and the classifier combine both models, see docs/matching.md.
 */
public final class MatchingEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingEngine.class);

    /** Stored with each index commit: an index built with another model or layout is rebuilt. */
    static final String FINGERPRINT_KEY = "danubia.fingerprint";
    static final String FINGERPRINT = "profiles-v1/" + Model.MINILM.name();

    /** Candidates gathered from each of the vector and the lexical search before scoring. */
    static final int CANDIDATES = 50;

    /**
     * @param exactScanMax up to this many candidate profiles the vector search is exact, beyond it HNSW
     * @param efSearch HNSW candidates per search
     * @param threads ONNX Runtime threads per model run (0 = all cores)
     */
    public record Settings(int exactScanMax, int efSearch, int threads, ProfileScorer.Weights profileWeights,
            CallMatcher.Weights callWeights) {

        public static Settings defaults() {
            return new Settings(20_000, 100, 0, new ProfileScorer.Weights(0.40, 0.15, 0.15, 0.10, 0.05, 0.10, 0.05, 90),
                    CallMatcher.Weights.DEFAULT);
        }
    }

    private final Settings settings;
    private final Path dataDir;
    private final Clock clock;
    private final ProfileIndex index;
    private final EmbeddingCache cache;
    private final Lazy<Void> natives;
    private final Lazy<SentenceEncoder> minilm;
    private final Lazy<SentenceEncoder> bge;
    private final Lazy<CallMatcher> calls;
    private final Lazy<SectorClassifier> sectors;

    /**
     * @param dataDir where the index, the natives and the cached reference embeddings go; null keeps
     *        everything in memory and extracts the natives to the temporary directory
     */
    public MatchingEngine(Settings settings, Path dataDir, Clock clock) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.clock = clock;
        this.cache = new EmbeddingCache(dataDir == null ? null : dataDir.resolve("embeddings"));
        this.natives = new Lazy<>(() -> {
            OnnxNatives.extract(dataDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "danubia-onnxruntime")
                    : dataDir.resolve("onnxruntime"));
            return null;
        });
        this.minilm = new Lazy<>(() -> load(Model.MINILM));
        this.bge = new Lazy<>(() -> load(Model.BGE));
        this.calls = new Lazy<>(() -> {
            try {
                return new CallMatcher(CallData.bundledTopics(), CallData.bundledProjects(), List.of(minilm.get(), bge.get()),
                        cache, settings.callWeights());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.sectors = new Lazy<>(() -> SectorClassifier.bundled(List.of(minilm.get(), bge.get()), cache));
        this.index = ProfileIndex.open(dataDir == null ? null : dataDir.resolve("index"), 384, settings.exactScanMax(),
                ProfileIndex.Tuning.DEFAULT.withEfSearch(settings.efSearch()));
    }

    private SentenceEncoder load(Model model) {
        natives.get();
        long t0 = System.nanoTime();
        SentenceEncoder e = SentenceEncoder.load(model, settings.threads());
        LOG.info("Loaded the {} model in {} ms", model, (System.nanoTime() - t0) / 1_000_000);
        return e;
    }

    /** Loads the models and the reference embeddings now rather than on first use. */
    public void warmUp() {
        long t0 = System.nanoTime();
        calls.get();
        sectors.get();
        LOG.info("Matching engine ready in {} s", (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Whether the index was built with another model or layout (or is new) and must be rebuilt. */
    public boolean needsRebuild() {
        return !FINGERPRINT.equals(index.userData().get(FINGERPRINT_KEY));
    }

    public List<String> loadedModels() {
        List<String> out = new ArrayList<>();
        minilm.ifLoaded(e -> out.add(e.model().name()));
        bge.ifLoaded(e -> out.add(e.model().name()));
        return out;
    }

    /** Whether the index holds this version of the profile (same update time). */
    public boolean isIndexed(CooperationProfile p) {
        return index.get(p.id()).map(q -> java.util.Objects.equals(q.updatedAt(), p.updatedAt())).orElse(false);
    }

    public int indexedProfiles() {
        return index.size();
    }

    public Path indexDirectory() {
        return dataDir == null ? null : dataDir.resolve("index");
    }

    // ---- profiles ---------------------------------------------------------------------------

    /**
     * Counterparts of a profile, best first: published, not expired, of another organisation, of the
     * opposite direction and of a type the mode pairs with this one. Text similarity only ranks those.
     *
     * @param counterpartTypes the profile types the profile's mode matches it with
     */
    public List<Match> recommend(CooperationProfile p, Set<String> counterpartTypes, int limit) {
        if (counterpartTypes.isEmpty()) {
            return List.of();
        }
        Direction opposite = p.direction() == Direction.OFFER ? Direction.REQUEST : Direction.OFFER;
        ProfileIndex.Filter filter = new ProfileIndex.Filter(Set.of(p.mode()), counterpartTypes, opposite, today(),
                p.organisationId(), p.id());
        float[] vector = index.vector(p.id()).orElseGet(() -> minilm.get().embed(ProfileText.of(p)));
        ProfileScorer scorer = new ProfileScorer(settings.profileWeights(), clock.instant());
        Candidates c = candidates(vector, ProfileText.of(p), filter, CANDIDATES);
        List<Match> out = new ArrayList<>();
        for (UUID id : c.ids()) {
            Optional<CooperationProfile> q = index.get(id);
            // the filter already holds these rules; checked again because they must never be left to ranking
            if (q.isPresent() && counterpart(p, q.get(), opposite, counterpartTypes)) {
                out.add(scorer.score(p, q.get(), c.cosine(id), c.lexical(id)));
            }
        }
        return best(out, limit);
    }

    private boolean counterpart(CooperationProfile p, CooperationProfile q, Direction opposite, Set<String> types) {
        return q.status() == ProfileStatus.PUBLISHED && q.direction() == opposite && types.contains(q.type())
                && p.mode().equals(q.mode()) && !q.id().equals(p.id())
                && (q.organisationId() == null || !q.organisationId().equals(p.organisationId()))
                && (q.expiresOn() == null || !q.expiresOn().isBefore(today()));
    }

    /**
     * Published profiles for a free text, by meaning and by words.
     *
     * @param country only profiles of this country, or null
     */
    public List<Match> search(String text, ProfileIndex.Filter filter, String country, int limit) {
        ProfileIndex.Filter f = new ProfileIndex.Filter(filter.modes(), filter.types(), filter.direction(), today(),
                null, null);
        Candidates c = candidates(minilm.get().embed(text), text, f, Math.max(CANDIDATES, 4 * limit));
        ProfileScorer.Weights w = settings.profileWeights();
        double total = w.semantic() + w.lexical();
        List<Match> out = new ArrayList<>();
        for (UUID id : c.ids()) {
            Optional<CooperationProfile> q = index.get(id);
            if (q.isEmpty() || (country != null && !country.equals(q.get().country()))) {
                continue;
            }
            double cos = Math.max(0, c.cosine(id));
            double lex = c.lexical(id);
            List<MatchReason> reasons = new ArrayList<>();
            reasons.add(new MatchReason("semantic", ProfileScorer.round(cos), w.semantic(), "similar meaning"));
            if (lex > 0) {
                reasons.add(new MatchReason("lexical", ProfileScorer.round(lex), w.lexical(), "words of your search"));
            }
            out.add(new Match(id, q.get().title(), ProfileScorer.round((w.semantic() * cos + w.lexical() * lex) / total), reasons));
        }
        return best(out, limit);
    }

    /** The union of the nearest vectors and the best BM25 hits, with both scores of each. */
    private Candidates candidates(float[] vector, String text, ProfileIndex.Filter filter, int k) {
        Map<UUID, Float> cosine = new LinkedHashMap<>();
        for (ProfileIndex.Hit h : index.nearest(vector, filter, k)) {
            cosine.put(h.id(), h.score());
        }
        Map<UUID, Float> lexical = new HashMap<>();
        List<ProfileIndex.Hit> words = index.lexical(text, filter, k);
        float best = words.isEmpty() ? 1 : Math.max(words.get(0).score(), 1e-6f);
        for (ProfileIndex.Hit h : words) {
            lexical.put(h.id(), h.score() / best);
            if (!cosine.containsKey(h.id())) {
                cosine.put(h.id(), index.vector(h.id()).map(v -> SentenceEncoder.cosine(v, vector)).orElse(0f));
            }
        }
        return new Candidates(cosine, lexical);
    }

    private record Candidates(Map<UUID, Float> cosines, Map<UUID, Float> lexicals) {
        Collection<UUID> ids() {
            return cosines.keySet();
        }

        double cosine(UUID id) {
            return cosines.getOrDefault(id, 0f);
        }

        double lexical(UUID id) {
            return lexicals.getOrDefault(id, 0f);
        }
    }

    private static List<Match> best(List<Match> matches, int limit) {
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.id().toString()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    /** Empties the index (before it is filled with vectors of another model). */
    public void clear() {
        index.removeAll();
        index.commit(Map.of());
    }

    /** Indexes the published profiles among the changes and drops the others; one commit for all. */
    public void apply(List<CooperationProfile> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<CooperationProfile> published = changes.stream().filter(p -> p.status() == ProfileStatus.PUBLISHED).toList();
        float[][] vectors = published.isEmpty() ? new float[0][]
                : minilm.get().embed(published.stream().map(ProfileText::of).toList());
        int i = 0;
        for (CooperationProfile p : changes) {
            if (p.status() == ProfileStatus.PUBLISHED) {
                index.upsert(p, vectors[i++]);
            } else {
                index.remove(p.id());
            }
        }
        index.commit(Map.of(FINGERPRINT_KEY, FINGERPRINT));
    }

    /**
     * Empties the index and fills it from the given profiles (the published ones), in batches.
     *
     * @param progress told (done, total) after every batch
     */
    public int rebuild(List<Supplier<List<CooperationProfile>>> sources, MatchingAdmin.Progress progress) {
        List<CooperationProfile> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.get()));
        List<CooperationProfile> published = all.stream().filter(p -> p.status() == ProfileStatus.PUBLISHED).toList();
        index.removeAll();
        progress.update(0, published.size());
        int batch = 32;
        for (int from = 0; from < published.size(); from += batch) {
            List<CooperationProfile> part = published.subList(from, Math.min(published.size(), from + batch));
            float[][] vectors = minilm.get().embed(part.stream().map(ProfileText::of).toList());
            for (int i = 0; i < part.size(); i++) {
                index.upsert(part.get(i), vectors[i]);
            }
            progress.update(from + part.size(), published.size());
        }
        index.commit(Map.of(FINGERPRINT_KEY, FINGERPRINT));
        return published.size();
    }

    // ---- classification and calls -----------------------------------------------------------

    public Classification classify(String text, int limit) {
        return sectors.get().classify(text, limit);
    }

    public List<CallMatch> recommendCalls(String text, int limit) {
        return calls.get().recommend(text, limit);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public void close() {
        minilm.ifLoaded(SentenceEncoder::close);
        bge.ifLoaded(SentenceEncoder::close);
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing the profile index failed: {}", e.toString());
        }
    }

    /** A value computed once, on first use; a failure is retried on the next use. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;
        private volatile boolean done;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (!done) {
                synchronized (this) {
                    if (!done) {
                        value = make.get();
                        done = true;
                    }
                }
            }
            return value;
        }

        void ifLoaded(Consumer<T> use) {
            if (done && value != null) {
                use.accept(value);
            }
        }
    }
}
