// The SQLite schema as an ordered list of migrations (src/store/postgres-schema.ts is PostgreSQL's, kept
// to the same tables and meanings); `PRAGMA user_version` says how many have run.
// Add a migration at the end, never edit one that has shipped.
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL,
    title       TEXT,
    outlet      TEXT,
    author      TEXT,
    date        TEXT,
    url         TEXT,
    origin      TEXT,
    language    TEXT,
    status      TEXT NOT NULL CHECK (status IN ('analysed', 'skipped')),
    reason      TEXT,
    duplicate_of TEXT,
    minhash     BLOB,
    echo_of     TEXT,
    wire        TEXT,
    text        TEXT NOT NULL,
    added_at    TEXT NOT NULL
  );
  CREATE INDEX documents_hash ON documents(hash);
  CREATE INDEX documents_unlinked ON documents(id) WHERE minhash IS NULL;

  CREATE TABLE sentences (
    doc   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    doc         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    source      TEXT,
    cue         TEXT,
    certainty   TEXT NOT NULL,
    checkworthy REAL NOT NULL,
    record      TEXT NOT NULL,
    terms       TEXT,
    proposition INTEGER
  );
  CREATE INDEX claims_doc ON claims(doc, idx);
  CREATE INDEX claims_proposition ON claims(proposition);
  CREATE INDEX claims_source ON claims(source COLLATE NOCASE);

  CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL
  );

  CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(id),
    claim  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (entity, claim)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_claim ON mentions(claim);

  CREATE TABLE quantities (
    claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    min   REAL NOT NULL,
    max   REAL NOT NULL,
    of    TEXT NOT NULL,
    kind  TEXT NOT NULL
  );
  CREATE INDEX quantities_claim ON quantities(claim);

  CREATE VIRTUAL TABLE claims_fts USING fts5(sentence, source, tokenize='porter unicode61');
  `,
  // claims are listed in their documents' order: walking this index (and claims_doc within each
  // document) gives the first N claims of a filtered query without sorting every match
  // link_seq numbers documents in the order they were linked, so that a linker in one process can
  // catch up with what linkers in others did since it last looked
  `
  CREATE INDEX documents_order ON documents(coalesce(date, ''), doc_id);
  CREATE INDEX claims_certainty ON claims(certainty);
  ALTER TABLE documents ADD COLUMN link_seq INTEGER;
  UPDATE documents SET link_seq = id WHERE minhash IS NOT NULL;
  CREATE UNIQUE INDEX documents_link_seq ON documents(link_seq);
  `,
  // the distinct sources, so that "source contains S" becomes an index lookup of the few names that do
  `
  CREATE TABLE sources (name TEXT PRIMARY KEY) WITHOUT ROWID;
  INSERT OR IGNORE INTO sources (name) SELECT DISTINCT source FROM claims WHERE source IS NOT NULL;
  CREATE INDEX claims_source_name ON claims(source);
  CREATE INDEX claims_kind ON claims(kind);
  `,
  // the story's summaries, kept as documents are linked so the views read a page, not every claim
  // (src/link/summaries.ts): each claim's names as its document resolved them, the story's proper names
  // and what each resolved name goes by now, one summary per proposition in the story's order, one
  // tally per source. A store linked before this has its names made once, by the first linker or view
  // (the 'names' flag)
  `
  ALTER TABLE claims ADD COLUMN names TEXT;
  ALTER TABLE claims ADD COLUMN tallied INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE claims ADD COLUMN origin TEXT;
  ALTER TABLE claims ADD COLUMN stance TEXT;
  CREATE INDEX claims_untallied ON claims(id) WHERE proposition IS NOT NULL AND tallied = 0;
  CREATE TABLE name_registry (key TEXT PRIMARY KEY, name TEXT NOT NULL, at TEXT NOT NULL, seq INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX name_registry_seq ON name_registry(seq);
  CREATE TABLE source_names (name TEXT PRIMARY KEY, canonical TEXT NOT NULL, seq INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX source_names_seq ON source_names(seq);
  CREATE TABLE claim_names (name TEXT NOT NULL, claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE, PRIMARY KEY (name, claim)) WITHOUT ROWID;
  CREATE INDEX claim_names_claim ON claim_names(claim);
  CREATE TABLE proposition_summaries (
    id          INTEGER PRIMARY KEY,
    independent INTEGER NOT NULL,
    claims      INTEGER NOT NULL,
    status      TEXT NOT NULL,
    series      INTEGER NOT NULL,
    summary     TEXT NOT NULL
  );
  CREATE INDEX proposition_summaries_order ON proposition_summaries(independent DESC, claims DESC, id);
  CREATE TABLE source_summaries (key TEXT PRIMARY KEY, name TEXT NOT NULL, claims INTEGER NOT NULL, state TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE stale_propositions (id INTEGER PRIMARY KEY);
  CREATE TABLE summary_flags (flag TEXT PRIMARY KEY) WITHOUT ROWID;
  INSERT INTO summary_flags (flag) SELECT 'names' WHERE EXISTS (SELECT 1 FROM claims WHERE proposition IS NOT NULL);
  `,
  // a source's documents as rows, not in its tally: a tally is read and written whole whenever a claim
  // touches it, and a wire agency speaks in tens of thousands of documents; tallies kept before are
  // made again (the 'sources' flag)
  `
  CREATE TABLE source_documents (key TEXT NOT NULL, date TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (key, date, doc)) WITHOUT ROWID;
  INSERT OR IGNORE INTO summary_flags (flag) SELECT 'sources' WHERE EXISTS (SELECT 1 FROM source_summaries);
  `,
  // a one-word name is first the longer name of its own document it ends (src/link/names.ts), and a
  // member that sets another account against its own makes a proposition disputed (story.ts): every
  // claim's names, and so the summaries, are made again once (the 'names' flag)
  `
  INSERT OR IGNORE INTO summary_flags (flag) SELECT 'names' WHERE EXISTS (SELECT 1 FROM claims WHERE proposition IS NOT NULL);
  `,
  // a proposition's summary takes in new members without reading the others again (story.ts's
  // PropositionFold): its fold state beside the summary, which members it has taken in, and whether a
  // stale proposition only gained members or must be made again from all of them (a replaced
  // document, a changed echo, a renamed source). Summaries kept before have no fold state: each is
  // made again from its members the first time it is stale
  `
  ALTER TABLE proposition_summaries ADD COLUMN fold TEXT;
  ALTER TABLE claims ADD COLUMN folded INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX claims_unfolded ON claims(proposition) WHERE proposition IS NOT NULL AND folded = 0;
  ALTER TABLE stale_propositions ADD COLUMN rebuild INTEGER NOT NULL DEFAULT 1;
  `,
];
