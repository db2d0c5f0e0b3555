-- B2B cooperation: profiles (offers and requests), expressions of interest, agreements.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.
-- Enum columns hold the Java enum names. Organisation ids have no foreign key: the directory is
-- another module (its feature may be updated or reinstalled on its own); the service checks them.

CREATE TABLE b2b_profiles (
    id                  UUID PRIMARY KEY,
    type                VARCHAR(32)    NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    title               VARCHAR(200)   NOT NULL,
    summary             VARCHAR(1000)  NOT NULL,
    description         VARCHAR(10000) NOT NULL,
    innovation          VARCHAR(4000),
    stage               VARCHAR(16),
    ipr                 VARCHAR(32),
    partner_role        VARCHAR(1000),
    -- the owner organisation's country, copied from the directory when the profile is written,
    -- so that listings can filter on it in SQL
    country             VARCHAR(2)     NOT NULL,
    expires_on          DATE           NOT NULL,
    language            VARCHAR(8)     NOT NULL,
    organisation_id     UUID           NOT NULL,
    association_id      UUID           NOT NULL REFERENCES associations (id),
    -- who is told about interests, moderation and expiry
    owner_user_id       UUID,
    owner_email         VARCHAR(320),
    -- revealed only to the owner's side and to organisations whose interest was accepted
    contact_name        VARCHAR(200)   NOT NULL,
    contact_email       VARCHAR(320)   NOT NULL,
    contact_phone       VARCHAR(50),
    moderation_comment  VARCHAR(2000),
    expiry_notified     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX b2b_profiles_status ON b2b_profiles (status, type, country);
CREATE INDEX b2b_profiles_organisation ON b2b_profiles (organisation_id);
CREATE INDEX b2b_profiles_association ON b2b_profiles (association_id, status);
CREATE INDEX b2b_profiles_expiry ON b2b_profiles (status, expires_on);

-- Technology and market keywords; keyword_lower serves the exact (case-insensitive) keyword filter.
CREATE TABLE b2b_profile_keywords (
    profile_id     UUID         NOT NULL REFERENCES b2b_profiles (id) ON DELETE CASCADE,
    kind           VARCHAR(16)  NOT NULL,
    position       INTEGER      NOT NULL,
    keyword        VARCHAR(100) NOT NULL,
    keyword_lower  VARCHAR(100) NOT NULL,
    PRIMARY KEY (profile_id, kind, position)
);
CREATE INDEX b2b_profile_keywords_lower ON b2b_profile_keywords (keyword_lower);

CREATE TABLE b2b_profile_nace (
    profile_id  UUID       NOT NULL REFERENCES b2b_profiles (id) ON DELETE CASCADE,
    code        VARCHAR(8) NOT NULL,
    position    INTEGER    NOT NULL,
    PRIMARY KEY (profile_id, code)
);
CREATE INDEX b2b_profile_nace_code ON b2b_profile_nace (code);

-- The other list fields, one row per value: field is PARTNERSHIP_TYPE, TARGET_COUNTRY,
-- PARTNER_TYPE (an organisation type sought) or PARTNER_SIZE (a size class sought).
CREATE TABLE b2b_profile_codes (
    profile_id  UUID        NOT NULL REFERENCES b2b_profiles (id) ON DELETE CASCADE,
    field       VARCHAR(32) NOT NULL,
    position    INTEGER     NOT NULL,
    code        VARCHAR(40) NOT NULL,
    PRIMARY KEY (profile_id, field, position)
);
CREATE INDEX b2b_profile_codes_code ON b2b_profile_codes (field, code);

-- One expression of interest per organisation and profile: a second one is a conflict.
CREATE TABLE b2b_interests (
    id                      UUID PRIMARY KEY,
    profile_id              UUID          NOT NULL REFERENCES b2b_profiles (id) ON DELETE CASCADE,
    sender_organisation_id  UUID          NOT NULL,
    sender_association_id   UUID          NOT NULL REFERENCES associations (id),
    sender_user_id          UUID,
    sender_name             VARCHAR(200),
    sender_email            VARCHAR(320),
    message                 VARCHAR(4000) NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT b2b_interests_one_per_organisation UNIQUE (profile_id, sender_organisation_id)
);
CREATE INDEX b2b_interests_sender ON b2b_interests (sender_organisation_id);
CREATE INDEX b2b_interests_sender_association ON b2b_interests (sender_association_id);

CREATE TABLE b2b_agreements (
    id           UUID PRIMARY KEY,
    interest_id  UUID          NOT NULL REFERENCES b2b_interests (id) ON DELETE CASCADE,
    type         VARCHAR(40)   NOT NULL,
    description  VARCHAR(4000),
    signed_on    DATE          NOT NULL,
    created_by   UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX b2b_agreements_interest ON b2b_agreements (interest_id);
