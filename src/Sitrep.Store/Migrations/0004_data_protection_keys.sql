-- The server's data-protection key ring (what signs sign-in cookies and antiforgery tokens), kept in the
-- database so every server on it accepts the others' cookies and a restart signs nobody out.
-- One row per key, as ASP.NET Core's XML element; keys are never updated, only added.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY,
    friendly_name TEXT,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL -- ISO 8601 UTC
);
