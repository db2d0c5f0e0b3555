package eu.danubia.api.matching;

import java.util.function.Consumer;

import eu.danubia.api.cooperation.CooperationProfile;

/**
 * A cooperation mode's profiles, read by the matching engine when it (re)builds its index. Each mode
 * registers one; changes after that reach the engine through {@link MatchingService#profileChanged}.
 */
public interface ProfileSource {

    /** The {@link eu.danubia.api.cooperation.CooperationMode#id()} whose profiles these are. */
    String mode();

    /** Every published profile of the mode, in any order; called outside any request. */
    void forEachPublished(Consumer<CooperationProfile> sink);
}
