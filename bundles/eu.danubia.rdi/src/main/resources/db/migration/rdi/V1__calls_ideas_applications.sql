-- RDI projects: funding calls, project ideas with the roles they need, applications to join.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.
-- Enum columns hold the Java enum names. Organisation ids have no foreign key: the directory is
-- another module (its feature may be updated or reinstalled on its own); the service checks them.

CREATE TABLE rdi_calls (
    topic_code          VARCHAR(100)   PRIMARY KEY,
    title               VARCHAR(1000)  NOT NULL,
    -- derived from the code prefix (Programmes), kept for filtering in SQL
    programme           VARCHAR(200)   NOT NULL,
    thematic            BOOLEAN        NOT NULL,
    deadline            DATE,
    -- ISO-2 codes separated by ';', null when the call says nothing (the CORDIS seed has none)
    eligible_countries  VARCHAR(1000),
    -- 'cordis-seed' for the bundled topics.tsv, 'import' for calls imported by a platform admin
    source              VARCHAR(32)    NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rdi_calls_programme ON rdi_calls (programme);

CREATE TABLE rdi_ideas (
    id                  UUID PRIMARY KEY,
    association_id      UUID           NOT NULL REFERENCES associations (id),
    organisation_id     UUID           NOT NULL,
    -- the owner organisation's country, copied from the directory when the idea is written
    country             VARCHAR(2)     NOT NULL,
    title               VARCHAR(200)   NOT NULL,
    summary             VARCHAR(4000)  NOT NULL,
    call_code           VARCHAR(100)   NOT NULL REFERENCES rdi_calls (topic_code),
    status              VARCHAR(16)    NOT NULL,
    visibility          VARCHAR(16)    NOT NULL,
    -- who is told about applications
    owner_user_id       UUID,
    owner_email         VARCHAR(320),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rdi_ideas_status ON rdi_ideas (status, visibility);
CREATE INDEX rdi_ideas_organisation ON rdi_ideas (organisation_id);
CREATE INDEX rdi_ideas_association ON rdi_ideas (association_id, status);

CREATE TABLE rdi_idea_roles (
    id                  UUID PRIMARY KEY,
    idea_id             UUID           NOT NULL REFERENCES rdi_ideas (id) ON DELETE CASCADE,
    position            INTEGER        NOT NULL,
    role                VARCHAR(32)    NOT NULL,
    -- the country wanted for this role, null for any
    country             VARCHAR(2),
    -- at most one organisation fills a role
    filled_by           UUID,
    filled_country      VARCHAR(2)
);
CREATE INDEX rdi_idea_roles_idea ON rdi_idea_roles (idea_id, position);
CREATE INDEX rdi_idea_roles_open ON rdi_idea_roles (role, country, filled_by);

CREATE TABLE rdi_applications (
    id                          UUID PRIMARY KEY,
    idea_id                     UUID           NOT NULL REFERENCES rdi_ideas (id) ON DELETE CASCADE,
    role_id                     UUID           NOT NULL REFERENCES rdi_idea_roles (id) ON DELETE CASCADE,
    applicant_organisation_id   UUID           NOT NULL,
    applicant_association_id    UUID           NOT NULL REFERENCES associations (id),
    applicant_country           VARCHAR(2)     NOT NULL,
    applicant_user_id           UUID,
    applicant_email             VARCHAR(320),
    message                     VARCHAR(4000)  NOT NULL,
    status                      VARCHAR(16)    NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at                 TIMESTAMP WITH TIME ZONE,
    -- one application per organisation and idea; a withdrawn or declined one is not replaced
    CONSTRAINT rdi_applications_once UNIQUE (idea_id, applicant_organisation_id)
);
CREATE INDEX rdi_applications_applicant ON rdi_applications (applicant_organisation_id);
CREATE INDEX rdi_applications_applicant_association ON rdi_applications (applicant_association_id);
