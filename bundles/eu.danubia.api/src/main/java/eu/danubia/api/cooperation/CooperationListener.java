package eu.danubia.api.cooperation;

/**
 * Told after a mode committed a new interest or agreement. Register one as an OSGi service; modes
 * call every registered listener after the commit on the request's thread, so return quickly.
 * A listener that throws is logged and never fails the request.
 */
public interface CooperationListener {

    void recorded(Cooperation cooperation);
}
