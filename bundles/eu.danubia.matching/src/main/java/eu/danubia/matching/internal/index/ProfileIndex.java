package eu.danubia.matching.internal.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilteredDocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.matching.internal.text.Lexical;

/**
 * The published cooperation profiles of every mode in one Lucene index: their text for BM25 and one
 * unit-length sentence vector each for nearest-neighbour search (HNSW, dot product = cosine).
 *
 * <p><b>Visibility.</b> A write only marks the index as changed; the next read (search, {@link #get},
 * {@link #size}) refreshes the near-real-time searcher first. So every change is visible to the next
 * search, as if the searcher were refreshed after each write, but a batch of writes with no read in
 * between costs one refresh instead of one small segment per profile (a reindex of 100k profiles would
 * otherwise flush 100k one-document segments, each with its own graph, and then merge them).
 *
 * <p><b>Durability.</b> Only {@link #commit} is durable. {@link #close} drops what was not committed,
 * so the user data of a commit always describes exactly the documents of that commit (the engine keeps
 * its model fingerprint there; documents embedded by another model must never be reopened under it).
 *
 * <p><b>Filters</b> become one bit set per segment before a search ({@link Candidates}), so the number of
 * candidates is known exactly (it decides between the exact scan and the graph) and the graph search gets
 * its filter without re-evaluating it document by document.
 *
 * <p>Thread-safe: any number of threads may search while others write.
 */
public final class ProfileIndex implements Closeable {

    static final String ID = "id";
    static final String ID_BYTES = "id_bytes";
    static final String MODE = "mode";
    static final String TYPE = "type";
    static final String DIRECTION = "direction";
    static final String STATUS = "status";
    static final String ASSOCIATION = "association";
    static final String ORGANISATION = "organisation";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String KEYWORDS = "keywords";
    static final String NACE = "nace";
    static final String COUNTRY = "country";
    static final String TARGET_COUNTRY = "target_country";
    static final String EXPIRES = "expires";
    static final String EXPIRES_ON = "expires_on";
    static final String UPDATED_AT = "updated_at";
    static final String VECTOR = "vector";

    /** A title says what the profile is about more densely than its summary. */
    static final float TITLE_BOOST = 2f;

    /**
     * How the vectors are indexed and searched.
     *
     * @param maxConn HNSW neighbours per node (M)
     * @param beamWidth candidates considered while inserting a node
     * @param efSearch candidates gathered by a graph search before the best k are kept
     * @param ramBufferMb indexing buffer; larger means fewer segments when many profiles arrive at once
     * @param mergeWorkers threads that build the graph of a merged segment (1 = the merging thread)
     */
    public record Tuning(int maxConn, int beamWidth, int efSearch, double ramBufferMb, int mergeWorkers) {

        public static final Tuning DEFAULT = new Tuning(16, 100, 100, 64, 1);

        public Tuning {
            if (maxConn < 2 || beamWidth < 1 || efSearch < 1 || ramBufferMb <= 0 || mergeWorkers < 1) {
                throw new IllegalArgumentException("invalid tuning " + maxConn + "/" + beamWidth + "/" + efSearch
                        + "/" + ramBufferMb + "/" + mergeWorkers);
            }
        }

        public Tuning withEfSearch(int ef) {
            return new Tuning(maxConn, beamWidth, ef, ramBufferMb, mergeWorkers);
        }

        public Tuning withRamBufferMb(double mb) {
            return new Tuning(maxConn, beamWidth, efSearch, mb, mergeWorkers);
        }

        public Tuning withGraph(int m, int beam) {
            return new Tuning(m, beam, efSearch, ramBufferMb, mergeWorkers);
        }

        public Tuning withMergeWorkers(int workers) {
            return new Tuning(maxConn, beamWidth, efSearch, ramBufferMb, workers);
        }
    }

    /** One result: cosine similarity for the vector searches, BM25 score for {@link #lexical}. */
    public record Hit(UUID id, float score) {
    }

