// What every store engine offers (SQLite, the default, and PostgreSQL), and the types they share.
// Every method is async: PostgreSQL answers over a socket. The SQLite engine does the same work
// synchronously and returns settled promises.
import { createHash } from "node:crypto";
import type { Doc, DocMeta, SourceDoc } from "../doc.ts";
import type { ClaimRecord } from "../extract/claims.ts";

/** What happened to a document handed to the store. */
export type StoreAction = "added" | "updated" | "unchanged";

export interface StoredDocument extends DocMeta {
  id: string;
  hash: string;
  status: "analysed" | "skipped";
  reason?: string;
  /** Id of an earlier document with the very same text (a wire copy run verbatim). */
  duplicateOf?: string;
  claims: number;
}

export interface ClaimFilter {
  doc?: string;
  source?: string;
  entity?: string;
  certainty?: string;
  kind?: string;
  /** Full-text search over sentences and sources (FTS5 query syntax in SQLite, websearch syntax in PostgreSQL). */
  search?: string;
  limit?: number;
}

/** A stored claim: the claim record plus its row id and its document's metadata. */
export interface StoredClaim extends ClaimRecord {
  id: number;
  outlet?: string;
  title?: string;
}

/** How a document was linked: its near-copy signature, what it echoes, its wire credit. */
export interface DocumentLink {
  minhash: Uint32Array;
  echoOf?: string;
  wire?: string;
}

export interface DocumentSignature extends Omit<DocumentLink, "echoOf"> {
  id: string;
  outlet?: string;
  echoOf?: string;
}

export interface LinkedState {
  /** The last link number included. */
  seq: number;
  documents: DocumentSignature[];
  claims: { terms: string[]; proposition: number }[];
  /** Proper names registered or respelled since, and names resolved anew (see NameChanges). */
  registry: RegisteredName[];
  resolved: ResolvedName[];
}

/** A proper name the story knows: its key, first spelling, and where it was first met (JSON of src/link/names.ts's NameOrder). */
export interface RegisteredName {
  key: string;
  name: string;
  at: string;
}

/** A name as a claim's document resolved it, and the one name it goes by in the whole story now. */
export interface ResolvedName {
  name: string;
  canonical: string;
}

/** What linking one document taught the store about names (src/link/summaries.ts). */
export interface NameChanges {
  registry: RegisteredName[];
  resolved: ResolvedName[];
  /** Names that go by another name than before: the propositions of their claims are made again, the sources tallied again. */
  renamed: string[];
}

/** A linked claim for the summaries: its record as the story reads it, its row id and the names its document resolved. */
export interface MemberRecord extends LinkedRecord {
  claim: number;
  /** The speaker's then each chain link's name as resolved in its document (`SourceNames.local`); null before names were kept. */
  names: (string | null)[] | null;
  /** Its origin and stance as its proposition's summary last gave them (none before it was summarised). */
  origin?: string;
  stance?: string;
  /** Whether its proposition's stored fold state has taken it in. */
  folded: boolean;
}

/** A linked claim as the sources tally reads it: no record, its names resolved in its document. */
export interface TallyRow {
  claim: number;
  doc: string;
  date?: string;
  index: number;
  certainty: string;
  /** Whether the claim has an attributed source (else its outlet speaks). */
  attributed: boolean;
  names: (string | null)[];
  outlet?: string;
  wire?: string;
}

/** One proposition's stored summary: the story's order keys and the proposition without its claims (JSON). */
export interface PropositionRow {
  id: number;
  independent: number;
  claims: number;
  status: string;
  /** Whether any of its number series has more than one value (the timeline lists those). */
  series: boolean;
  summary: string;
  /** Its fold state (src/link/story.ts's FoldState as JSON), which later members are added to. */
  fold: string;
  /**
   * The members whose origin or stance as the story gives them (for the timeline) is not what is
   * stored, or that the fold state takes in for the first time: both are written, and they are marked folded.
   */
  members: { claim: number; origin: string; stance: string }[];
}

