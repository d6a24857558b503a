// The writers behind `export` and `report`: claims as JSON Lines or CSV, the story as a Markdown or
// HTML report or a briefing with SVG charts. Loaded only by those commands (the charts pull in Plot
// and a DOM).
import { basename } from "node:path";
import { inDispute, numbersDescription } from "../charts/numbers.ts";
import { numbersSvg } from "../charts/svg.ts";
import type { Proposition, Story } from "../link/index.ts";
import { numbersOf } from "../link/numbers.ts";
import { timeline } from "../link/timeline.ts";
import type { LinkedRecord, StoredClaim, StoredDocument } from "../store/types.ts";
import { formatQuantity } from "./format.ts";

// ── claims, one per line or row ──

const CSV_COLUMNS = ["doc", "date", "outlet", "sentence", "kind", "source", "cue", "certainty", "quantities", "entities", "proposition"];

/** Every stored claim with its proposition id, as JSON Lines or RFC 4180 CSV (CRLF, quoted where needed). */
export function* claimRows(linked: LinkedRecord[], claims: StoredClaim[], format: "jsonl" | "csv"): Generator<string> {
  const propositionOf = new Map(linked.map((l) => [claimKey(l.record), l.proposition]));
  if (format === "csv") yield csvRow(CSV_COLUMNS);
  for (const claim of claims) {
    const proposition = propositionOf.get(claimKey(claim));
    if (format === "jsonl") yield JSON.stringify({ ...claim, proposition: proposition ?? null }) + "\n";
    else yield csvRow(csvFields(claim, proposition));
  }
}

const claimKey = (c: { doc: string; index: number }): string => `${c.doc}\u0000${c.index}`;

const csvFields = (c: StoredClaim, proposition: number | undefined): string[] => [
  c.doc,
  c.date ?? "",
  c.outlet ?? "",
  c.sentence,
  c.kind,
  c.source ?? "",
  c.cue ?? "",
  c.certainty,
  c.quantities.map((q) => `${q.min}-${q.max} ${q.of}`).join("; "),
  c.entities.join("; "),
  proposition === undefined ? "" : String(proposition),
];

const csvRow = (fields: string[]): string => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",") + "\r\n";

// ── the story report: one list of blocks, written as Markdown or HTML ──

/** A link a report gives for a claim: to its sentence in the served page, to the original article. */
export interface Link {
  label: string;
  href: string;
}

type Block =
  | { heading: string; level: 1 | 2 | 3 }
  | { paragraph: string }
  | { list: string[] }
  | { claims: { text: string; links: Link[] }[] }
  | { chart: { svg: string; alt: string } }
  | { table: { head: string[]; rows: string[][] } };

export interface ReportOptions {
  /** Where the served page is, for each claim's link to its sentence (no link when absent). */
  pageBase?: string;
  /** A briefing: the figures in dispute charted, every claim linked to its document and sentence. */
  briefing?: boolean;
}

export function* report(story: Story, documents: StoredDocument[], path: string, format: "md" | "html", options: ReportOptions = {}): Generator<string> {
  const blocks = options.briefing ? briefingBlocks(story, documents, basename(path), options) : storyBlocks(story, documents, basename(path));
  if (format === "md") for (const block of blocks) yield markdown(block);
  else yield* htmlDocument(blocks);
}

const day = (date: string | undefined): string => date?.slice(0, 10) ?? "undated";
const value = (v: { min: number; max: number }): string => formatQuantity({ ...v, of: "" });
const counted = (series: { of: string }): string => series.of || "unnamed count";

