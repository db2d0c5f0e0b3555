-- Directory schema: organisations, clusters and their memberships.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.
-- Enum columns (type, size_class, visibility) hold the Java enum names.

CREATE TABLE organisations (
    id              UUID PRIMARY KEY,
    association_id  UUID NOT NULL REFERENCES associations (id),
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(32)  NOT NULL,
    country         VARCHAR(2)   NOT NULL,
    nuts_code       VARCHAR(5),
    city            VARCHAR(100),
    size_class      VARCHAR(16),
    website         VARCHAR(300),
    description     VARCHAR(4000),
    visibility      VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX organisations_association ON organisations (association_id, visibility);
CREATE INDEX organisations_country ON organisations (country, type);
CREATE INDEX organisations_nuts ON organisations (nuts_code);
CREATE INDEX organisations_name ON organisations (name);

CREATE TABLE organisation_nace (
    organisation_id  UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    code             VARCHAR(8) NOT NULL,
    position         INTEGER    NOT NULL,
    PRIMARY KEY (organisation_id, code)
);
-- prefix filters (code LIKE '62%') use this index
CREATE INDEX organisation_nace_code ON organisation_nace (code);

-- A national register id belongs to one organisation only: registering it again is a conflict.
CREATE TABLE organisation_ids (
    organisation_id  UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    scheme           VARCHAR(20) NOT NULL,
    "value"          VARCHAR(50) NOT NULL,
    CONSTRAINT organisation_ids_scheme_value UNIQUE (scheme, "value")
);
CREATE INDEX organisation_ids_organisation ON organisation_ids (organisation_id);

CREATE TABLE clusters (
    id                        UUID PRIMARY KEY,
    association_id            UUID NOT NULL REFERENCES associations (id),
    name                      VARCHAR(200) NOT NULL,
    managing_organisation_id  UUID REFERENCES organisations (id) ON DELETE SET NULL,
    country                   VARCHAR(2)   NOT NULL,
    nuts_code                 VARCHAR(5),
    description               VARCHAR(4000),
    website                   VARCHAR(300),
    visibility                VARCHAR(16)  NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX clusters_association ON clusters (association_id, visibility);
CREATE INDEX clusters_country ON clusters (country);
CREATE INDEX clusters_name ON clusters (name);

CREATE TABLE cluster_sectors (
    cluster_id  UUID NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    code        VARCHAR(8) NOT NULL,
    position    INTEGER    NOT NULL,
    PRIMARY KEY (cluster_id, code)
);
CREATE INDEX cluster_sectors_code ON cluster_sectors (code);

CREATE TABLE cluster_members (
    cluster_id       UUID NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    organisation_id  UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    since            DATE,
    PRIMARY KEY (cluster_id, organisation_id)
);
CREATE INDEX cluster_members_organisation ON cluster_members (organisation_id);

-- Contact persons: personal data, read by later modules only where the owner agreed.
CREATE TABLE persons (
    id               UUID PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             VARCHAR(200) NOT NULL,
    role             VARCHAR(200),
    email            VARCHAR(320),
    phone            VARCHAR(50)
);
CREATE INDEX persons_organisation ON persons (organisation_id);
