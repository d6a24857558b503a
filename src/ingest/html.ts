// HTML → main text + metadata. Readability (on a linkedom DOM) finds the article; our own walker turns
// its DOM into text with one line per block, so sentence splitting sees paragraph boundaries.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocMeta } from "../doc.ts";
import { normaliseDate } from "./meta.ts";

/** Elements that never hold article text. */
const NEVER_TEXT = new Set(["script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select"]);
/** Page furniture dropped when we fall back to the whole body. */
const FURNITURE = new Set(["nav", "header", "footer", "aside", "form", "menu"]);
/** Blocks that end a paragraph: a blank line after them. */
const PARAGRAPH = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "table", "ul", "ol", "dl",
  "article", "section", "main", "header", "footer", "nav", "aside", "form", "menu", "hr", "address", "details",
]);
/** Blocks that end a line. */
const LINE = new Set(["div", "li", "tr", "dt", "dd", "br", "figcaption", "summary", "caption", "center"]);

/** Below this many characters a Readability result is taken as "found nothing" and the body is used. */
const MIN_ARTICLE_CHARS = 100;

/** The main text of a page and its metadata (title, author, outlet, date, url). */
export function extractHtml(html: string, url?: string): { text: string; meta: DocMeta } {
  const document = parseDocument(html);
  const meta = pageMeta(document, url);
  // Computed before Readability runs, because Readability rewrites the DOM it reads.
  const bodyText = blockText(document.body, FURNITURE);
  const article = readArticle(document);
  const articleText = article ? blockText(article.content, new Set()) : "";
  const text = articleText.length >= MIN_ARTICLE_CHARS || !bodyText ? articleText : bodyText;
  if (article) {
    meta.title = article.title?.trim() || meta.title;
    meta.author = cleanByline(article.byline) ?? meta.author;
    meta.outlet = article.siteName?.trim() || meta.outlet;
    meta.date = normaliseDate(article.publishedTime) ?? meta.date;
  }
  return { text, meta: dropEmpty(meta) };
}

/** Text of an HTML fragment (a feed item's content), blocks on their own lines. */
export function htmlFragmentText(html: string): string {
  return blockText(parseDocument(html).body, FURNITURE);
}

/**
 * A full document even for a fragment: linkedom makes a bare fragment's first element the root (and
 * its `body` getter then invents an empty body), so a fragment is wrapped in html/body first.
 */
function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.localName.toLowerCase() === "html") return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

function readArticle(document: Document) {
  try {
    return new Readability(document, { serializer: (node: Node) => node }).parse();
  } catch {
    return null; // Readability can trip over odd DOMs; the body fallback still gives text.
  }
}

function pageMeta(document: Document, url?: string): DocMeta {
  const metaContent = (...names: string[]): string | undefined => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const value = el?.getAttribute("content")?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const timeElement = document.querySelector("time[datetime]")?.getAttribute("datetime");
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent("og:url");
  return {
    title: metaContent("og:title") ?? document.querySelector("title")?.textContent?.trim(),
    author: [metaContent("author", "byl", "dc.creator"), metaContent("article:author")].find((name) => name && !/^https?:/i.test(name)),
    outlet: metaContent("og:site_name", "application-name"),
    date: normaliseDate(
      metaContent("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "dc.date") ?? timeElement,
    ),
    url: url ?? absoluteUrl(canonical),
  };
}

const absoluteUrl = (href: string | undefined): string | undefined => (href && /^https?:\/\//i.test(href) ? href : undefined);

const cleanByline = (byline: string | null | undefined): string | undefined =>
  byline?.replace(/\s+/g, " ").replace(/^by\s+/i, "").trim() || undefined;

function dropEmpty(meta: DocMeta): DocMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value)) as DocMeta;
}

/**
 * The text under `root`: runs of inline text with white space collapsed, a line break after each
 * line-level block and a blank line after each paragraph-level one. Iterative, so deeply nested
 * markup cannot overflow the stack.
 */
function blockText(root: Node | null | undefined, skip: ReadonlySet<string>): string {
  if (!root) return "";
  const out = new TextWriter();
  let node: Node | null = root.firstChild;
  while (node) {
    const tag = tagOf(node);
    const descend = tag ? !NEVER_TEXT.has(tag) && !skip.has(tag) : false;
    if (node.nodeType === 3) out.inline(node.nodeValue ?? "");
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) out.endBlock(tag);
    // Climb until a next sibling, closing each element we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) out.endBlock(tagOf(node));
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return out.toString();
}

const tagOf = (node: Node): string => (node.nodeType === 1 ? (node as Element).localName.toLowerCase() : "");

/** Collects text with collapsed white space and the strongest break asked for between runs. */
class TextWriter {
  private parts: string[] = [];
  private pendingBreak = "";
  private atLineStart = true;

  inline(raw: string): void {
    const text = raw.replace(/\s+/g, " ");
    if (text === " " || !text) {
      if (!this.atLineStart && !this.pendingBreak) this.parts.push(" ");
      return;
    }
    if (this.pendingBreak && this.parts.length) this.parts.push(this.pendingBreak);
    this.pendingBreak = "";
    this.parts.push(this.atLineStart ? text.trimStart() : text);
    this.atLineStart = false;
  }

  endBlock(tag: string): void {
    const wanted = PARAGRAPH.has(tag) ? "\n\n" : LINE.has(tag) ? "\n" : "";
    if (wanted.length > this.pendingBreak.length) this.pendingBreak = wanted;
    if (wanted) this.atLineStart = true;
  }

  toString(): string {
    // Adjacent text nodes each keep their edge spaces; squeeze them, and drop spaces at line ends.
    return this.parts.join("").replace(/ {2,}/g, " ").replace(/ +\n/g, "\n").trim();
  }
}
