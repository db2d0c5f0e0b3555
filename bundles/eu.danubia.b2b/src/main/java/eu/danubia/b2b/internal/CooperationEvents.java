package eu.danubia.b2b.internal;

import java.util.List;
import java.util.function.Supplier;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;

/**
 * Tells the registered {@link CooperationListener}s (the indicators) that an interest or an
 * agreement was committed. Called after the commit; a listener that throws is logged and never
 * fails the request that recorded the cooperation.
 */
final class CooperationEvents {

    private final Supplier<List<CooperationListener>> listeners;

    CooperationEvents(Supplier<List<CooperationListener>> listeners) {
        this.listeners = listeners;
    }

    void recorded(Cooperation cooperation) {
        CooperationListener.tellAll(listeners.get(), cooperation);
    }

    static Cooperation interest(StoredInterest i, StoredProfile p) {
        return new Cooperation(B2bMode.ID, Cooperation.Kind.INTEREST, i.id(), i.senderOrganisationId(),
                p.organisationId(), i.createdAt());
    }
}
