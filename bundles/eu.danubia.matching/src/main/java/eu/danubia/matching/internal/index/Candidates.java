package eu.danubia.matching.internal.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import eu.danubia.matching.internal.index.ProfileIndex.Filter;

/**
 * The documents that pass a {@link Filter}, as one bit set per segment, live documents only.
 *
 * <p>Why not a Lucene filter query: a vector search with a filter first turns the filter into a bit set
 * per segment, iterating every matching document through the conjunction of its clauses, on every query
 * (a few milliseconds at 100k profiles, ten times that at 1M, more than the graph walk itself). Here the
 * parts that repeat from query to query (modes, types, direction, the expiry day) are kept as bit sets per
 * segment and combined word by word; only the exclusions, a few postings, are applied per query. Handed
 * over as a query whose iterator is that bit set, Lucene uses it as it is when the segment has no deletions.
 */
final class Candidates {

    /** The part bit sets of each segment core, which never changes; dropped when the core closes. */
    private final Map<Object, Map<Part, FixedBitSet>> cache = new ConcurrentHashMap<>();

    /** Parts per segment before the least recently used is dropped: a handful are in use at any time. */
    private static final int PARTS_PER_SEGMENT = 64;

    private record Part(String field, Object value) {
    }

    /** The candidates of one search: null bits = every live document of that segment; count over all. */
    record Selection(FixedBitSet[] bits, boolean all, int count) {
    }

    Selection select(IndexSearcher searcher, Filter filter) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<LeafReaderContext> leaves = reader.leaves();
        if (filter == null || unconstrained(filter)) {
            return new Selection(new FixedBitSet[leaves.size()], true, reader.numDocs());
        }
        FixedBitSet[] bits = new FixedBitSet[leaves.size()];
        int count = 0;
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet b = leafBits(searcher, leaf, filter);
            bits[leaf.ord] = b;
            count += b.cardinality();
        }
        return new Selection(bits, false, count);
    }

    private static boolean unconstrained(Filter f) {
        return f.modes() == null && f.types() == null && f.direction() == null && f.notExpiredOn() == null
                && f.excludeOrganisation() == null && f.excludeProfile() == null;
    }

    private FixedBitSet leafBits(IndexSearcher searcher, LeafReaderContext leaf, Filter f) throws IOException {
        LeafReader reader = leaf.reader();
        List<Part> parts = new ArrayList<>(4);
        if (f.modes() != null) {
            parts.add(new Part(ProfileIndex.MODE, new TreeSet<>(f.modes())));
        }
        if (f.types() != null) {
            parts.add(new Part(ProfileIndex.TYPE, new TreeSet<>(f.types())));
        }
        if (f.direction() != null) {
            parts.add(new Part(ProfileIndex.DIRECTION, Set.of(f.direction().name())));
        }
        if (f.notExpiredOn() != null) {
            parts.add(new Part(ProfileIndex.EXPIRES, f.notExpiredOn().toEpochDay()));
        }
        FixedBitSet out;
        if (parts.isEmpty()) {
            out = new FixedBitSet(reader.maxDoc());
            out.set(0, reader.maxDoc());
        } else {
            // a copy: the cached sets are shared by every search on this segment
            out = part(searcher, leaf, parts.get(0)).clone();
            for (Part p : parts.subList(1, parts.size())) {
                out.and(part(searcher, leaf, p));
            }
        }
        exclude(reader, out, ProfileIndex.ORGANISATION, f.excludeOrganisation());
        exclude(reader, out, ProfileIndex.ID, f.excludeProfile());
        Bits live = reader.getLiveDocs();
        if (live != null) {
            for (int doc = out.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = next(out, doc)) {
                if (!live.get(doc)) {
                    out.clear(doc);
                }
            }
        }
        return out;
    }

    private static int next(FixedBitSet bits, int doc) {
        return doc + 1 >= bits.length() ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(doc + 1);
    }

    private static void exclude(LeafReader reader, FixedBitSet out, String field, UUID value) throws IOException {
        if (value == null) {
            return;
        }
        PostingsEnum postings = reader.postings(new Term(field, value.toString()), PostingsEnum.NONE);
        if (postings != null) {
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                out.clear(doc);
            }
        }
    }

    private FixedBitSet part(IndexSearcher searcher, LeafReaderContext leaf, Part part) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        Map<Part, FixedBitSet> parts = null;
        if (helper != null) {
            parts = cache.computeIfAbsent(helper.getKey(), key -> {
                helper.addClosedListener(cache::remove);
                return new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Part, FixedBitSet> eldest) {
                        return size() > PARTS_PER_SEGMENT;
                    }
                };
            });
            synchronized (parts) {
                FixedBitSet known = parts.get(part);
                if (known != null) {
                    return known;
                }
            }
        }
        // computed outside the lock: two threads may both compute a missing part, and both get the same bits
        FixedBitSet bits = compute(searcher, leaf, part);
        if (parts != null) {
            synchronized (parts) {
                parts.put(part, bits);
            }
        }
        return bits;
    }

    /** Every document of the segment, deleted or not, matching the part: deletions change, cores do not. */
    private static FixedBitSet compute(IndexSearcher searcher, LeafReaderContext leaf, Part part) throws IOException {
        Query query;
        if (part.field().equals(ProfileIndex.EXPIRES)) {
            query = LongPoint.newRangeQuery(ProfileIndex.EXPIRES, (Long) part.value(), Long.MAX_VALUE);
        } else {
            @SuppressWarnings("unchecked")
            Collection<String> values = (Collection<String>) part.value();
            query = values.size() == 1 ? new TermQuery(new Term(part.field(), values.iterator().next()))
                    : new TermInSetQuery(part.field(), values.stream().map(BytesRef::new).toList());
        }
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                bits.set(doc);
            }
        }
        return bits;
    }

    /** The candidates as a query, for the graph search and BM25; valid only on the searcher that selected them. */
    static Query query(Selection candidates) {
        return new BitsQuery(candidates.bits());
    }

    private static final class BitsQuery extends Query {

        private final FixedBitSet[] bits;

        BitsQuery(FixedBitSet[] bits) {
            this.bits = bits;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public Scorer scorer(LeafReaderContext context) {
                    FixedBitSet b = context.ord < bits.length ? bits[context.ord] : null;
                    if (b == null) {
                        return null;
                    }
                    int cost = b.cardinality();
                    if (cost == 0) {
                        return null;
                    }
                    return new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(b, cost));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    // one search's candidates: caching them would only evict useful entries
                    return false;
                }
            };
        }

        @Override
        public String toString(String field) {
            return "candidates";
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
