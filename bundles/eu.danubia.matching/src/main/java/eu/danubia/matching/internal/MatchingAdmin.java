package eu.danubia.matching.internal;

import java.util.List;

/**
 * Operating the engine: its state, and rebuilding the profile index from the modes' profile sources.
 * Registered as a service inside this bundle for the shell commands and the status endpoint.
 */
public interface MatchingAdmin {

    /** What a progress display is told while reindexing. */
    interface Progress {
        /** @param done profiles indexed so far; @param total profiles to index (known before the first) */
        void update(int done, int total);
    }

    /**
     * @param models the models loaded so far (they load on first use)
     * @param indexedProfiles published profiles in the index
     * @param sources the modes whose profiles the engine reads
     * @param exactScanMax up to this many candidates the nearest-neighbour search is exact, beyond it HNSW
     */
    record Status(List<String> models, int indexedProfiles, List<String> sources, int exactScanMax, String indexDirectory) {
    }

    /** @param indexed profiles now in the index; @param millis how long it took */
    record Reindexed(int indexed, long millis) {
    }

    Status status();

    /** Drops the profile index and reads every mode's published profiles again; blocks until done. */
    Reindexed reindex(Progress progress);
}
