package eu.danubia.api.cooperation;

/**
 * Told after a mode committed a new interest or agreement. Register one as an OSGi service; modes
 * call every registered listener after the commit on the request's thread, so return quickly.
 * A listener that throws is logged and never fails the request.
 */
public interface CooperationListener {

    void recorded(Cooperation cooperation);

    /**
     * How a mode tells its listeners, after its commit: each in turn, a failing one logged and skipped,
     * so a listener can neither fail nor undo the request.
     */
    static void tellAll(Iterable<? extends CooperationListener> listeners, Cooperation cooperation) {
        if (listeners == null) {
            return;
        }
        for (CooperationListener l : listeners) {
            try {
                l.recorded(cooperation);
            } catch (RuntimeException e) {
                System.getLogger(CooperationListener.class.getName()).log(System.Logger.Level.WARNING,
                        "The cooperation listener " + l.getClass().getName() + " failed on " + cooperation.kind() + " "
                                + cooperation.id(), e);
            }
        }
    }
}
