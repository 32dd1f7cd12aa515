-- Embedding models for retrieval (api embedding package). The base model's vectors live in chunks.embedding
-- (vector(384)) and are always kept; a model of any other dimension writes to chunk_vectors_<dimensions>, a table
-- the app creates on first use (pgvector's HNSW index needs one fixed dimension per index). One model is active
-- (queries are embedded with it and searched in its vectors); at most one is building (its vectors are backfilled
-- while the active one keeps serving); retired ones are kept for the record.
CREATE TABLE embedding_model (
    id            text PRIMARY KEY,                     -- e.g. bge-small-en-v1.5-q, openai:text-embedding-3-small:1536
    dimensions    integer     NOT NULL CHECK (dimensions > 0),
    base          boolean     NOT NULL,                 -- its vectors are chunks.embedding
    state         text        NOT NULL CHECK (state IN ('active', 'building', 'retired')),
    done          integer     NOT NULL DEFAULT 0,       -- chunks with a vector of this model, as of the last batch
    total         integer     NOT NULL DEFAULT 0,       -- chunks, as of the last batch
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,                          -- when it became active (or stopped building)
    claimed_by    text,                                 -- the process that builds it now
    claimed_until timestamptz                           -- its lease; another process takes over after it
);
CREATE UNIQUE INDEX embedding_model_one_active ON embedding_model ((true)) WHERE state = 'active';
CREATE UNIQUE INDEX embedding_model_one_building ON embedding_model ((true)) WHERE state = 'building';
