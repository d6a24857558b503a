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
  /** Marks a linked document as a copy of another (or of none). */
  setEchoOf(docId: string, echoOf: string | undefined): Promise<void>;
  /** The claims of one document that take part in linking. */
  claimsToLink(docId: string): Promise<{ id: number; record: ClaimRecord }[]>;
  /** Records how one document was linked: its signature, what it echoes, its claims' propositions. Returns its link number. */
  saveLinks(docId: string, link: DocumentLink, claims: { id: number; terms: string[]; proposition: number }[]): Promise<number>;
  /** Every linked claim with its document's outlet, wire credit and echo, for the story views. */
  linkedRecords(): Promise<LinkedRecord[]>;
  /**
   * Runs `work` while no other process or connection links into this store (SQLite: the write lock;
   * PostgreSQL: an advisory lock). Linking reads the linked state, then numbers new propositions
   * after it; two linkers interleaved would give one number to two propositions.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Changes whenever anything was committed to the store, by any process: a key for caches. */
  changeStamp(): Promise<string>;
  close(): Promise<void>;
}

export const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex");

const DEFAULT_PATH = "triangulate.db";

/** The database: the flag, else TRIANGULATE_DB, else ./triangulate.db; a postgres:// URL or a file path. */
export const resolveDbPath = (flag?: string): string => flag ?? process.env.TRIANGULATE_DB ?? DEFAULT_PATH;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);
