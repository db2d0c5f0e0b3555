package eu.danubia.b2b.internal;

import java.util.List;

/** The outcome of an import: how many rows were stored, and why the others were not. */
public record ImportResult(int stored, List<Rejection> rejected) {

    public ImportResult {
        rejected = List.copyOf(rejected);
    }

    /** A refused row: its 1-based line in the file (the header is line 1), or position in a JSON array. */
    public record Rejection(int line, String reason) {
    }
}
