-- Freshness: every roadmap's resources are re-checked on a schedule (api refresh.RefreshScheduler). The roadmap row
-- holds its own setting and when it is due; one row per check records what the check found.
ALTER TABLE roadmap
    ADD COLUMN refresh_enabled  boolean NOT NULL DEFAULT true,
    ADD COLUMN refresh_interval interval,          -- null: groundwork.refresh.default-interval
    ADD COLUMN next_check_at    timestamptz;       -- null: one interval after its import

CREATE TABLE roadmap_refresh (
    id                bigserial PRIMARY KEY,
    roadmap_id        text        NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    trigger           text        NOT NULL,        -- schedule, manual
    after_job_id      bigint      NOT NULL,        -- the check's ingest jobs have larger ids
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,                 -- null while its jobs run
    checked           integer     NOT NULL DEFAULT 0,
    unchanged         integer     NOT NULL DEFAULT 0,
    changed           integer     NOT NULL DEFAULT 0,
    failed            integer     NOT NULL DEFAULT 0,
    changed_resources jsonb       NOT NULL DEFAULT '[]',   -- [{"title", "url"}]
    failed_resources  jsonb       NOT NULL DEFAULT '[]'    -- [{"title", "url", "reason"}]
);
CREATE INDEX roadmap_refresh_latest ON roadmap_refresh (roadmap_id, id DESC);
-- At most one check of a roadmap runs at a time.
CREATE UNIQUE INDEX roadmap_refresh_one_open ON roadmap_refresh (roadmap_id) WHERE finished_at IS NULL;
