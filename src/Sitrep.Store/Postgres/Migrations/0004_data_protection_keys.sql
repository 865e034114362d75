-- The server's data-protection key ring, shared by every server on this database (see the SQLite store's 0004).
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text,
    xml           text NOT NULL,
    created_at    text NOT NULL
);
