-- C2C cooperation: cluster profiles (what the directory's cluster lacks) and partnership proposals
-- between two clusters. Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.
-- Enum columns hold the Java enum names. Cluster and organisation ids have no foreign key: the
-- directory is another module (its feature may be updated or reinstalled on its own); the service
-- checks them through DirectoryService.

-- One profile per directory cluster. association_id is the cluster's, copied when the profile is
-- written, so that reads can be tenant-scoped in SQL.
CREATE TABLE c2c_profiles (
    cluster_id           UUID PRIMARY KEY,
    association_id       UUID          NOT NULL REFERENCES associations (id),
    visibility           VARCHAR(16)   NOT NULL,
    strategic_interests  VARCHAR(4000),
    updated_by           UUID,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX c2c_profiles_association ON c2c_profiles (association_id, visibility);

-- The list fields, one row per value: field is VALUE_CHAIN (a NACE code), SERVICE (a service the
-- cluster offers, free text), EMERGING (an EmergingIndustry name) or LANGUAGE (ISO 639-1).
CREATE TABLE c2c_profile_values (
    cluster_id  UUID         NOT NULL REFERENCES c2c_profiles (cluster_id) ON DELETE CASCADE,
    field       VARCHAR(16)  NOT NULL,
    position    INTEGER      NOT NULL,
    val         VARCHAR(200) NOT NULL,
    PRIMARY KEY (cluster_id, field, position)
);
CREATE INDEX c2c_profile_values_value ON c2c_profile_values (field, val);

-- A partnership proposal from one cluster to another. The clusters' names and managing
-- organisations are copied when it is made: each side must see the other's name even when it may
-- not read the other's cluster any more.
CREATE TABLE c2c_proposals (
    id                    UUID PRIMARY KEY,
    type                  VARCHAR(32)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    message               VARCHAR(4000) NOT NULL,
    start_on              DATE,
    end_on                DATE,
    from_cluster_id       UUID          NOT NULL,
    from_cluster_name     VARCHAR(200)  NOT NULL,
    from_association_id   UUID          NOT NULL REFERENCES associations (id),
    from_organisation_id  UUID,
    to_cluster_id         UUID          NOT NULL,
    to_cluster_name       VARCHAR(200)  NOT NULL,
    to_association_id     UUID          NOT NULL REFERENCES associations (id),
    to_organisation_id    UUID,
    -- who is told on the proposing side (besides its association's admins) and who answered
    proposer_user_id      UUID,
    proposer_email        VARCHAR(320),
    answered_by           UUID,
    answered_email        VARCHAR(320),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at           TIMESTAMP WITH TIME ZONE,
    started_at            TIMESTAMP WITH TIME ZONE,
    ended_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX c2c_proposals_from ON c2c_proposals (from_association_id, created_at);
CREATE INDEX c2c_proposals_to ON c2c_proposals (to_association_id, created_at);
CREATE INDEX c2c_proposals_clusters ON c2c_proposals (from_cluster_id, to_cluster_id, status);
CREATE INDEX c2c_proposals_organisations ON c2c_proposals (from_organisation_id, to_organisation_id);
