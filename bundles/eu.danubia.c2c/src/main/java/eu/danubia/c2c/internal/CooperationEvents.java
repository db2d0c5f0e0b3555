package eu.danubia.c2c.internal;

import java.util.List;
import java.util.function.Supplier;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;

/**
 * Tells the registered {@link CooperationListener}s (the indicators) that a proposal or an
 * acceptance was committed. Called after the commit; a listener that throws is logged and never
 * fails the request.
 */
final class CooperationEvents {

    private final Supplier<List<CooperationListener>> listeners;

    CooperationEvents(Supplier<List<CooperationListener>> listeners) {
        this.listeners = listeners;
    }

    void recorded(Cooperation cooperation) {
        CooperationListener.tellAll(listeners.get(), cooperation);
    }
}
