package eu.danubia.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import eu.danubia.store.Database;
import eu.danubia.store.Workers;

/**
 * Delivers the mail outbox over SMTP on one background thread. A failed mail is retried after
 * 1 min, 5 min, 30 min, 2 h and 2 h; after the sixth failed attempt it is given up and keeps its
 * last error for the operator. One instance per SMTP configuration: a new configuration closes it
 * and starts another.
 *
 * <p>Jakarta Mail and Activation are embedded in this bundle and find their implementations
 * through the thread context class loader, so every use of them runs with this bundle's loader set.
 */
final class MailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    static final int MAX_ATTEMPTS = 6;
    /** Wait before the attempt after the n-th failure; the last value repeats. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    /** How long a claimed mail is reserved for the sender that claimed it. */
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofSeconds(30);
    static final int BATCH = 50;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Database db;
    private final NotificationRepository repository;
    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final ReentrantLock delivering = new ReentrantLock();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean closing;

    MailSender(Database db, NotificationRepository repository, SmtpSettings settings, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("e-mail is off in " + settings);
        }
        this.db = db;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.session = withBundleLoader(() -> Session.getInstance(settings.sessionProperties()));
    }

    SmtpSettings settings() {
        return settings;
    }

    /** Starts polling the outbox in the background. */
    synchronized void start() {
        closing = false;
        if (executor == null) {
            java.util.concurrent.ScheduledThreadPoolExecutor ex = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "danubia-notify-mail");
                t.setDaemon(true);
                return t;
            });
            // close() lets a running delivery finish but starts no waiting one
            ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            ex.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            ex.scheduleWithFixedDelay(this::deliverDueLogged, 1, POLL.toSeconds(), TimeUnit.SECONDS);
            executor = ex;
        }
    }

    /**
     * Asks the background thread to deliver now, e.g. right after a mail was queued. Wake-ups that
     * arrive while one is pending share its run, so a burst of notifications queues one run, not one each.
     */
    void wakeUp() {
        ScheduledExecutorService ex = executor;
        if (ex != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                ex.execute(() -> {
                    wakeUpPending.set(false);
                    deliverDueLogged();
                });
            } catch (RejectedExecutionException closed) {
                // closed meanwhile: the next sender picks the mail up
                wakeUpPending.set(false);
            }
        }
    }

    @Override
    public synchronized void close() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex == null) {
            return;
        }
        closing = true;
        // no interrupt: the delivery thread writes to the database, and an interrupted H2 write closes it (see Workers)
        if (!Workers.stop(ex, java.time.Duration.ofMillis(SmtpSettings.IO_TIMEOUT_MS + 5_000L))) {
            LOG.warn("Mail sender did not stop in time; a mail being sent stays claimed and is retried later");
        }
    }

    /**
     * Delivers every mail that is due now (at most one batch) and returns how many were sent.
     * Normally run by the background thread; tests call it directly.
     */
    int deliverDue() {
        delivering.lock();
        try {
            Instant now = clock.instant();
            List<OutboxMail> due = db.read(c -> repository.due(c, now, BATCH));
            return due.isEmpty() ? 0 : withBundleLoader(() -> deliver(due));
        } finally {
            delivering.unlock();
        }
    }

    private void deliverDueLogged() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // a database outage must not end the schedule: the next run tries again
            LOG.error("Mail outbox run failed", e);
        }
    }

    private int deliver(List<OutboxMail> due) {
        int sent = 0;
        Transport transport = null;
        MessagingException connectFailure = null;
        try {
            for (OutboxMail mail : due) {
                if (Thread.currentThread().isInterrupted() || closing) {
                    break; // close() waits for this mail, not for the rest (it does not interrupt)
                }
                int attempt = mail.attempts() + 1;
                Instant lease = clock.instant().plus(LEASE);
                if (!db.transaction(c -> repository.claim(c, mail, lease))) {
                    continue;
                }
                MimeMessage message;
                try {
                    message = message(mail);
                } catch (MessagingException e) {
                    giveUp(mail, attempt, e);
                    continue;
                }
                if (connectFailure != null) {
                    // the server was unreachable a moment ago: count the attempt without waiting for another timeout
                    failed(mail, attempt, connectFailure);
                    continue;
                }
                try {
                    if (transport == null || !transport.isConnected()) {
                        closeQuietly(transport);
                        transport = connect();
                    }
                } catch (MessagingException e) {
                    connectFailure = e;
                    failed(mail, attempt, e);
                    continue;
                }
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    failed(mail, attempt, e);
                    continue;
                }
                Instant now = clock.instant();
                db.transaction(c -> {
                    repository.sent(c, mail.id(), now);
                    return null;
                });
                sent++;
            }
        } finally {
            closeQuietly(transport);
        }
        return sent;
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            transport.connect();
        }
        return transport;
    }

    MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        // strict: exactly one well-formed address, never a list smuggled into the field
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    private void failed(OutboxMail mail, int attempt, Exception e) {
        if (attempt >= MAX_ATTEMPTS) {
            giveUp(mail, attempt, e);
            return;
        }
        Instant next = clock.instant().plus(backoff(attempt));
        String error = describe(e);
        record(mail, error, next);
        LOG.warn("E-mail {} attempt {} of {} failed, next at {}: {}", mail.id(), attempt, MAX_ATTEMPTS, next, error);
    }

    private void giveUp(OutboxMail mail, int attempt, Exception e) {
        String error = describe(e);
        record(mail, error, null);
        LOG.error("E-mail {} given up after attempt {}: {}", mail.id(), attempt, error);
    }

    private void record(OutboxMail mail, String error, Instant next) {
        db.transaction(c -> {
            repository.failed(c, mail.id(), error, next);
            return null;
        });
    }

    /** Wait after the given failed attempt (1-based). */
    static Duration backoff(int attempt) {
        return BACKOFF.get(Math.min(Math.max(attempt, 1), BACKOFF.size()) - 1);
    }

    /**
     * One line for last_error and the log. Jakarta Mail's messages carry the server's reply and the
     * nested cause, never the credentials given to connect().
     */
    static String describe(Exception e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (depth > 0) {
                sb.append("; caused by ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage() == null ? "" : t.getMessage());
        }
        String text = sb.toString().replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("Closing the SMTP connection failed", e);
            }
        }
    }

    static <T> T withBundleLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailSender.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
