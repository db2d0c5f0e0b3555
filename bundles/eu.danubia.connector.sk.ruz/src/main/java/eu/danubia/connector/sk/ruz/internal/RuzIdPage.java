package eu.danubia.connector.sk.ruz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import eu.danubia.connector.sdk.json.JsonInput;

/**
 * One page of ids from a RUZ list endpoint ({@code /api/uctovne-jednotky?zmenene-od=...&max-zaznamov=...
 * &pokracovat-za-id=...}): {@code {"id":[1689373],"pocetZostavajucichId":0}}. The next page continues
 * after the last id.
 *
 * @param remaining ids left after this page; {@code -1} when the answer does not say
 */
record RuzIdPage(List<Long> ids, long remaining) {

    RuzIdPage {
        ids = List.copyOf(ids);
    }

    /** Whether another page should be asked for. */
    boolean hasMore() {
        return !ids.isEmpty() && remaining != 0;
    }

    static RuzIdPage parse(InputStream in) throws IOException {
        return of(JsonInput.readTree(in));
    }

    static RuzIdPage of(JsonNode root) throws IOException {
        JsonNode ids = root == null ? null : root.get("id");
        if (ids == null || !ids.isArray()) {
            throw new IOException("not a RUZ id list: no 'id' list");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
                throw new IOException("not a RUZ id: " + id);
            }
            out.add(id.longValue());
        }
        JsonNode remaining = root.get("pocetZostavajucichId");
        JsonNode more = root.get("existujeDalsieId");
        long left = remaining != null && remaining.canConvertToLong() ? remaining.longValue()
                : more != null && more.isBoolean() ? (more.booleanValue() ? 1 : 0) : -1;
        return new RuzIdPage(out, left);
    }
}
