-- Reports: one row per distinct content (source id + text). An edited post is a new row with the same
-- external_id and the next version number.
CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    content_hash   TEXT    NOT NULL UNIQUE,
    external_id    TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    format         TEXT    NOT NULL,
    origin         TEXT    NOT NULL,
    title          TEXT,
    author         TEXT,
    outlet         TEXT,
    url            TEXT,
    channel        TEXT,
    message_id     INTEGER,
    forwarded_from TEXT,
    published      TEXT,   -- ISO 8601 with offset, as the source gives it
    edited         TEXT,   -- ISO 8601, the source's last edit (Telegram)
    ingested_at    TEXT    NOT NULL, -- ISO 8601 UTC, from the store's TimeProvider
    text           TEXT    NOT NULL,
    UNIQUE (external_id, version)
);

CREATE INDEX reports_published ON reports (published);

-- What the pipeline found in each report: the contract document (docs/contract.md) without its text,
-- and the stages that made it, so a newer pipeline can tell which reports to annotate again.
CREATE TABLE annotations (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    pipeline  TEXT NOT NULL,
    document  TEXT NOT NULL,
    error     TEXT
);

-- Full-text search over titles and texts; external content, kept in step by triggers.
CREATE VIRTUAL TABLE reports_fts USING fts5 (
    title,
    text,
    content = 'reports',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
