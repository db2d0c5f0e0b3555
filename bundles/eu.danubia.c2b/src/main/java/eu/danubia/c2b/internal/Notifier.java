package eu.danubia.c2b.internal;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;

/**
 * The C2B messages to users, both ways: the cluster's contacts hear of new and withdrawn requests,
 * the requesting user of the cluster's answer (its text included). Nothing is sent without a
 * notification service, nor to the platform's own user (demo data), and a failing service never
 * fails the action.
 */
final class Notifier {

    static final String REQUEST_RECEIVED = "c2b.request.received";
    static final String REQUEST_WITHDRAWN = "c2b.request.withdrawn";
    static final String REQUEST_ACCEPTED = "c2b.request.accepted";
    static final String REQUEST_DECLINED = "c2b.request.declined";

    static final String INBOX_LINK = "#/c2b/inbox";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Supplier<NotificationService> service;

    Notifier(Supplier<NotificationService> service) {
        this.service = service;
    }

    static String requestLink(UUID id) {
        return "#/c2b/requests/" + id;
    }

    /** What the request is about, for subjects: the service's title or the cluster's name. */
    static String about(StoredRequest r, String serviceTitle, String clusterName) {
        return r.kind() == RequestKind.SERVICE_REQUEST ? "\"" + serviceTitle + "\""
                : "membership of " + (clusterName == null ? "the cluster" : clusterName);
    }

    void received(Collection<RequestRepository.Contact> contacts, StoredRequest r, String about, String organisation) {
        String subject = r.kind() == RequestKind.SERVICE_REQUEST ? "New request for " + about
                : "New application for " + about;
        String text = (organisation == null ? "An organisation" : organisation) + " sent a "
                + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " (" + about + "). Read its message in the "
                + "cluster inbox and accept or decline it with your answer.";
        for (RequestRepository.Contact c : contacts) {
            send(c.userId(), c.associationId(), c.email(), REQUEST_RECEIVED, subject, text, INBOX_LINK);
        }
    }

    void withdrawn(Collection<RequestRepository.Contact> contacts, StoredRequest r, String about, String organisation) {
        String subject = "Request withdrawn: " + about;
        String text = (organisation == null ? "An organisation" : organisation) + " withdrew its "
                + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " (" + about + ").";
        for (RequestRepository.Contact c : contacts) {
            send(c.userId(), c.associationId(), c.email(), REQUEST_WITHDRAWN, subject, text, INBOX_LINK);
        }
    }

    void answered(StoredRequest r, String about, boolean accepted) {
        String answer = r.answer() == null ? "" : "\n\nThe cluster's answer:\n\n" + r.answer();
        if (accepted) {
            String what = r.kind() == RequestKind.MEMBERSHIP_APPLICATION
                    ? "Your organisation is now a member of the cluster." : "The cluster will follow up on your request.";
            send(r.requesterUserId(), r.organisationAssociationId(), r.requesterEmail(), REQUEST_ACCEPTED,
                    "Your " + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " was accepted: " + about,
                    "The cluster accepted your " + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " (" + about + "). "
                            + what + answer,
                    requestLink(r.id()));
        } else {
            send(r.requesterUserId(), r.organisationAssociationId(), r.requesterEmail(), REQUEST_DECLINED,
                    "Your " + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " was declined: " + about,
                    "The cluster declined your " + r.kind().label().toLowerCase(java.util.Locale.ROOT) + " (" + about + ")."
                            + answer,
                    requestLink(r.id()));
        }
    }

    private void send(UUID userId, UUID associationId, String email, String kind, String subject, String text,
            String link) {
        NotificationService s = service.get();
        if (s == null || userId == null || Caller.SYSTEM.userId().equals(userId)) {
            return;
        }
        try {
            s.send(new Notification(userId, associationId, email, kind, subject, text, link));
        } catch (RuntimeException e) {
            LOG.warn("Could not send the notification {} to user {}: {}", kind, userId, e.toString());
        }
    }
}
