-- Indicators: company-year facts, their region x division x year rollup and a version counter.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.

-- One row per company (country + national register id) and fiscal year, in EUR, with where it
-- belongs: region = NUTS 3 code (or NUTS 2 when the source gives no finer one), or the country
-- code outside NUTS (UA, MD, BA) or when no region is known; division = first two digits of the
-- first NACE code, '' when unknown. Written only by the engine's single worker.
CREATE TABLE indicator_facts (
    country          VARCHAR(2)    NOT NULL,
    national_id      VARCHAR(50)   NOT NULL,
    fiscal_year      INTEGER       NOT NULL,
    region           VARCHAR(5)    NOT NULL,
    division         VARCHAR(2)    NOT NULL,
    organisation_id  UUID,
    source           VARCHAR(40)   NOT NULL,
    turnover_eur     NUMERIC(24,4),
    employees        INTEGER,
    profit_eur       NUMERIC(24,4),
    exports_eur      NUMERIC(24,4),
    PRIMARY KEY (country, national_id, fiscal_year)
);
-- the engine diffs a batch of companies by national_id IN (...)
CREATE INDEX indicator_facts_national_id ON indicator_facts (national_id);
-- company pages and cluster dashboards read their members' facts
CREATE INDEX indicator_facts_organisation ON indicator_facts (organisation_id, fiscal_year);
-- peer medians of one region x division cell
CREATE INDEX indicator_facts_cell ON indicator_facts (region, division, fiscal_year);

-- Sums of the facts per region, division and year, kept equal to
--   SELECT region, division, fiscal_year, COUNT(*), ... FROM indicator_facts GROUP BY ...
-- by deltas in the transaction that changes the facts, so dashboards never scan the facts.
-- division '*' holds the region's total over all divisions (including unknown ones).
-- prod_turnover_eur / prod_employees cover only facts with both turnover and employees > 0,
-- so that productivity = prod_turnover_eur / prod_employees compares like with like.
CREATE TABLE indicator_rollup (
    region              VARCHAR(5)    NOT NULL,
    division            VARCHAR(2)    NOT NULL,
    fiscal_year         INTEGER       NOT NULL,
    companies           BIGINT        NOT NULL,
    employees           BIGINT        NOT NULL,
    employee_companies  BIGINT        NOT NULL,
    turnover_eur        NUMERIC(28,4) NOT NULL,
    turnover_companies  BIGINT        NOT NULL,
    prod_turnover_eur   NUMERIC(28,4) NOT NULL,
    prod_employees      BIGINT        NOT NULL,
    PRIMARY KEY (region, division, fiscal_year)
);
-- the map: all regions of one year and division (or *), and all cells of a year for the stars
CREATE INDEX indicator_rollup_year_division ON indicator_rollup (fiscal_year, division);

-- One row (id 1): the version dashboards poll, and the engine's catch-up watermark.
CREATE TABLE indicator_state (
    id          INTEGER       PRIMARY KEY,
    version     BIGINT        NOT NULL,
    watermark   TIMESTAMP WITH TIME ZONE
);
INSERT INTO indicator_state (id, version, watermark) VALUES (1, 0, NULL);