/** A proposition waiting to be summarised again. */
export interface StaleProposition {
  id: number;
  /** Its stored fold state (JSON) when it only gained members since: they are added to it. Without one, it is made again from all its members. */
  fold?: string;
}

/** One source's stored tally (src/link/source-tally.ts's SourceState as JSON). */
export interface SourceRow {
  key: string;
  name: string;
  claims: number;
  state: string;
}

/** A document a source (by key) speaks in, with the document's date. */
export interface SourceDocumentRow {
  key: string;
  date: string;
  doc: string;
}

/** A page of the story's propositions, in the story's order. */
export interface PropositionQuery {
  offset?: number;
  limit?: number;
  minClaims?: number;
  status?: string;
}

/** Where a walk through linked documents in story order stands. */
export interface DocumentCursor {
  date: string;
  doc: string;
}

/** A linked claim in the timeline's order, with what the timeline shows of it. */
export interface TimelineRow {
  record: ClaimRecord;
  proposition: number;
  outlet?: string;
  origin: string;
  stance: string;
}

/** What the summaries still lack: flags for work on every claim, and how many propositions are stale. */
export interface SummaryWork {
  /** "names": claims linked before names were kept; "sources": tallies to be made again from every claim. */
  flags: string[];
  stale: number;
  untallied: number;
}

/** A claim as linking saves it: its proposition, the terms it was linked by, the names its document resolved. */
export interface LinkedClaim {
  id: number;
  terms: string[];
  proposition: number;
  names?: (string | null)[];
}

/** A claim record as the linker left it: its proposition and where its document came from. */
export interface LinkedRecord {
  record: ClaimRecord;
  proposition: number;
  outlet?: string;
  /** The agency the document is credited to, or whose copy it echoes. */
  wire?: string;
  /** The document this one is a near-copy of. */
  echoOf?: string;
}

export interface Store {
  readonly engine: "sqlite" | "postgres";
  /** Where the data is, for messages: a file path, or a URL without its password. */
  readonly path: string;

  /** Whether this exact document (same id, same text) is stored already: analysing it again is wasted work. */
  has(source: SourceDoc): Promise<boolean>;
  /** Stores an analysed document with its claim records, replacing an older text under the same id; one transaction. */
  addDocument(doc: Doc, records: ClaimRecord[]): Promise<StoreAction>;
  /** Stores a document that was read but not analysed (not English, say), so it is reported and not lost. */
  addSkipped(source: SourceDoc, reason: string): Promise<StoreAction>;
  /** Stored documents' metadata (not their texts), all of them or those with the given ids, in date order. */
  documents(ids?: string[]): Promise<StoredDocument[]>;
  /** The text of a stored document, for views that show a claim in its context. */
  documentText(docId: string): Promise<string | undefined>;
  /** Claims in their documents' date order, then sentence order. */
  claims(filter?: ClaimFilter): Promise<StoredClaim[]>;

  // ── linking state: what src/link reads and writes ──
  /** Analysed documents the linker has not seen yet, oldest first (their texts are read one at a time). */
  unlinkedDocuments(): Promise<{ id: string; outlet?: string; date?: string }[]>;
  /**
   * What was linked after link number `seq` (0: everything), in the order it was linked: documents'
   * signatures with their credits, and claims with the terms they were linked by. A long-lived
   * linker catches up with what other processes linked since it last looked.
   */
  linkedSince(seq: number): Promise<LinkedState>;
  /** Marks a linked document as a copy of another (or of none): its claims' propositions are made again from all their members. */
  setEchoOf(docId: string, echoOf: string | undefined): Promise<void>;
  /** The claims of one document that take part in linking. */
  claimsToLink(docId: string): Promise<{ id: number; record: ClaimRecord }[]>;
  /**
   * Records how one document was linked: its signature, what it echoes, its claims' propositions and
   * the names each resolved, and what the story learnt about names. The claims' propositions become
   * stale, to take in their new members; those of renamed names' claims, to be made again from all
   * their members. Returns its link number.
   */
  saveLinks(docId: string, link: DocumentLink, claims: LinkedClaim[], names?: NameChanges): Promise<number>;
  /** Every linked claim with its document's outlet, wire credit and echo, for the story views. */
  linkedRecords(): Promise<LinkedRecord[]>;

