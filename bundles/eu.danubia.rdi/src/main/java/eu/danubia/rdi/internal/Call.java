package eu.danubia.rdi.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A funding call topic.
 *
 * @param programme derived from the topic code (see {@link Programmes})
 * @param thematic false for bottom-up calls (ERC, MSCA, EIC open) that no project subject can be matched to
 * @param deadline null when unknown (the CORDIS seed has none)
 * @param eligibleCountries empty when the call names none
 * @param source {@code cordis-seed} or {@code import}
 */
public record Call(String topicCode, String title, String programme, boolean thematic, LocalDate deadline,
        List<String> eligibleCountries, String source) {

    public Call {
        eligibleCountries = eligibleCountries == null ? List.of() : List.copyOf(eligibleCountries);
    }
}
