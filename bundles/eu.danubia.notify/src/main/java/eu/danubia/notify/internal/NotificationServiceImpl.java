package eu.danubia.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/**
 * Stores notifications for the in-app list and queues their e-mails in the outbox, in one
 * transaction; the {@link MailSender} delivers the outbox in the background. {@link #send} never
 * fails the caller's action: it rejects only malformed notifications (a bug in the caller).
 */
@Component(service = {NotificationService.class, Inbox.class, NotificationServiceImpl.class}, immediate = true)
public class NotificationServiceImpl implements NotificationService, Inbox {

    static final String MODULE = "notify";

    static final int MAX_KIND = 100;
    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 10_000;
    static final int MAX_LINK = 1000;
    static final int MAX_EMAIL = 320;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationServiceImpl.class);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Database db;
    private final Clock clock;
    private final NotificationRepository repository = new NotificationRepository();
    private volatile MailSender sender;

    /** E-mail stays off until {@link MailConfigurator} applies the configuration. */
    @Activate
    public NotificationServiceImpl(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    NotificationServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.migrate(MODULE, NotificationServiceImpl.class.getClassLoader());
    }

    @Deactivate
    void deactivate() {
        apply(SmtpSettings.OFF, false);
    }

    /** Replaces the sender with one for the new settings; {@code schedule} false leaves delivery to the caller (tests). */
    synchronized void apply(SmtpSettings next, boolean schedule) {
        MailSender previous = sender;
        sender = null;
        if (previous != null) {
            previous.close();
        }
        if (next.enabled()) {
            MailSender created = new MailSender(db, repository, next, clock);
            if (schedule) {
                created.start();
            }
            sender = created;
            LOG.info("E-mail notifications via {}:{} ({}{}) from {}", next.host(), next.port(), next.tls(),
                    next.authenticates() ? ", as " + next.username() : "", next.from());
        } else if (schedule) {
            LOG.info("E-mail notifications off ({} has no usable smtpHost): in-app only", NotifyConfig.PID);
        }
    }

    /** The current sender, null when e-mail is off. */
    MailSender sender() {
        return sender;
    }

    // ---- sending ----------------------------------------------------------------------------

    @Override
    public void send(Notification notification) {
        Notification n = checked(notification);
        String subject = oneLine(n.subject());
        require(!subject.isEmpty(), "subject has no visible text");
        MailSender mail = sender;
        String recipient = mail == null ? null : recipient(n);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            db.transaction(c -> {
                repository.insert(c, id, n, subject, now);
                if (recipient != null) {
                    repository.insertOutbox(c, UUID.randomUUID(), id, recipient, subject, body(n, mail.settings()), now);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // the caller's own action has succeeded; losing its notification must not undo that for the user
            LOG.error("Notification {} ({}) for user {} could not be stored", id, n.kind(), n.userId(), e);
            return;
        }
        if (recipient != null) {
            mail.wakeUp();
        }
    }

    private static Notification checked(Notification n) {
        if (n == null) {
            throw new IllegalArgumentException("notification is null");
        }
        require(n.userId() != null, "userId is required");
        require(n.kind() != null && !n.kind().isBlank() && n.kind().length() <= MAX_KIND,
                "kind is required, at most " + MAX_KIND + " characters");
        require(n.subject() != null && !n.subject().isBlank() && n.subject().length() <= MAX_SUBJECT,
                "subject is required, at most " + MAX_SUBJECT + " characters");
        require(n.text() != null && n.text().length() <= MAX_TEXT, "text is required, at most " + MAX_TEXT + " characters");
        require(n.email() == null || n.email().length() <= MAX_EMAIL, "email has more than " + MAX_EMAIL + " characters");
        String link = n.link();
        if (link != null) {
            // a link is a path of this platform: no scheme, no '//' or '\' that would leave the site, no line breaks
            require(!link.isBlank() && link.length() <= MAX_LINK && !SCHEME.matcher(link).find()
                    && !link.startsWith("//") && link.indexOf('\\') < 0 && !CONTROL.matcher(link).find()
                    && link.chars().noneMatch(Character::isWhitespace),
                    "link must be a path of the web shell such as #/b2b/profiles/<id>, at most " + MAX_LINK + " characters");
        }
        return n;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A subject is one header line: line breaks would let text inject mail headers. */
    static String oneLine(String subject) {
        return CONTROL.matcher(subject).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    /** The address to mail, or null when there is none or it is unusable (then the notification is in-app only). */
    private static String recipient(Notification n) {
        if (n.email() == null || n.email().isBlank()) {
            return null;
        }
        String email = n.email().strip();
        try {
            new InternetAddress(email, true).validate();
            return email;
        } catch (AddressException e) {
            LOG.warn("Notification {} for user {} not e-mailed: the address is not valid ({})", n.kind(), n.userId(),
                    e.getMessage());
            return null;
        }
    }

    static String body(Notification n, SmtpSettings smtp) {
        if (n.link() == null) {
            return n.text();
        }
        return n.text() + "\n\n" + smtp.absoluteLink(n.link());
    }

    // ---- inbox ------------------------------------------------------------------------------

    @Override
    public Page<InboxItem> list(Caller caller, boolean unreadOnly, PageRequest page) {
        UUID user = user(caller);
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        return db.read(c -> repository.list(c, user, unreadOnly, p));
    }

    @Override
    public long unreadCount(Caller caller) {
        UUID user = user(caller);
        return db.read(c -> repository.unread(c, user));
    }

    @Override
    public void markRead(Caller caller, UUID id) {
        UUID user = user(caller);
        Instant now = clock.instant();
        boolean found = id != null && db.transaction(c -> repository.markRead(c, user, id, now));
        if (!found) {
            throw new NotFoundException("Notification");
        }
    }

    @Override
    public void markAllRead(Caller caller) {
        UUID user = user(caller);
        Instant now = clock.instant();
        db.transaction(c -> repository.markAllRead(c, user, now));
    }

    private static UUID user(Caller caller) {
        if (caller == null || caller.isAnonymous()) {
            throw new UnauthorizedException("Log in first");
        }
        return caller.userId();
    }
}
