-- A target (a roadmap's topic texts, or a resource for a roadmap) had at most one open job, so a roadmap
-- re-imported while its job was running queued nothing: the running job had read the old roadmap, and what
-- the import changed was never ingested. Now a target may have one queued job next to a running one; the
-- queued one is claimed once the running one is finished (JobQueue.claim), so the two never run at once.
DROP INDEX ingest_job_one_open_per_target;
CREATE UNIQUE INDEX ingest_job_one_queued_per_target ON ingest_job (roadmap_id, kind, coalesce(resource_id::text, ''))
    WHERE state = 'queued';
