-- Turns of an answer conversation, so that a follow-up question can be read in context by any app instance.
CREATE TABLE conversation_turn (
    conversation_id uuid        NOT NULL,
    position        integer     NOT NULL,
    question        text        NOT NULL,   -- as asked
    standalone      text        NOT NULL,   -- as searched: the follow-up rewritten to stand alone
    answer          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, position)
);
