// The API's requests and responses as zod schemas: queries are checked with them, and the OpenAPI
// document at /openapi.json is generated from them, so what is documented is what is enforced.
import { z } from "zod";

export { z };
import { CERTAINTY_LABELS } from "../doc.ts";

// ── requests ──

const positive = (name: string) => z.string().regex(/^[1-9]\d{0,8}$/, { error: `${name} must be a positive whole number` });
const isoDay = (name: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date as YYYY-MM-DD` });
const text = z.string();

export const MAX_LIMIT = 500;

/** `limit` and `cursor`, which every list takes. */
export const pageQuery = {
  limit: positive("limit").describe(`how many items at most (default 50, at most ${MAX_LIMIT})`).optional(),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { error: "cursor must be a cursor the previous page gave as next" }).describe("the previous page's next").optional(),
};

export const claimsQuery = z.strictObject({
  source: text.describe("claims whose source contains this").optional(),
  entity: text.describe("claims that mention this entity (canonical name)").optional(),
  certainty: z.enum(CERTAINTY_LABELS, { error: `certainty must be one of ${CERTAINTY_LABELS.join(", ")}` }).optional(),
  kind: z.enum(["claim", "opinion"], { error: "kind must be one of claim, opinion" }).optional(),
  search: text.describe("full-text search (FTS5 syntax) over sentences and sources").optional(),
  doc: text.describe("claims of one document").optional(),
  ...pageQuery,
});

export const STATUSES = ["agreed", "disputed", "single-source"] as const;

export const propositionsQuery = z.strictObject({
  status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(", ")}` }).optional(),
  source: text.describe("propositions a source (speaker, origin or outlet) containing this takes part in").optional(),
  entity: text.describe("propositions whose claims mention an entity containing this").optional(),
  from: isoDay("from").describe("propositions with a claim on or after this day").optional(),
  to: isoDay("to").describe("propositions with a claim on or before this day").optional(),
  q: text.describe("propositions with a claim holding all these words").optional(),
  ...pageQuery,
});

export const pageOnlyQuery = z.strictObject(pageQuery);

export const numbersQuery = z.strictObject({
  values: positive("values").describe("at most this many values per series, evenly spread over its dates (default 200)").optional(),
  ...pageQuery,
});

export const analyzeBody = z.strictObject({
  id: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().describe("an http or https address to fetch instead of text or html").optional(),
  title: z.string().optional(),
  outlet: z.string().optional(),
  date: z.string().optional(),
});

// ── responses ──

export const errorResponse = z.object({ error: z.string().describe("what is wrong, naming the parameter or field at fault") });

const quantity = z.object({
  min: z.number(),
  max: z.number(),
  of: z.string(),
  kind: z.string(),
  approximate: z.boolean(),
  bound: z.enum(["upper", "lower"]).optional(),
  unit: z.string().optional(),
  text: z.string(),
});

export const claimRecord = z.object({
  doc: z.string(),
  sentence: z.string(),
  kind: z.enum(["claim", "opinion"]),
  source: z.string().nullable(),
  cue: z.string().nullable(),
  certainty: z.enum(CERTAINTY_LABELS),
  quantities: z.array(quantity),
  entities: z.array(z.string()),
  entityTypes: z.record(z.string(), z.string()).optional(),
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  date: z.string().optional(),
  dates: z.array(z.string()),
  chain: z.array(z.object({ source: z.string(), cue: z.string() })),
  direct: z.boolean(),
  evidence: z.object({ certainty: z.array(z.string()), attribution: z.array(z.string()), kind: z.array(z.string()) }),
  checkworthy: z.number(),
  boilerplate: z.string().optional(),
});

export const storedClaim = claimRecord.extend({ id: z.number().int(), outlet: z.string().optional(), title: z.string().optional() });

export const storedDocument = z.object({
  id: z.string(),
  hash: z.string(),
  status: z.enum(["analysed", "skipped"]),
  reason: z.string().optional(),
  duplicateOf: z.string().optional(),
  claims: z.number().int(),
  title: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  origin: z.string().optional(),
  language: z.string().optional(),
});

