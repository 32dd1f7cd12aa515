-- Mock interviews: a session per topic or roadmap, its questions (each with a rubric of points anchored to passages
-- and a cited reference answer), the learner's answers and their grading. Learner-owned, like cards.
CREATE TABLE interview_session (
    id         uuid PRIMARY KEY,
    learner_id uuid        NOT NULL REFERENCES learner (id),
    roadmap_id text        NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    topic_id   uuid        REFERENCES topic (id),            -- null: the whole roadmap; no cascade (archived instead)
    level      text        NOT NULL CHECK (level IN ('junior', 'mid', 'senior', 'staff')),
    kinds      jsonb       NOT NULL,
    status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    created_at timestamptz NOT NULL,
    ended_at   timestamptz
);
CREATE INDEX interview_session_learner ON interview_session (learner_id, created_at DESC);

CREATE TABLE interview_question (
    id           uuid PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES interview_session (id) ON DELETE CASCADE,
    learner_id   uuid        NOT NULL REFERENCES learner (id),
    position     integer     NOT NULL,
    parent_id    uuid        REFERENCES interview_question (id) ON DELETE CASCADE,  -- a follow-up's question
    kind         text        NOT NULL,
    level        text        NOT NULL,
    topic_id     uuid        NOT NULL REFERENCES topic (id),
    origin       text        NOT NULL,                      -- interview-line, concept, build-task, follow-up
    text         text        NOT NULL,
    subject      text        NOT NULL,                      -- what it asks about (the line or concept it came from)
    rubric       jsonb       NOT NULL,                      -- [{point, anchor: {chunkId, url, title, headingPath, page, quote}}]
    reference    jsonb       NOT NULL,                      -- {text, sources: [anchor…]} with [n] markers into sources
    broadened    boolean     NOT NULL DEFAULT false,        -- drew on other roadmaps' sources
    status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered', 'skipped')),
    draft        text,
    answer       text,
    duration_ms  integer     CHECK (duration_ms >= 0),
    verdicts     jsonb,                                     -- per rubric point: {verdict, evidence}
    score        jsonb,                                     -- {correctness, depth, tradeoffs, communication, overall}
    overall      real,                                      -- score.overall.score, for progress and lists
    mode         text,                                      -- offline or llm
    model        text,
    answered_at  timestamptz,
    UNIQUE (session_id, position)
);
CREATE INDEX interview_question_learner_topic ON interview_question (learner_id, topic_id, answered_at)
    WHERE status = 'answered';

-- Topics that interviews refer to are kept (archived) by a re-import, like those that hold cards.
CREATE OR REPLACE VIEW learner_topic_reference AS
    SELECT topic_id FROM card
    UNION SELECT topic_id FROM interview_session WHERE topic_id IS NOT NULL
    UNION SELECT topic_id FROM interview_question;
