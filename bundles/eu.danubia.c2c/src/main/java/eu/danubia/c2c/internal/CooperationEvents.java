package eu.danubia.c2c.internal;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;

/**
 * Tells the registered {@link CooperationListener}s (the indicators) that a proposal or an
 * acceptance was committed. Called after the commit; a listener that throws is logged and never
 * fails the request.
 */
final class CooperationEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CooperationEvents.class);

    private final Supplier<List<CooperationListener>> listeners;

    CooperationEvents(Supplier<List<CooperationListener>> listeners) {
        this.listeners = listeners;
    }

    void recorded(Cooperation cooperation) {
        List<CooperationListener> all = listeners.get();
        if (all == null) {
            return;
        }
        for (CooperationListener l : all) {
            try {
                l.recorded(cooperation);
            } catch (RuntimeException e) {
                LOG.warn("The cooperation listener {} failed on {} {}: {}", l.getClass().getName(), cooperation.kind(),
                        cooperation.id(), e.toString());
            }
        }
    }
}
