package eu.danubia.b2b.internal;

import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;

/**
 * The B2B messages to users. Texts name the profile but never the other side's organisation or
 * contact: those are shown in the web shell to whoever may see them, and only after acceptance.
 * Nothing is sent when no notification service is installed, and a failing one never fails the
 * action that caused the message.
 */
final class Notifier {

    static final String INTEREST_RECEIVED = "b2b.interest.received";
    static final String INTEREST_ACCEPTED = "b2b.interest.accepted";
    static final String INTEREST_DECLINED = "b2b.interest.declined";
    static final String PROFILE_APPROVED = "b2b.profile.approved";
    static final String PROFILE_RETURNED = "b2b.profile.returned";
    static final String PROFILE_EXPIRING = "b2b.profile.expiring";

    static final String INTERESTS_LINK = "#/b2b/interests";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Supplier<NotificationService> service;

    Notifier(Supplier<NotificationService> service) {
        this.service = service;
    }

    static String profileLink(UUID profileId) {
        return "#/b2b/profiles/" + profileId;
    }

    void interestReceived(StoredProfile p, String senderCountry) {
        String from = senderCountry == null ? "An organisation" : "An organisation from " + senderCountry;
        send(p.ownerUserId(), p.associationId(), p.ownerEmail(), INTEREST_RECEIVED,
                "New expression of interest in \"" + p.title() + "\"",
                from + " expressed interest in your B2B profile \"" + p.title() + "\". Read its message in your B2B "
                        + "inbox and accept or decline it. Contact details are exchanged only when you accept.",
                INTERESTS_LINK);
    }

    void interestAnswered(StoredProfile p, StoredInterest i, boolean accepted) {
        if (accepted) {
            send(i.senderUserId(), i.senderAssociationId(), i.senderEmail(), INTEREST_ACCEPTED,
                    "Your expression of interest in \"" + p.title() + "\" was accepted",
                    "The owner of the B2B profile \"" + p.title() + "\" accepted your expression of interest. "
                            + "Their organisation and contact details are now shown in your B2B outbox.",
                    INTERESTS_LINK);
        } else {
            send(i.senderUserId(), i.senderAssociationId(), i.senderEmail(), INTEREST_DECLINED,
                    "Your expression of interest in \"" + p.title() + "\" was declined",
                    "The owner of the B2B profile \"" + p.title() + "\" declined your expression of interest. "
                            + "Similar profiles may still suit you: search the B2B profiles.",
                    INTERESTS_LINK);
        }
    }

    void approved(StoredProfile p) {
        send(p.ownerUserId(), p.associationId(), p.ownerEmail(), PROFILE_APPROVED,
                "Your B2B profile \"" + p.title() + "\" was approved",
                "Your B2B profile \"" + p.title() + "\" was approved and is now published until "
                        + p.content().expiresOn() + ".",
                profileLink(p.id()));
    }

    void returned(StoredProfile p, String comment) {
        send(p.ownerUserId(), p.associationId(), p.ownerEmail(), PROFILE_RETURNED,
                "Your B2B profile \"" + p.title() + "\" was returned for changes",
                "Your B2B profile \"" + p.title() + "\" was returned to you as a draft. The moderator's comment:\n\n"
                        + comment + "\n\nEdit the draft and submit it again.",
                profileLink(p.id()));
    }

    void expiring(StoredProfile p) {
        send(p.ownerUserId(), p.associationId(), p.ownerEmail(), PROFILE_EXPIRING,
                "Your B2B profile \"" + p.title() + "\" expires on " + p.content().expiresOn(),
                "Your B2B profile \"" + p.title() + "\" expires on " + p.content().expiresOn()
                        + ". Renew it to keep it published for another period.",
                profileLink(p.id()));
    }

    private void send(UUID userId, UUID associationId, String email, String kind, String subject, String text,
            String link) {
        NotificationService s = service.get();
        // profiles the platform itself owns (the demo profiles) have no person to tell
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