    /**
     * Which profiles a search may return; {@code null} leaves that field unconstrained, an empty set
     * allows nothing.
     *
     * @param notExpiredOn only profiles with {@code expiresOn} on or after this day, or without one
     */
    public record Filter(Set<String> modes, Set<String> types, Direction direction, LocalDate notExpiredOn,
            UUID excludeOrganisation, UUID excludeProfile) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        public Filter {
            modes = modes == null ? null : Set.copyOf(modes);
            types = types == null ? null : Set.copyOf(types);
        }
    }

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Candidates candidates = new Candidates();
    private final ExecutorService mergeExecutor;
    private final int dimensions;
    private final int exactScanMax;
    private volatile int efSearch;
    private volatile Map<String, String> committed;

    /** Writes so far, and how many of them the current searcher is known to see. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refreshed = new AtomicLong();

    private ProfileIndex(Directory directory, Analyzer analyzer, IndexWriter writer, ExecutorService mergeExecutor,
            int dimensions, int exactScanMax, int efSearch) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.mergeExecutor = mergeExecutor;
        this.dimensions = dimensions;
        this.exactScanMax = exactScanMax;
        this.efSearch = efSearch;
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        this.committed = Map.copyOf(data);
        this.searchers = new SearcherManager(writer, null);
    }

    /** {@link #open(Path, int, int, Tuning)} with the default tuning. */
    public static ProfileIndex open(Path dir, int dimensions, int exactScanMax) {
        return open(dir, dimensions, exactScanMax, Tuning.DEFAULT);
    }

    /**
     * Opens (or creates) the index.
     *
     * @param dir where it is kept; {@code null} keeps it in memory
     * @param dimensions the length of every vector
     * @param exactScanMax up to this many candidate profiles (those passing the filter) a vector search
     *        compares all of them instead of walking the graph
     */
    public static ProfileIndex open(Path dir, int dimensions, int exactScanMax, Tuning tuning) {
        if (dimensions < 1 || exactScanMax < 0) {
            throw new IllegalArgumentException("dimensions " + dimensions + ", exactScanMax " + exactScanMax);
        }
        Objects.requireNonNull(tuning, "tuning");
        ExecutorService merges = tuning.mergeWorkers() > 1 ? Executors.newFixedThreadPool(tuning.mergeWorkers(), r -> {
            Thread t = new Thread(r, "profile-index-merge");
            t.setDaemon(true);
            return t;
        }) : null;
        Directory directory = null;
        Analyzer analyzer = Lexical.analyzer();
        try {
            if (dir == null) {
                directory = new ByteBuffersDirectory();
            } else {
                Files.createDirectories(dir);
                directory = FSDirectory.open(dir);
            }
            KnnVectorsFormat vectors = merges == null
                    ? new Lucene99HnswVectorsFormat(tuning.maxConn(), tuning.beamWidth())
                    : new Lucene99HnswVectorsFormat(tuning.maxConn(), tuning.beamWidth(), tuning.mergeWorkers(), merges);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(tuning.ramBufferMb())
                    // the graph parameters are per segment, written into it; reading needs only the format's name
                    .setCodec(new Lucene912Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return vectors;
                        }
                    });
            IndexWriter writer = new IndexWriter(directory, config);
            return new ProfileIndex(directory, analyzer, writer, merges, dimensions, exactScanMax, tuning.efSearch());
        } catch (IOException e) {
            closeQuietly(directory);
            analyzer.close();
            if (merges != null) {
                merges.shutdownNow();
            }
            throw new UncheckedIOException("cannot open the profile index at " + dir, e);
        }
    }

    public int dimensions() {
        return dimensions;
    }

    public int efSearch() {
        return efSearch;
    }

    /** Changes how many candidates the next graph searches gather (at least k). */
    public void efSearch(int ef) {
        if (ef < 1) {
            throw new IllegalArgumentException("efSearch " + ef);
        }
        this.efSearch = ef;
    }

    // ---------------------------------------------------------------- writes

    /** Adds the profile, or replaces the one with the same id. */
    public void upsert(CooperationProfile p, float[] vector) {
        Objects.requireNonNull(p.id(), "profile id");
        Document doc = document(p, checked(vector));
        try {
            writer.updateDocument(new Term(ID, p.id().toString()), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index profile " + p.id(), e);
        }
        writes.incrementAndGet();
    }

    public void remove(UUID id) {
        try {
            writer.deleteDocuments(new Term(ID, id.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove profile " + id, e);
        }
        writes.incrementAndGet();
    }

    public void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the profile index", e);
        }
        writes.incrementAndGet();
    }

    /** Makes every write so far durable, with this user data, and refreshes the searcher. */
    public void commit(Map<String, String> userData) {
        Map<String, String> data = Map.copyOf(userData);
        try {
            writer.setLiveCommitData(new HashMap<>(data).entrySet());
            writer.commit();
            committed = data;
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the profile index", e);
        }
    }

    /** The user data of the last commit; empty for a new index. */
    public Map<String, String> userData() {
        return committed;
    }

    /** Merges down to at most this many segments (fewer graphs to search); slow on a large index. */
    public void forceMerge(int maxSegments) {
        try {
            writer.forceMerge(maxSegments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the profile index", e);
        }
        writes.incrementAndGet();
    }

    // ---------------------------------------------------------------- reads

    public int size() {
        return read(s -> s.getIndexReader().numDocs());
    }

    /** How many segments (each with its own graph) a search visits. */
    public int segments() {
        return read(s -> s.getIndexReader().leaves().size());
    }

    public Optional<CooperationProfile> get(UUID id) {
        return read(s -> {
            TopDocs top = s.search(new TermQuery(new Term(ID, id.toString())), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(profile(s.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    public Optional<float[]> vector(UUID id) {
        return read(s -> {
            TopDocs top = s.search(new TermQuery(new Term(ID, id.toString())), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                return Optional.empty();
            }
            return Optional.of(values.vectorValue().clone());
        });
    }

    /**
     * BM25 over title (boosted), summary and keywords. The text is only analysed into words, never
     * parsed as query syntax, so quotes, operators and {@code field:} prefixes are plain words.
     */
    public List<Hit> lexical(String text, Filter filter, int k) {
        if (k < 1 || text == null) {
            return List.of();
        }
        Optional<Query> words = Lexical.query(analyzer, text, Map.of(TITLE, TITLE_BOOST, SUMMARY, 1f, KEYWORDS, 1f));
        if (words.isEmpty()) {
            return List.of();
        }
        Query bm25 = words.get();
        return read(s -> {
            Candidates.Selection only = candidates.select(s, filter);
            if (only.count() == 0) {
                return List.of();
            }
            Query q = only.all() ? bm25
                    : new BooleanQuery.Builder().add(bm25, Occur.MUST).add(Candidates.query(only), Occur.FILTER).build();
            return hits(s, s.search(q, k).scoreDocs, false);
        });
    }

    /**
     * The k profiles most similar to the vector among those passing the filter: compared one by one when
     * at most {@code exactScanMax} pass it, else found through the graph, with the filter applied during
     * the walk (so the k are not thinned out afterwards) and {@code max(k, efSearch)} candidates gathered.
     */
    public List<Hit> nearest(float[] query, Filter filter, int k) {
        float[] q = checked(query);
        if (k < 1) {
            return List.of();
        }
        return read(s -> {
            Candidates.Selection only = candidates.select(s, filter);
            if (only.count() <= exactScanMax) {
                return exact(s, q, only, k);
            }
            Query graph = new KnnFloatVectorQuery(VECTOR, q, Math.max(k, efSearch), only.all() ? null : Candidates.query(only));
            return hits(s, s.search(graph, k).scoreDocs, true);
        });
    }

    /** The k most similar profiles by comparing the vector with every profile passing the filter. */
    public List<Hit> nearestExact(float[] query, Filter filter, int k) {
        float[] q = checked(query);
        if (k < 1) {
            return List.of();
        }
        return read(s -> exact(s, q, candidates.select(s, filter), k));
    }

    // ---------------------------------------------------------------- internals

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            if (writes.get() > refreshed.get()) {
                refresh();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the profile index", e);
        }
    }

    private void refresh() throws IOException {
        // the writes counted before the refresh starts are all seen by the reader it opens
        long seen = writes.get();
        searchers.maybeRefreshBlocking();
        refreshed.accumulateAndGet(seen, Math::max);
    }

    private float[] checked(float[] vector) {
        Objects.requireNonNull(vector, "vector");
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector of " + vector.length + " dimensions, the index has " + dimensions);
        }
        double norm = 0;
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("vector with a non-finite value");
            }
            norm += x * x;
        }
        // dot product is the cosine only for unit vectors; a rounding-level deviation is left alone
        if (norm > 0 && Math.abs(norm - 1) > 1e-4) {
            return VectorUtil.l2normalize(vector.clone());
        }
        return vector;
    }

    private List<Hit> exact(IndexSearcher s, float[] q, Candidates.Selection only, int k) throws IOException {
        HitQueue queue = new HitQueue(k, false);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            if (values == null) {
                continue;
            }
            DocIdSetIterator docs;
            if (only.all()) {
                Bits live = leaf.reader().getLiveDocs();
                docs = live == null ? values : new FilteredDocIdSetIterator(values) {
                    @Override
                    protected boolean match(int doc) {
                        return live.get(doc);
                    }
                };
            } else {
                FixedBitSet bits = only.bits()[leaf.ord];
                docs = ConjunctionUtils.intersectIterators(List.of(new BitSetIterator(bits, bits.cardinality()), values));
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                float score = VectorUtil.dotProduct(q, values.vectorValue());
                if (queue.size() < k) {
                    queue.add(new ScoreDoc(leaf.docBase + doc, score));
                } else if (score > queue.top().score) {
                    // on a tie the earlier document stays, as in Lucene's own top-k
                    ScoreDoc worst = queue.top();
                    worst.doc = leaf.docBase + doc;
                    worst.score = score;
                    queue.updateTop();
                }
            }
        }
        ScoreDoc[] best = new ScoreDoc[queue.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = queue.pop();
        }
        return hits(s, best, false);
    }

    /** Hits in the given order; graph scores are {@code (1 + cosine) / 2} and become cosines again. */
    private static List<Hit> hits(IndexSearcher s, ScoreDoc[] docs, boolean graphScores) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        List<Hit> out = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            BinaryDocValues ids = leaf.reader().getBinaryDocValues(ID_BYTES);
            if (ids == null || !ids.advanceExact(d.doc - leaf.docBase)) {
                throw new IllegalStateException("profile document without an id: " + d.doc);
            }
            float score = graphScores ? 2 * d.score - 1 : d.score;
            out.add(new Hit(uuid(ids.binaryValue()), score));
        }
        return out;
    }

    // ---------------------------------------------------------------- documents

    private static Document document(CooperationProfile p, float[] vector) {
        Document d = new Document();
        d.add(new StringField(ID, p.id().toString(), Field.Store.YES));
        d.add(new BinaryDocValuesField(ID_BYTES, new BytesRef(bytes(p.id()))));
        keyword(d, MODE, p.mode());
        keyword(d, TYPE, p.type());
        keyword(d, DIRECTION, p.direction() == null ? null : p.direction().name());
        keyword(d, STATUS, p.status() == null ? null : p.status().name());
        keyword(d, ASSOCIATION, p.associationId() == null ? null : p.associationId().toString());
        keyword(d, ORGANISATION, p.organisationId() == null ? null : p.organisationId().toString());
        keyword(d, COUNTRY, p.country());
        text(d, TITLE, p.title());
        text(d, SUMMARY, p.summary());
        p.keywords().forEach(k -> text(d, KEYWORDS, k));
        p.naceCodes().forEach(c -> keyword(d, NACE, c));
        p.targetCountries().forEach(c -> keyword(d, TARGET_COUNTRY, c));
        // no expiry sorts after every day, so one range query covers "not expired or never expires"
        d.add(new LongPoint(EXPIRES, p.expiresOn() == null ? Long.MAX_VALUE : p.expiresOn().toEpochDay()));
        if (p.expiresOn() != null) {
            d.add(new StoredField(EXPIRES_ON, p.expiresOn().toString()));
        }
        if (p.updatedAt() != null) {
            d.add(new StoredField(UPDATED_AT, p.updatedAt().toString()));
        }
        d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null) {
            d.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static void text(Document d, String field, String value) {
        if (value != null) {
            d.add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static CooperationProfile profile(Document d) {
        String direction = d.get(DIRECTION);
        String status = d.get(STATUS);
        String expires = d.get(EXPIRES_ON);
        String updated = d.get(UPDATED_AT);
        return new CooperationProfile(
                UUID.fromString(d.get(ID)),
                d.get(MODE),
                d.get(TYPE),
                direction == null ? null : Direction.valueOf(direction),
                status == null ? null : ProfileStatus.valueOf(status),
                uuidOrNull(d.get(ASSOCIATION)),
                uuidOrNull(d.get(ORGANISATION)),
                d.get(TITLE),
                d.get(SUMMARY),
                Arrays.asList(d.getValues(KEYWORDS)),
                Arrays.asList(d.getValues(NACE)),
                d.get(COUNTRY),
                Arrays.asList(d.getValues(TARGET_COUNTRY)),
                expires == null ? null : LocalDate.parse(expires),
                updated == null ? null : Instant.parse(updated));
    }

    private static UUID uuidOrNull(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID uuid(BytesRef b) {
        ByteBuffer buf = ByteBuffer.wrap(b.bytes, b.offset, b.length);
        return new UUID(buf.getLong(), buf.getLong());
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // already failing; the first error is the one to report
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            // commitOnClose is off: what was not committed is dropped, see the class comment
            writer.close();
        } finally {
            directory.close();
            analyzer.close();
            if (mergeExecutor != null) {
                mergeExecutor.shutdownNow();
            }
        }
    }
}
