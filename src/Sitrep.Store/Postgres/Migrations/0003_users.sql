-- Users of the dashboard and API, and API keys for scripts (the SQLite store's 0003 on PostgreSQL).
-- Passwords: ASP.NET Core Identity's PasswordHasher format (PBKDF2-HMAC-SHA512, salted, iterations in the hash).
-- Names are unique whatever their case, as on SQLite (COLLATE NOCASE): the index is on lower(name).
CREATE TABLE users (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text    NOT NULL,
    role          text    NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash text    NOT NULL,
    created_at    text    NOT NULL, -- ISO 8601 UTC
    disabled      integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_name ON users (lower(name));

-- An API key is shown once when made; only its SHA-256 is kept. The prefix (random, not secret) finds the row.
CREATE TABLE api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    prefix     text   NOT NULL UNIQUE,
    key_hash   text   NOT NULL,
    label      text,
    created_at text   NOT NULL,
    revoked_at text
);
