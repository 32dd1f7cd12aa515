-- The learner's own sources: a link, an uploaded file or pasted text added to a topic. The link to the topic records
-- who added it and when; a roadmap re-import rewrites only the roadmap's own links (added_by IS NULL). in_roadmap says
-- whether the roadmap document lists the resource on the topic (also true for a learner's link the document lists too).
ALTER TABLE topic_resource
    ADD COLUMN added_by   uuid REFERENCES learner (id),
    ADD COLUMN added_at   timestamptz,
    ADD COLUMN in_roadmap boolean NOT NULL DEFAULT true;
CREATE INDEX topic_resource_added_by ON topic_resource (added_by) WHERE added_by IS NOT NULL;

-- What an uploaded file or pasted text holds, so that a job (its retry, or a worker in another process) ingests it
-- without the request that brought it. Such a resource has no URL: its id is the name-based UUID of the content hash.
CREATE TABLE resource_content (
    resource_id  uuid PRIMARY KEY REFERENCES resource (id) ON DELETE CASCADE,
    media_type   text        NOT NULL,              -- text/markdown, text/plain, text/html, application/pdf, DOCX
    file_name    text,                              -- as uploaded; null for pasted text
    content_hash text        NOT NULL,              -- SHA-256 of body
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- A topic a learner added a source to is kept (archived) when a re-import drops it, like one with cards.
CREATE OR REPLACE VIEW learner_topic_reference AS
    SELECT topic_id FROM card
    UNION SELECT topic_id FROM interview_session WHERE topic_id IS NOT NULL
    UNION SELECT topic_id FROM interview_question
    UNION SELECT topic_id FROM topic_resource WHERE added_by IS NOT NULL;
