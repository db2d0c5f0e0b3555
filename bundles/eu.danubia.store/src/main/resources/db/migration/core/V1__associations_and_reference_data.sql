-- Core schema: the tenants every module scopes by, and the reference classifications.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.

CREATE TABLE associations (
    id          UUID PRIMARY KEY,
    slug        VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    country     CHAR(2)      NOT NULL,
    website     VARCHAR(300),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- NUTS 2021 regions (levels 0-3), from Eurostat GISCO.
CREATE TABLE nuts_regions (
    code     VARCHAR(5)   PRIMARY KEY,
    level    SMALLINT     NOT NULL,
    country  CHAR(2)      NOT NULL,
    name     VARCHAR(200) NOT NULL
);
CREATE INDEX nuts_regions_country ON nuts_regions (country, level);

-- NACE Rev.2 activities: sections (C), divisions (29), groups (29.1), classes (29.10).
CREATE TABLE nace_codes (
    code      VARCHAR(8)   PRIMARY KEY,
    label_en  VARCHAR(300) NOT NULL,
    label_sk  VARCHAR(300)
);
