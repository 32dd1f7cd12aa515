-- Learner-owned data. Cards (and later reviews, interviews, progress) belong to a learner; roadmaps, topics,
-- resources and chunks stay shared. Until accounts exist every request resolves to the built-in local learner.
CREATE TABLE learner (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO learner (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'local');

-- Answer conversations are the learner's too: another learner's conversation id reads as an unknown one.
ALTER TABLE conversation_turn ADD COLUMN learner_id uuid NOT NULL
    DEFAULT '00000000-0000-0000-0000-000000000001' REFERENCES learner (id);
ALTER TABLE conversation_turn ALTER COLUMN learner_id DROP DEFAULT;
ALTER TABLE conversation_turn DROP CONSTRAINT conversation_turn_pkey;
ALTER TABLE conversation_turn ADD PRIMARY KEY (learner_id, conversation_id, position);

-- A topic that disappears from an edited roadmap while learner data hangs on it is archived, not deleted:
-- hidden from the tree, its cards kept. Importing it again brings it back.
ALTER TABLE topic ADD COLUMN archived_at timestamptz;

-- A flashcard (Anki's "note"): basic, reversed or cloze, anchored to the passage it came from.
CREATE TABLE card (
    id                  uuid PRIMARY KEY,
    learner_id          uuid        NOT NULL REFERENCES learner (id),
    roadmap_id          text        NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    topic_id            uuid        NOT NULL REFERENCES topic (id),   -- no cascade: a topic with cards is archived
    type                text        NOT NULL CHECK (type IN ('basic', 'reversed', 'cloze')),
    front               text,
    back                text,
    text                text,                                         -- cloze: {{c1::…}} deletions
    origin_kind         text        NOT NULL CHECK (origin_kind IN ('generated', 'manual', 'imported', 'interview')),
    origin_model        text,                                         -- the model that wrote it; null offline
    -- the passage it came from (all null for a manual card without a source)
    anchor_chunk_id     uuid,                                         -- no foreign key: re-ingestion replaces chunks
    anchor_document_id  uuid,                                         -- the chunk's owner: a fetched document …
    anchor_topic_id     uuid,                                         -- … or a topic's own text
    anchor_url          text,
    anchor_title        text,
    anchor_heading_path jsonb,
    anchor_page         integer,
    anchor_quote        text,                                         -- the source's sentence(s) that support it
    anchor_start        integer,                                      -- span of the quote in the document's text
    anchor_end          integer,
    anchor_chunk_hash   text,
    stale               jsonb,                                        -- {reason, currentPassage} when the source changed
    suspended           boolean     NOT NULL DEFAULT false,
    edited              boolean     NOT NULL DEFAULT false,
    dedup_key           text        NOT NULL,                         -- normalised front + back (or cloze text)
    embedding           vector(384),                                  -- of front + back, to find near-duplicates
    model_id            text,                                         -- the embedding model of that vector
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    deleted_at          timestamptz                                   -- deleted cards keep their review history
);
CREATE INDEX card_learner_topic ON card (learner_id, topic_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX card_learner_roadmap ON card (learner_id, roadmap_id, created_at);
CREATE INDEX card_anchor_chunk ON card (anchor_chunk_id) WHERE anchor_chunk_id IS NOT NULL;
CREATE INDEX card_topic ON card (topic_id);

-- What gets scheduled: one item per reviewable side of a card — basic 1, reversed 2 (forward, backward), cloze
-- one per deletion number. An item whose cloze number was edited away is retired, keeping its history.
CREATE TABLE card_item (
    id         uuid PRIMARY KEY,
    card_id    uuid        NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    learner_id uuid        NOT NULL REFERENCES learner (id),
    ordinal    integer     NOT NULL CHECK (ordinal >= 1),
    created_at timestamptz NOT NULL,
    retired_at timestamptz,
    UNIQUE (card_id, ordinal)
);
CREATE INDEX card_item_learner ON card_item (learner_id) WHERE retired_at IS NULL;

-- Every topic that learner data refers to. Re-importing a roadmap archives the topics it no longer has and
-- deletes only those absent from this view; later features add their tables to it (CREATE OR REPLACE VIEW).
CREATE VIEW learner_topic_reference AS
    SELECT DISTINCT topic_id FROM card;
