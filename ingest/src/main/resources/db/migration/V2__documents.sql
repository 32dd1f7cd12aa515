-- One fetched document of a resource: the resource's own page, a crawled subpage, a repository README or a
-- linked PDF. Its validators and content hash make re-ingesting an unchanged document a no-op.
CREATE TABLE document (
    id            uuid PRIMARY KEY,               -- name-based UUID of resource id + URL
    resource_id   uuid    NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    url           text    NOT NULL,               -- original URL (never the mirror's)
    final_url     text,                           -- after redirects
    depth         integer NOT NULL DEFAULT 0,     -- crawl depth below the resource URL
    media_type    text,
    state         text    NOT NULL,               -- fetched, not_modified, failed
    reason        text,                           -- why it failed: HTTP 404, robots, refused address, …
    http_status   integer,
    etag          text,
    last_modified text,
    content_hash  text,                           -- SHA-256 of the fetched bytes
    title         text,
    chunk_count   integer NOT NULL DEFAULT 0,
    page_count    integer,
    fetched_at    timestamptz,
    UNIQUE (resource_id, url)
);

ALTER TABLE chunks ADD COLUMN document_id uuid REFERENCES document (id) ON DELETE CASCADE;
CREATE INDEX chunks_document ON chunks (document_id);

CREATE UNIQUE INDEX ingest_job_one_open_per_target ON ingest_job (roadmap_id, kind, coalesce(resource_id::text, ''))
    WHERE state IN ('queued', 'running');
