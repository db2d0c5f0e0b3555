package eu.danubia.api.notification;

/**
 * Delivers notifications: stored for the user's in-app list at once, and sent by e-mail when an
 * address is given and SMTP is configured. Sending never fails the caller's action: a mail that
 * cannot be delivered is logged and retried.
 */
public interface NotificationService {

    void send(Notification notification);
}
