package eu.danubia.connector.sdk;

import java.util.Objects;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.RegionStat;

/**
 * One unit a {@link SourceReader} read from a source document: a normalized record, or a rejected
 * piece of input with the reason. Either way it carries its position in the source (e.g.
 * {@code line 42}, {@code record 7}, {@code $.i[3]}), so an operator can find it again.
 */
public sealed interface Item permits Item.Accepted, Item.Rejected {

    String position();

    /**
     * A normalized record: a {@link CompanyRecord}, a {@link FinancialStatement} or a {@link RegionStat}.
     */
    record Accepted(Object record, String position) implements Item {
        public Accepted {
            Objects.requireNonNull(position, "position");
            if (!(record instanceof CompanyRecord || record instanceof FinancialStatement || record instanceof RegionStat)) {
                throw new IllegalArgumentException("not a normalized record: " + record);
            }
        }
    }

    /**
     * Input that could not become a record.
     *
     * @param payload the offending input, cut to a readable length by the reader (at most 2,000 characters)
     * @param reason what is wrong, in words an operator understands (e.g. "I13: not a number: 'abc'")
     */
    record Rejected(String position, String payload, String reason) implements Item {
        public static final int MAX_PAYLOAD = 2000;

        public Rejected {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(reason, "reason");
            payload = payload == null ? "" : payload.length() > MAX_PAYLOAD ? payload.substring(0, MAX_PAYLOAD) : payload;
        }
    }
}
