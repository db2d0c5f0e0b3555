package eu.danubia.c2c.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;

/**
 * The C2C messages: each goes to the admins of the other side's association (and to the users of
 * that side who acted on the proposal), never to the user who acted. Nothing is sent without a
 * notification service, nor for what the platform itself does (the demo data); a failing service
 * never fails the action.
 */
final class Notifier {

    static final String RECEIVED = "c2c.proposal.received";
    static final String ACCEPTED = "c2c.proposal.accepted";
    static final String DECLINED = "c2c.proposal.declined";
    static final String WITHDRAWN = "c2c.proposal.withdrawn";
    static final String STARTED = "c2c.proposal.started";
    static final String ENDED = "c2c.proposal.ended";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Supplier<NotificationService> service;
    private final Function<UUID, List<AssociationAdmins.Recipient>> admins;

    Notifier(Supplier<NotificationService> service, Function<UUID, List<AssociationAdmins.Recipient>> admins) {
        this.service = service;
        this.admins = admins;
    }

    static String link(UUID proposalId) {
        return "#/c2c/proposals/" + proposalId;
    }

    void received(Caller actor, StoredProposal p) {
        toSide(actor, p, p.to(), RECEIVED, "New partnership proposal from " + p.from().clusterName(),
                p.from().clusterName() + " proposes a " + p.type().label().toLowerCase(java.util.Locale.ROOT)
                        + " to your cluster " + p.to().clusterName() + ": \"" + p.title()
                        + "\". Read it in your C2C inbox and accept or decline it.");
    }

    void answered(Caller actor, StoredProposal p, boolean accepted) {
        String verb = accepted ? "accepted" : "declined";
        toSide(actor, p, p.from(), accepted ? ACCEPTED : DECLINED,
                p.to().clusterName() + " " + verb + " your partnership proposal",
                p.to().clusterName() + " " + verb + " the partnership proposal \"" + p.title() + "\" of "
                        + p.from().clusterName() + "." + (accepted ? " Either side may now start the partnership." : ""));
    }

    void withdrawn(Caller actor, StoredProposal p) {
        toSide(actor, p, p.to(), WITHDRAWN, p.from().clusterName() + " withdrew its partnership proposal",
                p.from().clusterName() + " withdrew the partnership proposal \"" + p.title() + "\" to "
                        + p.to().clusterName() + ".");
    }

    void startedOrEnded(Caller actor, StoredProposal p, boolean started) {
        String verb = started ? "started" : "ended";
        for (StoredProposal.Side side : List.of(p.from(), p.to())) {
            // the side that acted knows; a platform admin of neither side tells both
            if (!side.associationId().equals(actor.associationId())) {
                toSide(actor, p, side, started ? STARTED : ENDED, "Partnership \"" + p.title() + "\" " + verb,
                        "The partnership \"" + p.title() + "\" between " + p.from().clusterName() + " and "
                                + p.to().clusterName() + " was " + verb + ".");
            }
        }
    }

    private void toSide(Caller actor, StoredProposal p, StoredProposal.Side side, String kind, String subject,
            String text) {
        NotificationService s = service.get();
        if (s == null || Caller.SYSTEM.userId().equals(actor.userId())) {
            return;
        }
        Map<UUID, String> to = new LinkedHashMap<>();
        try {
            for (AssociationAdmins.Recipient r : admins.apply(side.associationId())) {
                to.putIfAbsent(r.userId(), r.email());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not find the admins of association {}: {}", side.associationId(), e.toString());
        }
        if (side == p.from() && p.proposerUserId() != null) {
            to.putIfAbsent(p.proposerUserId(), p.proposerEmail());
        }
        if (side == p.to() && p.answeredBy() != null) {
            to.putIfAbsent(p.answeredBy(), p.answeredEmail());
        }
        to.remove(actor.userId());
        to.remove(Caller.SYSTEM.userId());
        for (Map.Entry<UUID, String> r : to.entrySet()) {
            try {
                s.send(new Notification(r.getKey(), side.associationId(), r.getValue(), kind, subject, text, link(p.id())));
            } catch (RuntimeException e) {
                LOG.warn("Could not send the notification {} to user {}: {}", kind, r.getKey(), e.toString());
            }
        }
    }
}
