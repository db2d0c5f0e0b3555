package eu.danubia.directory.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;


/** SQL building blocks shared by the repositories. */
final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?}: placeholders for an IN list; only the count comes from the caller, never a value. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A LIKE pattern matching values that start with the text, wildcards in the text taken literally. */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Concatenates parameter lists in the order their placeholders appear in the statement. */
    static Object[] params(Object[]... parts) {
        List<Object> all = new ArrayList<>();
        for (Object[] part : parts) {
            Collections.addAll(all, part);
        }
        return all.toArray();
    }

}
