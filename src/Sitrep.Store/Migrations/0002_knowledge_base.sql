-- The situation knowledge base: every extracted event as one report told it, the links that merge them
-- into real-world events (clusters), the actors seen per report, and the analysts' decisions.
-- Everything except kb_review is derived from the reports and can be rebuilt; kb_review never is.

-- Which reports the knowledge base has taken in. A report missing here (a crash between storing a batch
-- and updating the knowledge base) is taken in by the next update.
CREATE TABLE kb_reports (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE
);

-- One row per event per report. Blocking columns (type, weeks, half-degree cell) find merge candidates
-- without scanning: week_first/week_last are NULL for undated or coarsely dated events, cell_x/cell_y for
-- events with no coordinates. The event itself is kept as JSON (SituationEvent).
CREATE TABLE kb_events (
    key        TEXT    PRIMARY KEY,
    report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    cluster_id TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    week_first INTEGER,
    week_last  INTEGER,
    cell_x     INTEGER,
    cell_y     INTEGER,
    anchor     TEXT,   -- yyyy-MM-dd: when it happened, else when it was reported
    event      TEXT    NOT NULL
);

CREATE INDEX kb_events_coarse ON kb_events (type, week_first);
CREATE INDEX kb_events_cluster ON kb_events (cluster_id);
CREATE INDEX kb_events_report ON kb_events (report_id);

-- The blocks a dated event sits in, one row per week its date covers: an event dated "December 2022" is
-- found from any week of December. Merge candidates are read from here, three weeks at a time.
CREATE TABLE kb_blocks (
    key    TEXT    NOT NULL REFERENCES kb_events (key) ON DELETE CASCADE,
    week   INTEGER NOT NULL,
    type   TEXT    NOT NULL,
    cell_x INTEGER,
    cell_y INTEGER,
    PRIMARY KEY (key, week)
);

CREATE INDEX kb_blocks_lookup ON kb_blocks (type, week, cell_x, cell_y);

-- Why two events were judged the same: the matcher's reasons, or an analyst's join.
CREATE TABLE kb_links (
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence   TEXT NOT NULL, -- JSON array of strings
    PRIMARY KEY (a, b)
);

CREATE INDEX kb_links_b ON kb_links (b);

-- Actors as each report names them: the registry across reports is an aggregate of this.
CREATE TABLE kb_actor_mentions (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    actor_id  TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    alias     TEXT    NOT NULL, -- the text as written
    is_new    INTEGER NOT NULL,
    seen      TEXT,             -- the report's publication date (yyyy-MM-dd), else its ingest date
    channel   TEXT,             -- the outlet or channel that published the report
    PRIMARY KEY (report_id, actor_id, alias)
);

CREATE INDEX kb_actor_mentions_actor ON kb_actor_mentions (actor_id);

-- Near-duplicate reports (syndicated copies, reposts): MinHash signatures of the texts, their LSH buckets
-- (32 bands of 4 rows) to find candidates without comparing every pair, and the confirmed pairs.
CREATE TABLE kb_signatures (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    signature BLOB    NOT NULL
);

CREATE TABLE kb_buckets (
    band      INTEGER NOT NULL,
    hash      INTEGER NOT NULL, -- the band's 64-bit hash, as a signed integer
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, report_id)
);

CREATE INDEX kb_buckets_report ON kb_buckets (report_id);

CREATE TABLE kb_duplicates (
    report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE, -- the later report
    duplicate_of INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    similarity   REAL    NOT NULL, -- estimated Jaccard similarity of 5-word shingles
    PRIMARY KEY (report_id, duplicate_of)
);

CREATE INDEX kb_duplicates_of ON kb_duplicates (duplicate_of);

-- Analysts' decisions, append-only: the audit log and the overlay replayed on every re-merge.
-- Decisions name events by key (<hash16>#TYPE@start-end), which re-extraction keeps.
CREATE TABLE kb_review (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,  -- confirm, correct, reject, restore, merge, split, alias
    target   TEXT NOT NULL,  -- event key, or actor id for an alias
    other    TEXT,           -- the second event key of a merge
    field    TEXT,           -- corrected field, or NULL
    value    TEXT,           -- corrected value / alias, or NULL
    note     TEXT,
    analyst  TEXT NOT NULL,
    at       TEXT NOT NULL   -- ISO 8601 UTC
);

CREATE INDEX kb_review_target ON kb_review (target);
