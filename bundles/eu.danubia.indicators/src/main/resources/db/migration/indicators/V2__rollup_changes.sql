-- Dashboard speed (issue 6 benchmark): the years of the map without a scan of the rollup, and a log
-- of the rollup cells each version changed, so the star ratings re-read only those cells.
-- Portable SQL: runs on PostgreSQL 15 and on H2 2.2 in PostgreSQL mode.

-- SELECT DISTINCT fiscal_year ... WHERE division = '*' reads the region totals only
CREATE INDEX indicator_rollup_division_year ON indicator_rollup (division, fiscal_year);

-- One row per rollup cell (region, division or '*', year) changed by a transaction, under the
-- version that transaction's bump makes; fiscal_year -1 (region and division '') marks a cleared
-- rollup. Written with the rollup deltas; rows older than 200 versions are deleted as new ones come.
CREATE TABLE indicator_rollup_changes (
    version      BIGINT       NOT NULL,
    region       VARCHAR(5)   NOT NULL,
    division     VARCHAR(2)   NOT NULL,
    fiscal_year  INTEGER      NOT NULL
);
CREATE INDEX indicator_rollup_changes_version ON indicator_rollup_changes (version, fiscal_year);