function* storyBlocks(story: Story, documents: StoredDocument[], database: string): Generator<Block> {
  const claims = documents.reduce((n, d) => n + d.claims, 0);
  yield { heading: "Story report", level: 1 };
  yield { paragraph: `${documents.length} documents, ${claims} sentences analysed, ${story.propositions.length} propositions, ${story.sources.length} sources (database ${database}).` };

  const attested = story.propositions.filter((p) => p.claims.length > 1);
  const single = story.propositions.filter((p) => p.claims.length === 1);
  yield { heading: "Propositions", level: 2 };
  yield { paragraph: "Claims from different documents that state the same thing, most attested first." };
  for (const p of attested) yield* propositionBlocks(p);
  if (single.length) {
    yield { heading: "Made once", level: 3 };
    yield { table: { head: ["Proposition", "Status", "Claim", "Source"], rows: single.map((p) => [`P${p.id}`, p.status, p.summary, p.claims[0].source ?? p.claims[0].origin]) } };
  }

  yield { heading: "Numbers by source", level: 2 };
  const values = story.propositions.flatMap((p) => p.quantities.flatMap((s) => s.values.map((v) => [counted(s), `P${p.id}`, day(v.date), v.source, value(v), v.doc])));
  yield values.length ? { table: { head: ["Counted", "Proposition", "Date", "Source", "Value", "Document"], rows: values } } : { paragraph: "No numbers." };

  yield { heading: "Timeline", level: 2 };
  const { events } = timeline(story);
  const days = new Map<string, typeof events>();
  for (const e of events) {
    const list = days.get(day(e.date));
    if (list) list.push(e);
    else days.set(day(e.date), [e]);
  }
  for (const [date, list] of days) {
    yield { heading: date, level: 3 };
    yield { list: list.map((e) => `${e.source} (${e.certainty}, P${e.proposition}): ${e.sentence}`) };
  }

  yield { heading: "Sources", level: 2 };
  yield {
    table: {
      head: ["Source", "Claims", "Typical certainty", "Cites", "Cited by", "First seen"],
      rows: story.sources.map((s) => [s.name, String(s.claims), s.typicalCertainty, s.cites.join(", "), s.citedBy.join(", "), day(s.firstSeen)]),
    },
  };

  yield { heading: "Documents", level: 2 };
  yield { table: { head: ["Document", "Title", "Outlet", "Date", "Sentences"], rows: documents.map((d) => [d.id, d.title ?? "", d.outlet ?? "", day(d.date), String(d.claims)]) } };
}

function* propositionBlocks(p: Proposition): Generator<Block> {
  yield { heading: `P${p.id}: ${p.summary}`, level: 3 };
  yield { paragraph: `Status: ${p.status}. ${p.independentSources} independent source${p.independentSources === 1 ? "" : "s"}: ${p.origins.join(", ") || "none"}. First seen ${day(p.firstSeen)}.` };
  yield {
    list: p.claims.map((c) => {
      const who = c.source ? `${c.source}${c.outlet ? ` via ${c.outlet}` : ""}` : (c.outlet ?? c.doc);
      return `${c.stance}: ${who} (${day(c.date)}, ${c.certainty}${c.echoOf ? `, copy of ${c.echoOf}` : ""}): “${c.sentence}”`;
    }),
  };
  for (const s of p.quantities) yield { paragraph: `Numbers (${counted(s)}): ${s.values.map((v) => `${value(v)} by ${v.source} on ${day(v.date)}`).join("; ")}.` };
}

// ── the briefing: what a reader needs first, with charts and a link for every claim ──

/** A text fragment address (`#:~:text=`) takes a browser to the sentence in the original article. */
const sentenceInArticle = (url: string, sentence: string): string =>
  `${url.split("#")[0]}#:~:text=${encodeURIComponent(sentence.split(/\s+/).slice(0, 8).join(" ")).replace(/-/g, "%2D")}`;

function claimLinks(c: { doc: string; index: number; sentence: string }, documents: Map<string, StoredDocument>, options: ReportOptions): Link[] {
  const links: Link[] = [];
  if (options.pageBase) links.push({ label: `${c.doc}, sentence ${c.index + 1}`, href: `${options.pageBase.replace(/\/?$/, "/")}#/document/${encodeURIComponent(c.doc)}?s=${c.index}` });
  const url = documents.get(c.doc)?.url;
  if (url && /^https?:\/\//i.test(url)) links.push({ label: "original", href: sentenceInArticle(url, c.sentence) });
  return links;
}

function* briefingBlocks(story: Story, documents: StoredDocument[], database: string, options: ReportOptions): Generator<Block> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const disputed = story.propositions.filter((p) => p.status === "disputed");
  yield { heading: "Story briefing", level: 1 };
  yield {
    paragraph: `${documents.length} documents, ${story.propositions.length} propositions (${disputed.length} disputed), ${story.sources.length} sources (database ${database}). Every claim links to its document and sentence.`,
  };
  const numbers = numbersOf(story);
  // the death toll first: it is what a reader asks about first
  const charted = numbers.filter(inDispute).sort((a, b) => Number(b.state === "dead") - Number(a.state === "dead")).slice(0, 4);
  if (charted.length) {
    yield { heading: "Figures in dispute", level: 2 };
    for (const series of charted) {
      yield { heading: series.label, level: 3 };
      yield { chart: { svg: numbersSvg(series), alt: `chart of ${series.label} by source and date` } };
      yield { paragraph: numbersDescription(series) };
    }
  }
  for (const [title, list] of [
    ["Disputed", disputed],
    ["Agreed", story.propositions.filter((p) => p.status === "agreed")],
    ["From one source", story.propositions.filter((p) => p.status === "single-source")],
  ] as const) {
    if (!list.length) continue;
    yield { heading: title, level: 2 };
    for (const p of list) {
      yield { heading: `P${p.id}: ${p.summary}`, level: 3 };
      yield { paragraph: `${p.status}; ${p.independentSources} independent source${p.independentSources === 1 ? "" : "s"}: ${p.origins.join(", ") || "none"}. First seen ${day(p.firstSeen)}.` };
      yield {
        claims: p.claims.map((c) => ({
          text: `${c.stance}: ${c.source ?? c.outlet ?? c.doc} (${day(c.date)}, ${c.certainty}${c.echoOf ? `, copy of ${c.echoOf}` : ""}): “${c.sentence}”`,
          links: claimLinks(c, byId, options),
        })),
      };
    }
  }
  yield { heading: "Sources", level: 2 };
  yield {
    table: {
      head: ["Source", "Claims", "Typical certainty", "Cites", "Cited by"],
      rows: story.sources.map((s) => [s.name, String(s.claims), s.typicalCertainty, s.cites.join(", "), s.citedBy.join(", ")]),
    },
  };
}

