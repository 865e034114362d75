-- The situation knowledge base (the same tables as the SQLite store's 0002_knowledge_base.sql, which
-- explains them): events per report merged into clusters, week blocks, merge links, actors per report,
-- near-duplicate reports, and the analysts' decisions (kb_review, never derived, never rebuilt).

CREATE TABLE kb_reports (
    report_id bigint PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE
);

CREATE TABLE kb_events (
    key        text    PRIMARY KEY,
    report_id  bigint  NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    cluster_id text    NOT NULL,
    type       text    NOT NULL,
    week_first integer,
    week_last  integer,
    cell_x     integer,
    cell_y     integer,
    anchor     text,
    event      text    NOT NULL
);

CREATE INDEX kb_events_coarse ON kb_events (type, week_first);
CREATE INDEX kb_events_cluster ON kb_events (cluster_id);
CREATE INDEX kb_events_report ON kb_events (report_id);

CREATE TABLE kb_blocks (
    key    text    NOT NULL REFERENCES kb_events (key) ON DELETE CASCADE,
    week   integer NOT NULL,
    type   text    NOT NULL,
    cell_x integer,
    cell_y integer,
    PRIMARY KEY (key, week)
);

CREATE INDEX kb_blocks_lookup ON kb_blocks (type, week, cell_x, cell_y);

CREATE TABLE kb_links (
    a          text             NOT NULL,
    b          text             NOT NULL,
    confidence double precision NOT NULL,
    evidence   text             NOT NULL,
    PRIMARY KEY (a, b)
);

CREATE INDEX kb_links_b ON kb_links (b);

CREATE TABLE kb_actor_mentions (
    report_id bigint  NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    actor_id  text    NOT NULL,
    name      text    NOT NULL,
    type      text    NOT NULL,
    alias     text    NOT NULL,
    is_new    integer NOT NULL,
    seen      text,
    channel   text,
    PRIMARY KEY (report_id, actor_id, alias)
);

CREATE INDEX kb_actor_mentions_actor ON kb_actor_mentions (actor_id);

CREATE TABLE kb_signatures (
    report_id bigint PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    signature bytea  NOT NULL
);

CREATE TABLE kb_buckets (
    band      integer NOT NULL,
    hash      bigint  NOT NULL,
    report_id bigint  NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, report_id)
);

CREATE INDEX kb_buckets_report ON kb_buckets (report_id);

CREATE TABLE kb_duplicates (
    report_id    bigint           NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    duplicate_of bigint           NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    similarity   double precision NOT NULL,
    PRIMARY KEY (report_id, duplicate_of)
);

CREATE INDEX kb_duplicates_of ON kb_duplicates (duplicate_of);

CREATE TABLE kb_review (
    id      bigserial PRIMARY KEY,
    kind    text NOT NULL,
    target  text NOT NULL,
    other   text,
    field   text,
    value   text,
    note    text,
    analyst text NOT NULL,
    at      text NOT NULL
);

CREATE INDEX kb_review_target ON kb_review (target);
