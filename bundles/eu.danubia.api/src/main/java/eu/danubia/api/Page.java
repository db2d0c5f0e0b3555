package eu.danubia.api;

import java.util.List;

/** One page of a longer result. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
