-- BM25 ranking inside PostgreSQL, shared by every app instance: an inverted index of the chunks' lexemes (the
-- english text-search configuration of content_tsv: stemmed, stop words removed) with each term's frequency in its
-- chunk and the chunk's length, plus the corpus totals BM25 needs (chunk count and total length, for the average).
-- Triggers on chunks keep both in step with every insert, content change and delete (cascades included), so
-- ingestion needs no code for it and a search reads statistics that are exact at its snapshot. Document frequency is
-- counted at search time from the index (an index-only count per query term), so no counter is ever contended.

CREATE TABLE chunk_term (
    term         text     NOT NULL,
    chunk_id     uuid     NOT NULL,   -- no foreign key: the trigger deletes a chunk's rows with it
    tf           smallint NOT NULL,   -- occurrences of the term in the chunk (PostgreSQL keeps at most 256)
    chunk_length integer  NOT NULL,   -- the chunk's length in indexed words: BM25's document length
    PRIMARY KEY (term, chunk_id) INCLUDE (tf, chunk_length)
);

-- Corpus totals, spread over 16 rows chosen by backend so that concurrent ingestion transactions rarely touch the same
-- row; a search sums them.
CREATE TABLE text_stats (
    shard  smallint PRIMARY KEY,
    chunks bigint NOT NULL,
    words  bigint NOT NULL
);

CREATE FUNCTION chunk_words(v tsvector) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(sum(coalesce(cardinality(positions), 1)), 0) FROM unnest(v));

CREATE FUNCTION chunk_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta_chunks integer := 0;
    delta_words  bigint  := 0;
    words        integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM chunk_term WHERE chunk_id = OLD.id AND term = ANY (tsvector_to_array(OLD.content_tsv));
        delta_chunks := delta_chunks - 1;
        delta_words := delta_words - chunk_words(OLD.content_tsv);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        words := chunk_words(NEW.content_tsv);
        INSERT INTO chunk_term (term, chunk_id, tf, chunk_length)
            SELECT lexeme, NEW.id, coalesce(cardinality(positions), 1), words FROM unnest(NEW.content_tsv);
        delta_chunks := delta_chunks + 1;
        delta_words := delta_words + words;
    END IF;
    IF delta_chunks <> 0 OR delta_words <> 0 THEN
        INSERT INTO text_stats AS s (shard, chunks, words) VALUES (pg_backend_pid() % 16, delta_chunks, delta_words)
            ON CONFLICT (shard) DO UPDATE SET chunks = s.chunks + excluded.chunks, words = s.words + excluded.words;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER chunks_terms_insert AFTER INSERT ON chunks
    FOR EACH ROW EXECUTE FUNCTION chunk_terms_sync();
CREATE TRIGGER chunks_terms_update AFTER UPDATE OF content ON chunks
    FOR EACH ROW WHEN (OLD.content IS DISTINCT FROM NEW.content) EXECUTE FUNCTION chunk_terms_sync();
CREATE TRIGGER chunks_terms_delete AFTER DELETE ON chunks
    FOR EACH ROW EXECUTE FUNCTION chunk_terms_sync();

CREATE FUNCTION chunk_terms_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE chunk_term;
    DELETE FROM text_stats;
    RETURN NULL;
END
$$;

-- TRUNCATE (a cascade from roadmap or resource included) fires no row trigger
CREATE TRIGGER chunks_terms_truncate AFTER TRUNCATE ON chunks
    FOR EACH STATEMENT EXECUTE FUNCTION chunk_terms_clear();

-- chunks stored before this migration
INSERT INTO chunk_term (term, chunk_id, tf, chunk_length)
    SELECT u.lexeme, c.id, coalesce(cardinality(u.positions), 1), chunk_words(c.content_tsv)
    FROM chunks c, unnest(c.content_tsv) u;
INSERT INTO text_stats (shard, chunks, words)
    SELECT 0, count(*), coalesce(sum(chunk_words(content_tsv)), 0) FROM chunks;