export const MARK_TYPES = ["claim", "source", "cue", "certainty", "quantity", "entity"] as const;

export const mark = z.object({
  type: z.enum(MARK_TYPES),
  start: z.number().int(),
  end: z.number().int(),
  /** Which sentence's record the mark belongs to. */
  sentence: z.number().int(),
  label: z.string().describe("what the mark stands for: the source's name, the certainty, the value, the entity"),
  evidence: z.array(z.string()).describe("the words that gave the label"),
});

export const documentWithMarks = storedDocument.extend({
  text: z.string(),
  claims: z.array(storedClaim),
  marks: z.array(mark).describe("findings as offsets into text, in order, none overlapping another of its type"),
});

const storyClaim = claimRecord.extend({
  outlet: z.string().optional(),
  origin: z.string(),
  stance: z.enum(["supports", "hedges", "denies"]),
  echoOf: z.string().optional(),
});

const quantityValue = z.object({
  min: z.number(),
  max: z.number(),
  bound: z.enum(["upper", "lower"]).optional(),
  approximate: z.boolean().optional(),
  source: z.string(),
  doc: z.string(),
  date: z.string().optional(),
});

export const proposition = z.object({
  id: z.number().int(),
  summary: z.string(),
  status: z.enum(STATUSES),
  independentSources: z.number().int(),
  origins: z.array(z.string()),
  firstSeen: z.string().optional(),
  claims: z.array(storyClaim),
  quantities: z.array(z.object({ of: z.string(), values: z.array(quantityValue) })),
});

/** Claims a proposition in a list carries; the rest come with the proposition itself. */
export const LISTED_CLAIMS = 10;

export const propositionSummary = proposition.omit({ claims: true, quantities: true }).extend({
  quantities: z.array(z.object({ of: z.string(), values: z.array(quantityValue), valueCount: z.number().int() })).describe(`each counted thing's first ${LISTED_CLAIMS} values and how many it has`),
  claimCount: z.number().int(),
  stances: z.object({ supports: z.array(z.string()), hedges: z.array(z.string()), denies: z.array(z.string()) }).describe("who asserts, hedges and denies it, each name once"),
  claims: z.array(storyClaim.pick({ doc: true, index: true, sentence: true, source: true, cue: true, certainty: true, date: true, outlet: true, origin: true, stance: true, echoOf: true })).describe(`its first ${LISTED_CLAIMS} claims`),
});

export const sourceSummary = z.object({
  name: z.string(),
  claims: z.number().int(),
  certainty: z.record(z.string(), z.number()),
  typicalCertainty: z.string(),
  cites: z.array(z.string()),
  citedBy: z.array(z.string()),
  firstSeen: z.string().optional(),
  documents: z.array(z.string()),
});

export const numberSeries = z.object({
  label: z.string(),
  counted: z.string(),
  state: z.string().optional(),
  values: z.array(quantityValue.extend({ sentence: z.number().int(), proposition: z.number().int(), denied: z.boolean(), text: z.string() })),
  revisedBy: z.array(z.string()),
  valueCount: z.number().int().describe("how many values the series has; values may hold a sample of them").optional(),
});

export const timelineEvent = z.object({
  date: z.string().optional(),
  proposition: z.number().int(),
  doc: z.string(),
  source: z.string(),
  origin: z.string(),
  certainty: z.enum(CERTAINTY_LABELS),
  stance: z.enum(["supports", "hedges", "denies"]),
  sentence: z.string(),
  quantities: z.array(quantity),
});

/** A page of a list: its items, the total, and the cursor of the next page when there is one. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), next: z.string().optional().describe("pass as cursor for the next page") });

export const analyzeResponse = z.object({
  documents: z.array(z.looseObject({ id: z.string(), status: z.string() })),
  claims: z.array(claimRecord),
  failures: z.array(z.object({ input: z.string(), error: z.string() })).optional(),
});
