package eu.danubia.c2b.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;

/**
 * The C2B record of cooperation for indicators, and the calls to the registered
 * {@link CooperationListener}s after a commit. A request is an INTEREST from the requesting
 * organisation to the cluster's managing organisation (none when the cluster has no known
 * managing organisation); an accepted request is also an AGREEMENT between the same two, with an
 * id derived from the request's, since indicators count each id once.
 */
final class CooperationEvents {

    private final Supplier<List<CooperationListener>> listeners;

    CooperationEvents(Supplier<List<CooperationListener>> listeners) {
        this.listeners = listeners;
    }

    void recorded(Cooperation cooperation) {
        CooperationListener.tellAll(listeners.get(), cooperation);
    }

    static Cooperation interest(StoredRequest r) {
        return new Cooperation(C2bMode.ID, Cooperation.Kind.INTEREST, r.id(), r.organisationId(),
                r.clusterOrganisationId(), r.createdAt());
    }

    static Cooperation agreement(StoredRequest r) {
        return new Cooperation(C2bMode.ID, Cooperation.Kind.AGREEMENT, agreementId(r.id()), r.organisationId(),
                r.clusterOrganisationId(), r.answeredAt());
    }

    static UUID agreementId(UUID requestId) {
        return UUID.nameUUIDFromBytes(("c2b-agreement:" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
