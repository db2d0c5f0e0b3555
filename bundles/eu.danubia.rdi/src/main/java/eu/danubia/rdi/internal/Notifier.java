package eu.danubia.rdi.internal;

import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;

/**
 * The RDI messages to users. Nothing is sent without a notification service, nor to the platform's
 * own user (demo data), and a failing service never fails the action.
 */
final class Notifier {

    static final String APPLICATION_RECEIVED = "rdi.application.received";
    static final String APPLICATION_ACCEPTED = "rdi.application.accepted";
    static final String APPLICATION_DECLINED = "rdi.application.declined";
    static final String APPLICATION_WITHDRAWN = "rdi.application.withdrawn";

    static final String APPLICATIONS_LINK = "#/rdi/applications";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Supplier<NotificationService> service;

    Notifier(Supplier<NotificationService> service) {
        this.service = service;
    }

    static String ideaLink(UUID id) {
        return "#/rdi/ideas/" + id;
    }

    void received(StoredIdea i, StoredApplication a, RoleKind role, String applicantName) {
        String from = applicantName != null ? applicantName + " (" + a.applicantCountry() + ")"
                : "An organisation from " + a.applicantCountry();
        send(i.ownerUserId(), i.associationId(), i.ownerEmail(), APPLICATION_RECEIVED,
                "New application to \"" + i.title() + "\"",
                from + " applied to join your project idea \"" + i.title() + "\" as " + role.label()
                        + ". Read its message in your RDI applications and accept or decline it.",
                APPLICATIONS_LINK);
    }

    void answered(StoredIdea i, StoredApplication a, RoleKind role, boolean accepted) {
        if (accepted) {
            send(a.applicantUserId(), a.applicantAssociationId(), a.applicantEmail(), APPLICATION_ACCEPTED,
                    "You joined \"" + i.title() + "\" as " + role.label(),
                    "The owner of the project idea \"" + i.title() + "\" accepted your application: your organisation "
                            + "now fills the role " + role.label() + " in its consortium.",
                    ideaLink(i.id()));
        } else {
            send(a.applicantUserId(), a.applicantAssociationId(), a.applicantEmail(), APPLICATION_DECLINED,
                    "Your application to \"" + i.title() + "\" was declined",
                    "The owner of the project idea \"" + i.title() + "\" declined your application as " + role.label()
                            + ". Other open ideas may suit you: browse the partner search.",
                    APPLICATIONS_LINK);
        }
    }

    void withdrawn(StoredIdea i, RoleKind role) {
        send(i.ownerUserId(), i.associationId(), i.ownerEmail(), APPLICATION_WITHDRAWN,
                "An application to \"" + i.title() + "\" was withdrawn",
                "An organisation withdrew its application as " + role.label() + " to your project idea \"" + i.title()
                        + "\".",
                APPLICATIONS_LINK);
    }

    private void send(UUID userId, UUID associationId, String email, String kind, String subject, String text,
            String link) {
        NotificationService s = service.get();
        if (s == null || userId == null && email == null || Caller.SYSTEM.userId().equals(userId)) {
            return;
        }
        try {
            s.send(new Notification(userId, associationId, email, kind, subject, text, link));
        } catch (RuntimeException e) {
            LOG.warn("Could not send the notification {} to user {}: {}", kind, userId, e.toString());
        }
    }
}
