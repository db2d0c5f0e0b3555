CREATE TABLE notes (
    id              UUID PRIMARY KEY,
    association_id  UUID NOT NULL REFERENCES associations (id),
    visibility      VARCHAR(16) NOT NULL,
    body            VARCHAR(200) NOT NULL,
    written_on      DATE,
    written_at      TIMESTAMP WITH TIME ZONE
);
