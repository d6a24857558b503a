// The PostgreSQL schema as an ordered list of migrations; `triangulate_schema.version` says how many
// have run. The same tables, columns and meanings as the SQLite schema (src/store/schema.ts), with
// PostgreSQL's types: text compared byte-wise (COLLATE "C", as SQLite does), a tsvector column with a
// GIN index where SQLite has its FTS5 table. Add a migration at the end, never edit one that has shipped.
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id       TEXT COLLATE "C" NOT NULL UNIQUE,
    hash         TEXT NOT NULL,
    title        TEXT,
    outlet       TEXT,
    author       TEXT,
    date         TEXT COLLATE "C",
    url          TEXT,
    origin       TEXT,
    language     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('analysed', 'skipped')),
    reason       TEXT,
    duplicate_of TEXT,
    minhash      BYTEA,
    echo_of      TEXT,
    wire         TEXT,
    text         TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    link_seq     BIGINT UNIQUE
  );
  CREATE INDEX documents_hash ON documents(hash);
  CREATE INDEX documents_unlinked ON documents(id) WHERE minhash IS NULL;
  CREATE INDEX documents_order ON documents((coalesce(date, '')), doc_id);

  CREATE TABLE sentences (
    doc   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
  );

  CREATE TABLE claims (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc         BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    source      TEXT,
    cue         TEXT,
    certainty   TEXT NOT NULL,
    checkworthy DOUBLE PRECISION NOT NULL,
    record      TEXT NOT NULL,
    terms       TEXT,
    proposition INTEGER,
    search      TSVECTOR NOT NULL
  );
  CREATE INDEX claims_doc ON claims(doc, idx);
  CREATE INDEX claims_proposition ON claims(proposition);
  CREATE INDEX claims_source ON claims(lower(source));
  CREATE INDEX claims_certainty ON claims(certainty);
  CREATE INDEX claims_search ON claims USING GIN (search);

  CREATE TABLE entities (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL
  );

  CREATE TABLE mentions (
    entity BIGINT NOT NULL REFERENCES entities(id),
    claim  BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (entity, claim)
  );
  CREATE INDEX mentions_claim ON mentions(claim);

  CREATE TABLE quantities (
    claim BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    min   DOUBLE PRECISION NOT NULL,
    max   DOUBLE PRECISION NOT NULL,
    of    TEXT NOT NULL,
    kind  TEXT NOT NULL
  );
  CREATE INDEX quantities_claim ON quantities(claim);
  `,
  // the work queue of `triangulate enqueue` and `worker`: one read document per job, taken with
  // FOR UPDATE SKIP LOCKED under a lease that its worker renews, so a killed worker's job is taken
  // again once its lease runs out; (doc_id, hash) unique, so the same text is queued once
  `
  CREATE TABLE jobs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input        TEXT NOT NULL,
    doc_id       TEXT NOT NULL,
    hash         TEXT NOT NULL,
    doc          TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT,
    worker       TEXT,
    lease_until  TIMESTAMPTZ,
    queued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    UNIQUE (doc_id, hash)
  );
  CREATE INDEX jobs_open ON jobs(id) WHERE status IN ('queued', 'running');
  `,
  // the distinct sources, so that "source contains S" becomes an index lookup of the few names that
  // do (as in SQLite's migration 3)
  `
  CREATE TABLE sources (name TEXT PRIMARY KEY);
  INSERT INTO sources (name) SELECT DISTINCT source FROM claims WHERE source IS NOT NULL;
  CREATE INDEX claims_source_name ON claims(source);
  `,
  // the story's summaries (as in SQLite's migration 4)
  `
  ALTER TABLE claims ADD COLUMN names TEXT, ADD COLUMN tallied BOOLEAN NOT NULL DEFAULT false, ADD COLUMN origin TEXT, ADD COLUMN stance TEXT;
  CREATE INDEX claims_untallied ON claims(id) WHERE proposition IS NOT NULL AND NOT tallied;
  CREATE TABLE name_registry (key TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, at TEXT NOT NULL, seq BIGINT NOT NULL);
  CREATE INDEX name_registry_seq ON name_registry(seq);
  CREATE TABLE source_names (name TEXT COLLATE "C" PRIMARY KEY, canonical TEXT NOT NULL, seq BIGINT NOT NULL);
  CREATE INDEX source_names_seq ON source_names(seq);
  CREATE TABLE claim_names (name TEXT COLLATE "C" NOT NULL, claim BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, PRIMARY KEY (name, claim));
  CREATE INDEX claim_names_claim ON claim_names(claim);
  CREATE TABLE proposition_summaries (
    id          INTEGER PRIMARY KEY,
    independent INTEGER NOT NULL,
    claims      INTEGER NOT NULL,
    status      TEXT NOT NULL,
    series      BOOLEAN NOT NULL,
    summary     TEXT NOT NULL
  );
  CREATE INDEX proposition_summaries_order ON proposition_summaries(independent DESC, claims DESC, id);
  CREATE TABLE source_summaries (key TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, claims INTEGER NOT NULL, state TEXT NOT NULL);
  CREATE TABLE stale_propositions (id INTEGER PRIMARY KEY);
  CREATE TABLE summary_flags (flag TEXT PRIMARY KEY);
  INSERT INTO summary_flags (flag) SELECT 'names' WHERE EXISTS (SELECT 1 FROM claims WHERE proposition IS NOT NULL);
  `,
  // a source's documents as rows, not in its tally (as in SQLite's migration 5)
  `
  CREATE TABLE source_documents (key TEXT COLLATE "C" NOT NULL, date TEXT NOT NULL, doc TEXT COLLATE "C" NOT NULL, PRIMARY KEY (key, date, doc));
  INSERT INTO summary_flags (flag) SELECT 'sources' WHERE EXISTS (SELECT 1 FROM source_summaries) ON CONFLICT DO NOTHING;
  `,
  // names and summaries made again once (as in SQLite's migration 6)
  `
  INSERT INTO summary_flags (flag) SELECT 'names' WHERE EXISTS (SELECT 1 FROM claims WHERE proposition IS NOT NULL) ON CONFLICT DO NOTHING;
  `,
  // fold states, folded members, and why a proposition is stale (as in SQLite's migration 7)
  `
  ALTER TABLE proposition_summaries ADD COLUMN fold TEXT;
  ALTER TABLE claims ADD COLUMN folded BOOLEAN NOT NULL DEFAULT false;
  CREATE INDEX claims_unfolded ON claims(proposition) WHERE proposition IS NOT NULL AND NOT folded;
  ALTER TABLE stale_propositions ADD COLUMN rebuild BOOLEAN NOT NULL DEFAULT true;
  `,
];
