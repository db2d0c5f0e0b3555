package eu.danubia.api.matching;

import java.util.List;

/**
 * What the engine reads in a free text: suggested NACE codes, best first, and the keywords it found
 * (words and phrases of the text worth using as profile keywords).
 */
public record Classification(List<SectorSuggestion> sectors, List<String> keywords) {

    public Classification {
        sectors = List.copyOf(sectors);
        keywords = List.copyOf(keywords);
    }
}
