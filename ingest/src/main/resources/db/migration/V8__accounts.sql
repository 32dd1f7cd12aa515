-- Accounts. A learner who can sign in has a username (or e-mail) and a password hash, or an identity at a single
-- sign-on provider. The built-in local learner of single-user mode has neither. Roles: admin, learner.
ALTER TABLE learner
    ADD COLUMN username      text,
    ADD COLUMN email         text,
    ADD COLUMN password_hash text,
    ADD COLUMN role          text NOT NULL DEFAULT 'learner' CHECK (role IN ('admin', 'learner')),
    ADD COLUMN disabled_at   timestamptz;
CREATE UNIQUE INDEX learner_username ON learner (lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX learner_email ON learner (lower(email)) WHERE email IS NOT NULL;

-- Single sign-on: the provider's subject is matched to a learner on first login.
CREATE TABLE learner_identity (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    learner_id uuid        NOT NULL REFERENCES learner (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);

-- Web sessions live here, not in one app instance's memory: they survive a restart and every instance shares
-- them. Only the SHA-256 of the cookie's value is stored. Ending a session deletes its row.
CREATE TABLE web_session (
    id_hash      bytea       PRIMARY KEY,
    learner_id   uuid        NOT NULL REFERENCES learner (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    client       text,
    user_agent   text
);
CREATE INDEX web_session_learner ON web_session (learner_id);

-- Personal API tokens, sent as "Authorization: Bearer gw_<prefix>_<secret>". Only the secret's SHA-256 is stored.
CREATE TABLE api_token (
    id           uuid        PRIMARY KEY,
    learner_id   uuid        NOT NULL REFERENCES learner (id),
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    secret_hash  bytea       NOT NULL,
    scope        text        NOT NULL CHECK (scope IN ('read', 'read-write')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_learner ON api_token (learner_id, created_at);

-- Invitations an admin hands out; the code's SHA-256 only.
CREATE TABLE invite (
    code_hash  bytea       PRIMARY KEY,
    email      text,
    role       text        NOT NULL DEFAULT 'learner' CHECK (role IN ('admin', 'learner')),
    created_by uuid        REFERENCES learner (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    used_by    uuid        REFERENCES learner (id)
);

-- Settings an admin changes at run time (registration open or by invitation, who may import).
CREATE TABLE app_setting (
    key        text        PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid        REFERENCES learner (id)
);

-- Rate limits shared by every app instance: one counter per key and fixed window.
CREATE TABLE rate_window (
    key          text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (key, window_start)
);

-- Who signed in, failed to, made or used a token, and what admins did.
CREATE TABLE audit_event (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    action   text        NOT NULL,
    actor_id uuid,
    subject  text,
    client   text,
    detail   jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at ON audit_event (at DESC);