// ── Markdown ──

/** Backslash-escapes what Markdown would read as markup; line breaks become spaces. */
const md = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_[\]<>|#]/g, "\\$&");

function markdown(block: Block): string {
  if ("heading" in block) return `${"#".repeat(block.level)} ${md(block.heading)}\n\n`;
  if ("paragraph" in block) return `${md(block.paragraph)}\n\n`;
  if ("list" in block) return block.list.map((item) => `- ${md(item)}\n`).join("") + "\n";
  if ("claims" in block) return block.claims.map((c) => `- ${md(c.text)}${c.links.map((l) => ` [${md(l.label)}](<${l.href.replace(/[<>\s]/g, encodeURIComponent)}>)`).join("")}\n`).join("") + "\n";
  if ("chart" in block) return `![${md(block.chart.alt)}](data:image/svg+xml;base64,${Buffer.from(block.chart.svg).toString("base64")})\n\n`;
  const row = (cells: string[]) => `| ${cells.map(md).join(" | ")} |\n`;
  return row(block.table.head) + row(block.table.head.map(() => "---")) + block.table.rows.map(row).join("") + "\n";
}

// ── HTML ──

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const anchor = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9]+/g, "-");

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1d232a;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin-bottom:1.5rem}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #d9dee4}
th{background:#f4f6f8}figure{margin:0 0 1rem}figure svg{max-width:100%;height:auto}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}h2{border-bottom:2px solid #1d232a;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-bottom:.3rem}`;

function* htmlDocument(blocks: Iterable<Block>): Generator<string> {
  yield `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Story report</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n`;
  let open = false; // each h2 opens a section that the next h2 (or the end) closes
  for (const block of blocks) {
    if ("heading" in block && block.level === 2) {
      if (open) yield "</section>\n";
      yield `<section id="${anchor(block.heading)}">\n`;
      open = true;
    }
    yield html(block);
  }
  if (open) yield "</section>\n";
  yield "</main>\n</body>\n</html>\n";
}

function html(block: Block): string {
  if ("heading" in block) return `<h${block.level}>${esc(block.heading)}</h${block.level}>\n`;
  if ("paragraph" in block) return `<p>${esc(block.paragraph)}</p>\n`;
  if ("list" in block) return `<ul>\n${block.list.map((item) => `<li>${esc(item)}</li>\n`).join("")}</ul>\n`;
  if ("claims" in block)
    return `<ul>\n${block.claims.map((c) => `<li>${esc(c.text)}${c.links.map((l) => ` <a href="${esc(l.href)}">${esc(l.label)}</a>`).join("")}</li>\n`).join("")}</ul>\n`;
  // the chart's SVG is Plot's, its text set through the DOM, so article words in it are escaped
  if ("chart" in block) return `<figure>${block.chart.svg}<figcaption class="visually-hidden">${esc(block.chart.alt)}</figcaption></figure>\n`;
  const cells = (tag: string, row: string[]) => `<tr>${row.map((c) => `<${tag}>${esc(c)}</${tag}>`).join("")}</tr>\n`;
  return `<table>\n<thead>${cells("th", block.table.head)}</thead>\n<tbody>\n${block.table.rows.map((r) => cells("td", r)).join("")}</tbody>\n</table>\n`;
}
