-- Readers that catch up on changes (the indicators' catch-up re-reads rows with
-- last_changed > watermark - overlap every few seconds) look rows up by last_changed
-- instead of scanning the tables.
CREATE INDEX ingest_companies_last_changed ON ingest_companies (last_changed);
CREATE INDEX ingest_financials_last_changed ON ingest_financials (last_changed);
