-- Reviewing on FSRS-6. Every card item (one reviewable side of a card) carries its scheduling state; every grade
-- is appended to the review log, from which that state can be rebuilt exactly. All of it is the learner's.

-- A learner's review settings; a learner without a row has the defaults.
CREATE TABLE review_settings (
    learner_id            uuid PRIMARY KEY REFERENCES learner (id),
    desired_retention     double precision NOT NULL DEFAULT 0.9 CHECK (desired_retention BETWEEN 0.7 AND 0.99),
    daily_new_limit       integer          NOT NULL DEFAULT 20 CHECK (daily_new_limit BETWEEN 0 AND 9999),
    maximum_interval_days integer          NOT NULL DEFAULT 36500 CHECK (maximum_interval_days BETWEEN 1 AND 36500),
    fuzz                  boolean          NOT NULL DEFAULT true,
    time_zone             text             NOT NULL DEFAULT 'UTC',  -- where "today" is; a day starts at 04:00
    updated_at            timestamptz      NOT NULL
);

-- The item's state now (FSRS memory plus the learning step). A new item has state 0 and no due time.
ALTER TABLE card_item
    ADD COLUMN state          smallint NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3), -- new, learning, review, relearning
    ADD COLUMN step           integer  NOT NULL DEFAULT 0,
    ADD COLUMN stability      double precision,
    ADD COLUMN difficulty     double precision,
    ADD COLUMN due            timestamptz,
    ADD COLUMN last_review    timestamptz,
    ADD COLUMN scheduled_days integer  NOT NULL DEFAULT 0,
    ADD COLUMN reps           integer  NOT NULL DEFAULT 0,
    ADD COLUMN lapses         integer  NOT NULL DEFAULT 0;
CREATE INDEX card_item_due ON card_item (learner_id, due) WHERE retired_at IS NULL AND state > 0;

-- Append-only: a row is never updated or deleted (an undo is recorded in review_undo). `before` and `after` are
-- the item's state around the grade; replaying the rows that were not undone, in `seq` order, rebuilds `after`.
CREATE TABLE review_log (
    seq          bigserial   UNIQUE,
    id           uuid        NOT NULL,                   -- the client's review id: a retried request reviews once
    learner_id   uuid        NOT NULL REFERENCES learner (id),
    card_id      uuid        NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    item_id      uuid        NOT NULL REFERENCES card_item (id) ON DELETE CASCADE,
    rating       smallint    NOT NULL CHECK (rating BETWEEN 1 AND 4),  -- again, hard, good, easy
    reviewed_at  timestamptz NOT NULL,
    duration_ms  integer     CHECK (duration_ms >= 0),
    origin       text        NOT NULL DEFAULT 'app' CHECK (origin IN ('app', 'imported')),
    before       jsonb       NOT NULL,
    after        jsonb       NOT NULL,
    scheduler    jsonb       NOT NULL,                   -- the settings it was scheduled with, for an exact replay
    PRIMARY KEY (learner_id, id)
);
CREATE INDEX review_log_item ON review_log (item_id, seq);
CREATE INDEX review_log_learner_time ON review_log (learner_id, reviewed_at);

CREATE TABLE review_undo (
    learner_id uuid        NOT NULL,
    review_id  uuid        NOT NULL,
    undone_at  timestamptz NOT NULL,
    PRIMARY KEY (learner_id, review_id),
    FOREIGN KEY (learner_id, review_id) REFERENCES review_log (learner_id, id) ON DELETE CASCADE
);

-- Cards leave for Anki and come back: a note's GUID (stable per card, kept from an imported note) and its tags.
ALTER TABLE card
    ADD COLUMN guid text,
    ADD COLUMN tags jsonb NOT NULL DEFAULT '[]';
CREATE UNIQUE INDEX card_learner_guid ON card (learner_id, roadmap_id, guid) WHERE guid IS NOT NULL;
