package eu.danubia.notify.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Applies configuration {@code eu.danubia.notify} to the notification service: each change
 * replaces the mail sender. A component of its own that registers no service, because DS copies a
 * component's configuration into the properties of the services it registers, and the SMTP
 * password must not be readable by every bundle and shell user as a service property. It starts
 * right after the notification service, and notifications sent before that moment are in-app only.
 */
@Component(service = {}, configurationPid = NotifyConfig.PID, immediate = true)
@Designate(ocd = NotifyConfig.class)
public class MailConfigurator {

    private final NotificationServiceImpl notifications;

    @Activate
    public MailConfigurator(@Reference NotificationServiceImpl notifications, NotifyConfig config) {
        this.notifications = notifications;
        notifications.apply(SmtpSettings.of(config), true);
    }

    @Modified
    void modified(NotifyConfig config) {
        notifications.apply(SmtpSettings.of(config), true);
    }

    @Deactivate
    void deactivate() {
        notifications.apply(SmtpSettings.OFF, false);
    }
}
