package eu.danubia.matching.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.index.ProfileIndex.Filter;
import eu.danubia.matching.internal.index.ProfileIndex.Hit;

class ProfileIndexTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final UUID ORG_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ORG_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    /** Titles of real CORDIS topics and funded projects, and their MiniLM vectors. */
    private static List<String> titles;
    private static float[][] vectors;

    @TempDir
    static Path natives;

    @TempDir
    Path dir;

    private ProfileIndex index;

    @BeforeAll
    static void embedRealTitles() throws IOException {
        Set<String> distinct = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String line : lines("/reference/cordis-callmatch/topics.tsv")) {
            add(line.split("\t")[1], distinct, seen);
        }
        for (String line : lines("/reference/cordis-callmatch/dev.tsv")) {
            add(line.split("\t")[2], distinct, seen);
        }
        titles = new ArrayList<>(distinct);
        OnnxNatives.extract(natives);
        try (SentenceEncoder encoder = SentenceEncoder.load(Model.MINILM, 0)) {
            vectors = new float[titles.size()][];
            for (int i = 0; i < titles.size(); i += 32) {
                float[][] batch = encoder.embed(titles.subList(i, Math.min(i + 32, titles.size())));
                System.arraycopy(batch, 0, vectors, i, batch.length);
            }
        }
    }

    private static void add(String title, Set<String> distinct, Set<String> seen) {
        // identical titles (the ERC grants of every year) would give tied vectors and make recall ambiguous
        if (seen.add(title.trim().toLowerCase(Locale.ROOT))) {
            distinct.add(title.trim());
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = ProfileIndexTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> out = new ArrayList<>(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            out.remove(0);
            return out;
        }
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    private static CooperationProfile profile(int i, Direction direction, UUID organisation, LocalDate expires) {
        return new CooperationProfile(UUID.nameUUIDFromBytes(("p" + i).getBytes(StandardCharsets.UTF_8)), "b2b",
                direction == Direction.OFFER ? "TECHNOLOGY_OFFER" : "TECHNOLOGY_REQUEST", direction,
                ProfileStatus.PUBLISHED, ORG_A, organisation, titles.get(i), "Summary of " + titles.get(i),
                List.of(), List.of(), "SK", List.of(), expires, Instant.parse("2026-11-01T10:15:30.123456Z"));
    }

    private static CooperationProfile profile(int i) {
        return profile(i, i % 2 == 0 ? Direction.OFFER : Direction.REQUEST, i % 3 == 0 ? ORG_A : ORG_B, null);
    }

    private static Set<UUID> ids(List<Hit> hits) {
        Set<UUID> out = new LinkedHashSet<>();
        hits.forEach(h -> out.add(h.id()));
        return out;
    }

    @Test
    void everyFieldRoundTrips() {
        index = ProfileIndex.open(dir, 384, 1000);
        CooperationProfile p = new CooperationProfile(UUID.randomUUID(), "b2b", "BUSINESS_OFFER", Direction.OFFER,
                ProfileStatus.PUBLISHED, UUID.randomUUID(), UUID.randomUUID(), titles.get(5), "Zhrnutie: výroba dielov z ocele",
                List.of("steel", "laser cutting", ""), List.of("25.62", "C"), "SK", List.of("AT", "HU", "CZ"),
                LocalDate.of(2027, 3, 31), Instant.parse("2026-11-19T08:00:01.000000123Z"));
        CooperationProfile sparse = new CooperationProfile(UUID.randomUUID(), "b2b", null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        index.upsert(p, vectors[5]);
        index.upsert(sparse, vectors[6]);

        assertThat(index.get(p.id())).contains(p);
        assertThat(index.get(sparse.id())).contains(sparse);
        assertThat(index.vector(p.id())).hasValueSatisfying(v -> assertThat(v).containsExactly(vectors[5]));
        assertThat(index.get(UUID.randomUUID())).isEmpty();
        assertThat(index.vector(UUID.randomUUID())).isEmpty();
    }

    @Test
    void upsertReplacesByIdAndRemoveRemoves() {
        index = ProfileIndex.open(null, 384, 1000);
        CooperationProfile first = profile(1);
        index.upsert(first, vectors[1]);
        CooperationProfile changed = new CooperationProfile(first.id(), "b2b", "BUSINESS_REQUEST", Direction.REQUEST,
                ProfileStatus.PUBLISHED, ORG_A, ORG_B, titles.get(2), null, List.of("new"), List.of(), "AT", List.of(),
                null, Instant.now());
        index.upsert(changed, vectors[2]);
        index.upsert(profile(3), vectors[3]);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.get(first.id())).contains(changed);
        assertThat(index.vector(first.id())).hasValueSatisfying(v -> assertThat(v).containsExactly(vectors[2]));
        assertThat(index.nearestExact(vectors[2], Filter.NONE, 1).get(0).id()).isEqualTo(first.id());
        // the old text is gone from the word index too: only profile 3 still has a summary
        assertThat(index.lexical("summary", Filter.NONE, 10)).extracting(Hit::id).containsExactly(profile(3).id());
        assertThat(index.lexical("new", Filter.NONE, 10)).extracting(Hit::id).containsExactly(first.id());

        index.remove(first.id());
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(first.id())).isEmpty();
        assertThat(ids(index.nearestExact(vectors[2], Filter.NONE, 10))).doesNotContain(first.id());

        index.removeAll();
        assertThat(index.size()).isZero();
        assertThat(index.nearest(vectors[3], Filter.NONE, 10)).isEmpty();
    }

    @Test
    void rejectsVectorsOfAnotherLength() {
        index = ProfileIndex.open(null, 384, 1000);
        assertThatThrownBy(() -> index.upsert(profile(1), new float[12])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.nearest(new float[12], Filter.NONE, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersOnEveryField() {
        index = ProfileIndex.open(null, 384, 1000);
        UUID orgC = UUID.randomUUID();
        CooperationProfile offer = profile(10, Direction.OFFER, ORG_A, TODAY.plusDays(30));
        CooperationProfile request = profile(11, Direction.REQUEST, ORG_B, null);
        CooperationProfile expired = profile(12, Direction.REQUEST, orgC, TODAY.minusDays(1));
        CooperationProfile lastDay = profile(13, Direction.OFFER, orgC, TODAY);
        CooperationProfile business = new CooperationProfile(UUID.randomUUID(), "b2b", "BUSINESS_OFFER", Direction.OFFER,
                ProfileStatus.PUBLISHED, ORG_A, orgC, titles.get(14), "Summary", null, null, "HU", null, null, null);
        CooperationProfile research = new CooperationProfile(UUID.randomUUID(), "research", "RD_REQUEST",
                Direction.REQUEST, ProfileStatus.PUBLISHED, ORG_A, orgC, titles.get(15), "Summary", null, null, "AT", null,
                null, null);
        List<CooperationProfile> all = List.of(offer, request, expired, lastDay, business, research);
        for (int i = 0; i < all.size(); i++) {
            index.upsert(all.get(i), vectors[10 + i]);
        }

        assertThat(search(Filter.NONE)).hasSize(6);
        assertThat(search(new Filter(Set.of("research"), null, null, null, null, null))).containsExactly(research.id());
        assertThat(search(new Filter(Set.of("b2b", "research"), null, null, null, null, null))).hasSize(6);
        assertThat(search(new Filter(Set.of(), null, null, null, null, null))).isEmpty();
        assertThat(search(new Filter(null, Set.of("BUSINESS_OFFER", "RD_REQUEST"), null, null, null, null)))
                .containsExactlyInAnyOrder(business.id(), research.id());
        assertThat(search(new Filter(null, null, Direction.REQUEST, null, null, null)))
                .containsExactlyInAnyOrder(request.id(), expired.id(), research.id());
        assertThat(search(new Filter(null, null, null, TODAY, null, null)))
                .containsExactlyInAnyOrder(offer.id(), request.id(), lastDay.id(), business.id(), research.id());
        assertThat(search(new Filter(null, null, null, null, orgC, null)))
                .containsExactlyInAnyOrder(offer.id(), request.id());
        assertThat(search(new Filter(null, null, null, null, null, offer.id()))).hasSize(5).doesNotContain(offer.id());
        // the recommendation filter: the other direction, still open, someone else's
        assertThat(search(new Filter(Set.of("b2b"), null, Direction.REQUEST, TODAY, ORG_A, offer.id())))
                .containsExactly(request.id());
    }

    /** Each filter through the exact scan, the graph and BM25, which must agree on which profiles pass. */
    private Set<UUID> search(Filter filter) {
        Set<UUID> exact = ids(index.nearestExact(vectors[10], filter, 10));
        index.efSearch(50);
        assertThat(ids(index.nearest(vectors[10], filter, 10))).containsExactlyInAnyOrderElementsOf(exact);
        assertThat(ids(index.lexical("summary", filter, 10))).containsExactlyInAnyOrderElementsOf(exact);
        return exact;
    }

    @Test
    void filteredSearchesSeeDeletionsAndNewSegmentsAfterTheFilterWasCached() {
        index = ProfileIndex.open(dir, 384, 5);
        for (int i = 0; i < 60; i++) {
            index.upsert(profile(i), vectors[i]);
        }
        index.commit(Map.of());
        Filter offers = new Filter(Set.of("b2b"), null, Direction.OFFER, TODAY, null, null);
        assertThat(ids(index.nearestExact(vectors[0], offers, 100))).hasSize(30).contains(profile(0).id());
        assertThat(ids(index.nearest(vectors[0], offers, 10))).contains(profile(0).id());

        // profile 0 deleted from the cached segment, profile 1 turned into an offer, a new offer in a new segment
        index.remove(profile(0).id());
        index.upsert(profile(1, Direction.OFFER, ORG_B, null), vectors[1]);
        index.upsert(profile(100), vectors[100]);
        Set<UUID> after = ids(index.nearestExact(vectors[0], offers, 100));
        assertThat(after).hasSize(31).doesNotContain(profile(0).id()).contains(profile(1).id(), profile(100).id());
        assertThat(ids(index.nearest(vectors[0], offers, 100))).containsExactlyInAnyOrderElementsOf(after);
        assertThat(ids(index.nearest(vectors[0], offers, 10))).doesNotContain(profile(0).id());
        assertThat(ids(index.lexical("summary", offers, 100))).containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void lexicalRanksTheObviousProfileFirstAndReadsSyntaxAsWords() {
        index = ProfileIndex.open(null, 384, 1000);
        for (int i = 0; i < 300; i++) {
            index.upsert(profile(i), vectors[i]);
        }
        UUID laser = UUID.randomUUID();
        index.upsert(new CooperationProfile(laser, "b2b", "TECHNOLOGY_OFFER", Direction.OFFER, ProfileStatus.PUBLISHED,
                ORG_A, ORG_B, "Laser welding of aluminium car bodies", "We weld aluminium sheets for carmakers.",
                List.of("laser welding", "automotive"), List.of("25.62"), "SK", List.of(), null, null), vectors[400]);

        List<Hit> hits = index.lexical("aluminium laser welding for cars", Filter.NONE, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).id()).isEqualTo(laser);
        assertThat(hits.get(0).score()).isPositive();

        // query syntax is plain text: no parse error, the words still find the profile
        String syntax = "\"AND OR * ? title:x ~ ^";
        assertThat(index.lexical(syntax, Filter.NONE, 5)).isEmpty();
        assertThat(index.lexical(syntax + " welding\" title:laser^10 alumin* -automotive", Filter.NONE, 5))
                .first().extracting(Hit::id).isEqualTo(laser);
        assertThat(index.lexical("(((", Filter.NONE, 5)).isEmpty();
        assertThat(index.lexical("", Filter.NONE, 5)).isEmpty();
        // a very long text is cut rather than exceeding Lucene's clause limit
        assertThat(index.lexical(String.join(" ", titles), Filter.NONE, 5)).hasSize(5);
    }

    @Test
    void graphSearchAgreesWithExactScanOnRealEmbeddings() {
        assertThat(titles).hasSizeGreaterThan(2500);
        index = ProfileIndex.open(null, 384, 0);
        for (int i = 0; i < titles.size(); i++) {
            index.upsert(profile(i, i % 2 == 0 ? Direction.OFFER : Direction.REQUEST, i % 3 == 0 ? ORG_A : ORG_B,
                    i % 7 == 0 ? TODAY.minusDays(1) : null), vectors[i]);
        }
        index.commit(Map.of());
        Random random = new Random(7);
        Filter recommendation = new Filter(Set.of("b2b"), null, Direction.REQUEST, TODAY, ORG_A, null);
        int found = 0;
        int queries = 200;
        for (int q = 0; q < queries; q++) {
            float[] query = vectors[random.nextInt(vectors.length)];
            Filter filter = q % 2 == 0 ? Filter.NONE : recommendation;
            List<Hit> exact = index.nearestExact(query, filter, 10);
            List<Hit> graph = index.nearest(query, filter, 10);
            assertThat(exact).hasSize(10);
            assertThat(graph).hasSize(10);
            Set<UUID> truth = ids(exact);
            found += (int) graph.stream().filter(h -> truth.contains(h.id())).count();
            // the graph's scores are cosines too
            for (Hit h : graph) {
                exact.stream().filter(e -> e.id().equals(h.id())).findFirst()
                        .ifPresent(e -> assertThat(h.score()).isCloseTo(e.score(), org.assertj.core.data.Offset.offset(1e-4f)));
            }
            assertThat(exact.get(0).score()).isGreaterThanOrEqualTo(exact.get(9).score());
        }
        double recall = found / (queries * 10.0);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);

        // a query equal to an indexed vector finds that profile first, with a cosine of 1
        List<Hit> self = index.nearestExact(vectors[42], Filter.NONE, 1);
        assertThat(self.get(0).id()).isEqualTo(profile(42).id());
        assertThat(self.get(0).score()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void smallCandidateSetsAreScannedExactly() {
        index = ProfileIndex.open(null, 384, 50);
        for (int i = 0; i < 1000; i++) {
            index.upsert(profile(i, Direction.OFFER, ORG_B, null), vectors[i]);
        }
        UUID own = UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            index.upsert(profile(1000 + i, Direction.REQUEST, own, null), vectors[1000 + i]);
        }
        Filter few = new Filter(null, null, Direction.REQUEST, null, null, null);
        index.efSearch(1);
        // 40 candidates: the whole set is compared, so even a one-candidate graph search cannot miss
        assertThat(index.nearest(vectors[3], few, 40)).containsExactlyElementsOf(index.nearestExact(vectors[3], few, 40));
    }

    @Test
    void reopeningKeepsCommittedDocumentsAndUserDataOnly() throws IOException {
        index = ProfileIndex.open(dir, 384, 1000);
        assertThat(index.userData()).isEmpty();
        for (int i = 0; i < 20; i++) {
            index.upsert(profile(i), vectors[i]);
        }
        index.commit(Map.of("model", "all-minilm-l6-v2-q:abc", "profiles", "20"));
        index.upsert(profile(20), vectors[20]);
        assertThat(index.size()).isEqualTo(21);
        index.close();

        index = ProfileIndex.open(dir, 384, 1000);
        assertThat(index.userData()).containsExactlyInAnyOrderEntriesOf(Map.of("model", "all-minilm-l6-v2-q:abc", "profiles", "20"));
        assertThat(index.size()).isEqualTo(20);
        assertThat(index.get(profile(7).id())).contains(profile(7));
        assertThat(index.get(profile(20).id())).isEmpty();
        assertThat(index.nearest(vectors[7], Filter.NONE, 1).get(0).id()).isEqualTo(profile(7).id());
        assertThat(index.lexical(titles.get(7), Filter.NONE, 1).get(0).id()).isEqualTo(profile(7).id());

        index.removeAll();
        index.commit(Map.of("model", "bge"));
        index.close();
        index = ProfileIndex.open(dir, 384, 1000);
        assertThat(index.size()).isZero();
        assertThat(index.userData()).isEqualTo(Map.of("model", "bge"));
    }

    @Test
    void searchesWhileAnotherThreadWrites() throws Exception {
        index = ProfileIndex.open(null, 384, 100);
        for (int i = 0; i < 500; i++) {
            index.upsert(profile(i), vectors[i]);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 500; i < 2000; i++) {
                    index.upsert(profile(i), vectors[i]);
                    if (i % 3 == 0) {
                        index.remove(profile(i - 400).id());
                    }
                    if (i % 500 == 0) {
                        index.commit(Map.of("at", Integer.toString(i)));
                    }
                }
            } catch (Throwable t) {
                errors.add(t);
            } finally {
                writing.set(false);
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int seed = r;
            readers.add(new Thread(() -> {
                Random random = new Random(seed);
                try {
                    while (writing.get()) {
                        float[] q = vectors[random.nextInt(2000)];
                        assertThat(index.nearest(q, Filter.NONE, 10)).hasSizeLessThanOrEqualTo(10);
                        index.nearestExact(q, new Filter(null, null, Direction.OFFER, null, null, null), 5);
                        index.lexical(titles.get(random.nextInt(2000)), Filter.NONE, 10);
                        index.get(profile(random.nextInt(2000)).id());
                        index.size();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        readers.forEach(Thread::start);
        writer.start();
        writer.join();
        for (Thread t : readers) {
            t.join();
        }
        assertThat(errors).isEmpty();
        // every write is visible to the next read without an explicit refresh
        assertThat(index.get(profile(1999).id())).contains(profile(1999));
        assertThat(index.get(profile(1598).id())).isEmpty();
        assertThat(index.size()).isEqualTo(2000 - 500);
    }
}
