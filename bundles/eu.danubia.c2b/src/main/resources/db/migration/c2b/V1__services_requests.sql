-- C2B/B2C schema: the clusters' service catalogue, the requests businesses send to clusters, and
-- the users who speak for a cluster (told about new requests).
-- Portable SQL: PostgreSQL 15 and H2 2.2 in PostgreSQL mode. Enum columns hold the Java enum names.
-- cluster and organisation ids point into the directory's tables without foreign keys: the
-- directory is another module, and a request outlives a renamed or merged cluster.

CREATE TABLE c2b_services (
    id                        UUID PRIMARY KEY,
    cluster_id                UUID NOT NULL,
    -- the cluster's association and managing organisation when last saved: who manages the service
    association_id            UUID NOT NULL,
    provider_organisation_id  UUID,
    cluster_country           VARCHAR(2) NOT NULL,
    category                  VARCHAR(32) NOT NULL,
    title                     VARCHAR(200) NOT NULL,
    description               VARCHAR(10000) NOT NULL,
    price_model               VARCHAR(16) NOT NULL,
    price_amount              NUMERIC(12, 2),
    currency                  VARCHAR(3),
    eligibility               VARCHAR(16) NOT NULL,
    status                    VARCHAR(16) NOT NULL,
    created_by                UUID,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX c2b_services_cluster ON c2b_services (cluster_id, status);
CREATE INDEX c2b_services_status ON c2b_services (status, updated_at);
CREATE INDEX c2b_services_association ON c2b_services (association_id);
CREATE INDEX c2b_services_provider ON c2b_services (provider_organisation_id);

-- eligible countries (none: every country) and the languages the service is offered in
CREATE TABLE c2b_service_countries (
    service_id  UUID NOT NULL REFERENCES c2b_services (id) ON DELETE CASCADE,
    country     VARCHAR(2) NOT NULL,
    PRIMARY KEY (service_id, country)
);
CREATE TABLE c2b_service_languages (
    service_id  UUID NOT NULL REFERENCES c2b_services (id) ON DELETE CASCADE,
    code        VARCHAR(2) NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (service_id, code)
);

CREATE TABLE c2b_requests (
    id                           UUID PRIMARY KEY,
    kind                         VARCHAR(32) NOT NULL,
    cluster_id                   UUID NOT NULL,
    cluster_association_id       UUID NOT NULL,
    -- the cluster's managing organisation when the request was sent: the "to" side for indicators
    cluster_organisation_id      UUID,
    service_id                   UUID REFERENCES c2b_services (id),
    organisation_id              UUID NOT NULL,
    organisation_association_id  UUID NOT NULL,
    requester_user_id            UUID NOT NULL,
    requester_email              VARCHAR(320),
    message                      VARCHAR(4000),
    status                       VARCHAR(16) NOT NULL,
    answer                       VARCHAR(4000),
    answered_by                  UUID,
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at                  TIMESTAMP WITH TIME ZONE,
    -- kind:target:organisation while SUBMITTED, NULL after: at most one open request of a kind per
    -- organisation and service (or cluster), also under concurrent requests; portable, unlike a
    -- partial unique index
    open_key                     VARCHAR(120),
    CONSTRAINT c2b_requests_open UNIQUE (open_key)
);
CREATE INDEX c2b_requests_cluster_association ON c2b_requests (cluster_association_id, created_at);
CREATE INDEX c2b_requests_organisation ON c2b_requests (organisation_id, created_at);
CREATE INDEX c2b_requests_organisation_association ON c2b_requests (organisation_association_id);
CREATE INDEX c2b_requests_cluster_organisation ON c2b_requests (cluster_organisation_id);
CREATE INDEX c2b_requests_service ON c2b_requests (service_id);

-- users who edited a cluster's services or answered its requests: told about its new requests
CREATE TABLE c2b_cluster_contacts (
    cluster_id      UUID NOT NULL,
    user_id         UUID NOT NULL,
    email           VARCHAR(320),
    association_id  UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cluster_id, user_id)
);