  // ── summaries: kept by src/link/summaries.ts as documents are linked, read by the story views ──
  summaryWork(): Promise<SummaryWork>;
  /** The linked claims of the next `documents` linked documents in story order after `after`, with those documents' dates, for making every name again. */
  linkedPage(after: DocumentCursor | undefined, documents: number): Promise<{ rows: MemberRecord[]; dates?: Map<string, string>; next?: DocumentCursor }>;
  /** Stores the names each claim's document resolved (a store linked before names were kept). */
  saveClaimNames(claims: { id: number; names: (string | null)[] }[], names: NameChanges): Promise<void>;
  clearFlag(flag: string): Promise<void>;
  /** Every name resolved and its canonical name now. */
  resolvedNames(): Promise<ResolvedName[]>;
  /** Up to `limit` stale propositions. */
  stalePropositions(limit: number): Promise<StaleProposition[]>;
  /** The members of these propositions ("unfolded": only those their fold states have not taken in), in story order. */
  membersOf(ids: number[], which?: "all" | "unfolded"): Promise<Map<number, MemberRecord[]>>;
  /** Writes propositions' summaries and fold states and clears them from the stale ones; an id without members is deleted. */
  saveSummaries(rows: PropositionRow[], gone: number[]): Promise<void>;
  /** Up to `limit` linked claims not yet tallied into the sources, oldest link first. */
  untallied(limit: number): Promise<TallyRow[]>;
  /** Stored tallies of these sources (all when omitted). */
  sourceRows(keys?: string[]): Promise<SourceRow[]>;
  /** Every stored tally's key, name and claim count: the sources view's order. */
  sourceIndex(): Promise<{ key: string; name: string; claims: number }[]>;
  /** Writes tallies, adds the documents their sources were newly met in, and marks the claims tallied. */
  saveTallies(rows: SourceRow[], claims: number[], documents: SourceDocumentRow[]): Promise<void>;
  /** The documents of these sources (all sources without keys): source key → "date\u001fdoc" entries, in no particular order (source-tally.ts `documentEntry`). */
  sourceDocuments(keys?: string[]): Promise<Map<string, string[]>>;
  /** Starts summaries over: "sources" tallies every claim again; "all" also has every name made again (the "names" flag, cleared once they are). */
  resetSummaries(what: "sources" | "all"): Promise<void>;
  /** A page of stored summaries (JSON) in the story's order, and how many pass the filter. */
  propositionPage(query: PropositionQuery): Promise<{ total: number; rows: { id: number; summary: string }[] }>;
  /** Stored summaries (JSON) of propositions with a number series of more than one value, in the story's order. */
  seriesSummaries(): Promise<{ id: number; summary: string }[]>;
  /** Linked claims in the timeline's order: by the record's date, document, then the story's order of propositions (`limit` -1: all). */
  timelinePage(offset: number, limit: number): Promise<{ total: number; rows: TimelineRow[] }>;
  /**
   * Runs `work` while no other process or connection links into this store (SQLite: the write lock;
   * PostgreSQL: an advisory lock). Linking reads the linked state, then numbers new propositions
   * after it; two linkers interleaved would give one number to two propositions.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** `exclusive` without waiting: undefined, at once, when another process or connection holds the lock. */
  tryExclusive<T>(work: () => Promise<T>): Promise<{ value: T } | undefined>;
  /** Changes whenever anything was committed to the store, by any process: a key for caches. */
  changeStamp(): Promise<string>;
  close(): Promise<void>;
}

export const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex");

const DEFAULT_PATH = "triangulate.db";

/** The database: the flag, else TRIANGULATE_DB, else ./triangulate.db; a postgres:// URL or a file path. */
export const resolveDbPath = (flag?: string): string => flag ?? process.env.TRIANGULATE_DB ?? DEFAULT_PATH;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);
