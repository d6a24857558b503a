// Plain text and Markdown → clean text. Sentence splitting treats every line break as a boundary,
// so paragraphs must sit on one line: Markdown paragraphs are joined, and hard-wrapped text unwrapped.
import type { DocMeta } from "../doc.ts";
import { metaFromRecord } from "./meta.ts";

/** Splits a leading `---\nkey: value\n---` block off the text; its known keys become metadata. */
export function splitFrontMatter(text: string): { body: string; meta: DocMeta } {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, meta: {} };
  const record: Record<string, string> = {};
  for (const line of match[1].split("\n")) {
    const pair = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (pair) record[pair[1].toLowerCase()] = pair[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return { body: text.slice(match[0].length), meta: metaFromRecord(record) };
}

/**
 * Markdown as the sentences a reader sees: no heading, emphasis, list or quote marks, links as their
 * text, images and comments gone, code kept without its fences, each paragraph on one line.
 */
export function markdownToText(markdown: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const endParagraph = () => {
    if (current.length) paragraphs.push(current.join(" "));
    current = [];
  };
  let inFence = false;
  for (const raw of withoutHtmlComments(markdown).split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) {
      endParagraph();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (raw.trim()) paragraphs.push(raw.trim());
      continue;
    }
    const line = raw.trim();
    if (!line || /^([-*_=]\s*){3,}$/.test(line) || isTableRule(line) || /^\[[^[\]]+\]:\s/.test(line)) {
      endParagraph(); // blank line, rule, setext underline, table separator, link definition
      continue;
    }
    const block = /^(#{1,6}\s|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)/.exec(line);
    if (block) endParagraph();
    const unmarked = line.replace(/^(?:>\s?)+/, "").replace(/^(#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+)/, "");
    const content = inlineMarkdown(block?.[1].startsWith("#") ? withoutClosingHashes(unmarked) : unmarked);
    if (content.trim()) current.push(content.trim());
    if (block && !block[1].startsWith(">")) endParagraph(); // headings and list items stand alone
  }
  endParagraph();
  return paragraphs.filter((p) => p.trim()).join("\n\n");
}

/** A table's header rule, `|---|:--:|`. */
const isTableRule = (line: string): boolean => line.includes("|") && line.includes("-") && /^[\s:|-]+$/.test(line);

/** "Title ##" → "Title": the optional closing marks of an ATX heading (a loop, not a backtracking regex). */
function withoutClosingHashes(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === "#") end--;
  return end < line.length && (end === 0 || /\s/.test(line[end - 1])) ? line.slice(0, end).trimEnd() : line;
}

/** Removes `<!-- … -->` with indexOf rather than a regex, so an unclosed comment cannot go quadratic. */
function withoutHtmlComments(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (let open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", at)) {
    parts.push(text.slice(at, open));
    const close = text.indexOf("-->", open + 4);
    at = close < 0 ? text.length : close + 3;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/**
 * Inline Markdown on one line. Bracketed runs exclude their own opening character, so a scan from one
 * `[` stops at the next one and a line full of unclosed brackets stays linear.
 */
function inlineMarkdown(line: string): string {
  // Most lines of prose hold no markup at all: one scan tells, and spares the passes below.
  if (!/[[`<*_~]/.test(line)) return line;
  return line
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, "") // images
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1") // [text](url)
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, "$1") // [text][ref]
    .replace(/<(https?:\/\/[^<>\s]+)>/g, "$1") // <autolink>
    .replace(/`([^`]*)`/g, "$1") // inline code
    .replace(/\*+|_+|~~+/g, emphasisMark)
    .replace(/\s{2,}/g, " ");
}

const WHITE = " \t\u00a0";
const OPENS_AFTER = WHITE + "([\"'";
const CLOSES_BEFORE = WHITE + ").,;:!?\"']";

/**
 * Drops a run of `*`, `_` or `~~` that opens emphasis (space before, word after) or closes it (word
 * before, space or punctuation after); a run inside a word (snake_case) or between spaces (5 * 3) stays.
 */
function emphasisMark(run: string, at: number, line: string): string {
  const before = line[at - 1] ?? " ";
  const after = line[at + run.length] ?? " ";
  const opens = OPENS_AFTER.includes(before) && !WHITE.includes(after);
  const closes = !WHITE.includes(before) && CLOSES_BEFORE.includes(after);
  return opens || closes ? "" : run;
}

/**
 * Joins the lines of hard-wrapped plain text (every line of a paragraph cut near one width) back into
 * paragraphs. Text whose lines are not cut that way is left alone: its line breaks mean something.
 */
export function unwrapPlainText(text: string): string {
  const lines = text.split("\n");
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  const width = Math.max(0, ...lengths.slice(0, 5000));
  const nearWidth = lengths.filter((n) => n >= width - 20).length;
  const looksWrapped = width >= 40 && width <= 100 && lengths.length >= 4 && nearWidth >= lengths.length * 0.5;
  if (!looksWrapped) return text;
  const out: string[] = [];
  let joinNext = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (joinNext && line) out[out.length - 1] += " " + line.trimStart();
    else out.push(line);
    // A line cut near the wrap width continues on the next line; a short one ends its paragraph.
    joinNext = line.length >= width - 20;
  }
  return out.join("\n");
}
