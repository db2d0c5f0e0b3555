package eu.danubia.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WHERE clause built from optional filters, with its parameters in order. Conditions are
 * joined with AND; only fixed SQL fragments are added, user values always go to parameters.
 *
 * <pre>
 * Where w = new Where().and(TenantScope.readable(caller, "o.association_id", "o.visibility"))
 *                      .andIf(country != null, "o.country = ?", country);
 * Jdbc.query(c, "SELECT ... FROM organisations o" + w.sql() + " ORDER BY o.name", mapper, w.params());
 * </pre>
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public Where and(String condition, Object... values) {
        conditions.add("(" + condition + ")");
        Collections.addAll(params, values);
        return this;
    }

    public Where and(Where other) {
        if (!other.conditions.isEmpty()) {
            conditions.add("(" + String.join(" AND ", other.conditions) + ")");
            params.addAll(other.params);
        }
        return this;
    }

    public Where andIf(boolean present, String condition, Object... values) {
        return present ? and(condition, values) : this;
    }

    /** {@code " WHERE ..."} or the empty string when there is no condition. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Object[] params() {
        return params.toArray();
    }

    /** The parameters followed by more (e.g. LIMIT and OFFSET). */
    public Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        Collections.addAll(all, more);
        return all.toArray();
    }
}
