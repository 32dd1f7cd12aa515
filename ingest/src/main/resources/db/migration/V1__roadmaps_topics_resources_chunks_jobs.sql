-- Groundwork schema v1: roadmaps and their topic trees, shared resources, the chunk table that
-- Spring AI's PgVectorStore writes (vector(384) + HNSW cosine + generated tsvector), ingest jobs.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE roadmap (
    id            text PRIMARY KEY,               -- slug of the title
    title         text        NOT NULL,
    description   text,
    source_name   text,                           -- file name it came from, if known
    content_hash  text        NOT NULL,           -- SHA-256 of the repaired text
    document      text        NOT NULL,           -- the repaired text, so a re-parse needs no file
    imported_at   timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE topic (
    id              uuid PRIMARY KEY,             -- name-based UUID of roadmap id + key: stable across re-imports
    roadmap_id      text    NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    parent_id       uuid             REFERENCES topic (id) ON DELETE CASCADE,
    key             text    NOT NULL,             -- e.g. month-1/week-2
    position        integer NOT NULL,             -- depth-first document order within the roadmap
    kind            text    NOT NULL,
    title           text    NOT NULL,
    path            jsonb   NOT NULL,             -- titles root → self
    description     text,
    concepts        jsonb   NOT NULL DEFAULT '[]',
    build_tasks     jsonb   NOT NULL DEFAULT '[]',
    interview_focus jsonb   NOT NULL DEFAULT '[]',
    UNIQUE (roadmap_id, key)
);
CREATE INDEX topic_roadmap_position ON topic (roadmap_id, position);

-- Resources are shared between roadmaps: one row per URL, or per named reference (a book, a course).
CREATE TABLE resource (
    id            uuid PRIMARY KEY,               -- name-based UUID of the URL or of type + name
    url           text UNIQUE,                    -- null for a named reference
    title         text        NOT NULL,
    type          text        NOT NULL,           -- link, book, course, …
    state         text        NOT NULL DEFAULT 'pending',
    reason        text,
    etag          text,
    last_modified text,
    content_hash  text,
    chunk_count   integer,
    page_count    integer,
    fetched_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE topic_resource (
    topic_id    uuid    NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    resource_id uuid    NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    title       text    NOT NULL,                 -- the link text this roadmap uses
    PRIMARY KEY (topic_id, resource_id)
);
CREATE INDEX topic_resource_resource ON topic_resource (resource_id);

-- Written through Spring AI's PgVectorStore (id, content, metadata, embedding); the other columns are ours.
CREATE TABLE chunks (
    id          uuid PRIMARY KEY,
    content     text,
    metadata    jsonb,
    embedding   vector(384),
    resource_id uuid REFERENCES resource (id) ON DELETE CASCADE,
    topic_id    uuid REFERENCES topic (id) ON DELETE CASCADE,
    model_id    text,
    content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(content, ''))) STORED
);
CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_content_tsv ON chunks USING gin (content_tsv);
CREATE INDEX chunks_resource ON chunks (resource_id);
CREATE INDEX chunks_topic ON chunks (topic_id);

-- Durable ingest jobs, claimed with FOR UPDATE SKIP LOCKED so several workers can share one database.
CREATE TABLE ingest_job (
    id           bigserial PRIMARY KEY,
    roadmap_id   text        NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    resource_id  uuid                 REFERENCES resource (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    state        text        NOT NULL DEFAULT 'queued',   -- queued, running, done, failed
    attempts     integer     NOT NULL DEFAULT 0,
    locked_by    text,
    locked_until timestamptz,
    error        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_job_claimable ON ingest_job (state, created_at) WHERE state IN ('queued', 'running');
