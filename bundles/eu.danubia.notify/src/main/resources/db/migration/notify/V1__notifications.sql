-- In-app notifications and the e-mail outbox. user_id and association_id have no foreign keys:
-- users belong to the security module, and a notification outlives neither more nor less than its user.
CREATE TABLE notifications (
    id             UUID PRIMARY KEY,
    user_id        UUID NOT NULL,
    association_id UUID,
    kind           VARCHAR(100) NOT NULL,
    subject        VARCHAR(300) NOT NULL,
    text           VARCHAR(10000) NOT NULL,
    link           VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notifications_user_created ON notifications (user_id, created_at);
CREATE INDEX notifications_user_read ON notifications (user_id, read_at);

-- One row per e-mail to deliver. Written in the same transaction as its notification, so a mail is
-- never lost nor sent for a notification that was rolled back. attempts counts delivery tries;
-- a row with sent_at NULL is due at next_attempt_at; next_attempt_at NULL means sent or given up.
CREATE TABLE mail_outbox (
    id              UUID PRIMARY KEY,
    notification_id UUID NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    body            VARCHAR(12000) NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);

CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
CREATE INDEX mail_outbox_notification ON mail_outbox (notification_id);
