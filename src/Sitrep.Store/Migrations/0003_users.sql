-- Users of the dashboard and API, and API keys for scripts. 0002 is the knowledge base's.
-- Passwords: ASP.NET Core Identity's PasswordHasher format (PBKDF2-HMAC-SHA512, salted, iterations in the hash).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT    NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash TEXT    NOT NULL,
    created_at    TEXT    NOT NULL, -- ISO 8601 UTC
    disabled      INTEGER NOT NULL DEFAULT 0
);

-- An API key is shown once when made; only its SHA-256 is kept. The prefix (random, not secret) finds the row.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    prefix     TEXT    NOT NULL UNIQUE,
    key_hash   TEXT    NOT NULL,
    label      TEXT,
    created_at TEXT    NOT NULL,
    revoked_at TEXT
);
