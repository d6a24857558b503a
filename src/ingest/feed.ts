// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → one document per item, its text taken from the item's
// content (or description/summary), with the channel title as the outlet.
import { DOMParser } from "linkedom";
import type { DocMeta } from "../doc.ts";
import { htmlFragmentText } from "./html.ts";
import { normaliseDate } from "./meta.ts";

export interface FeedItem {
  /** Link, else guid/id: what the item's id is made from. */
  key?: string;
  text: string;
  meta: DocMeta;
}

/** True when `text` starts like an RSS, RDF or Atom document. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, "");
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

export function parseFeed(xml: string): FeedItem[] {
  // linkedom's own node types stand in for the DOM's; its documents implement the DOM interfaces.
  const document = new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  const root = document.documentElement;
  const channel = childrenNamed(root, "channel")[0] ?? root;
  const outlet = textOf(childrenNamed(channel, "title")[0]);
  // RSS 1.0 puts its items beside the channel rather than inside it.
  const items = [...childrenNamed(channel, "item"), ...childrenNamed(root, "item"), ...childrenNamed(root, "entry")];
  return items.map((item) => readItem(item, outlet));
}

function readItem(item: Element, outlet: string | undefined): FeedItem {
  const first = (...names: string[]): Element | undefined => {
    for (const name of names) {
      const found = childrenNamed(item, name)[0];
      if (found && (textOf(found) || found.children.length)) return found;
    }
    return undefined;
  };
  const link = itemLink(item);
  const authorElement = first("author", "dc:creator");
  const author = textOf(childrenNamed(authorElement, "name")[0] ?? authorElement);
  const meta: DocMeta = {};
  const title = textOf(first("title"));
  const date = normaliseDate(textOf(first("pubDate", "published", "dc:date", "updated")));
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet;
  if (author) meta.author = author;
  if (date) meta.date = date;
  if (link) meta.url = link;
  return { key: link ?? textOf(first("guid", "id")), text: contentText(first("content:encoded", "content", "description", "summary")), meta };
}

/** RSS `<link>` holds the URL as text; Atom's is `<link rel="alternate" href>` (rel may be missing). */
function itemLink(item: Element): string | undefined {
  for (const link of childrenNamed(item, "link")) {
    const rel = link.getAttribute("rel");
    const href = link.getAttribute("href")?.trim() || textOf(link);
    if (href && (!rel || rel === "alternate")) return href;
  }
  return undefined;
}

/** Item content is HTML: escaped or CDATA text in RSS and `type="html"` Atom, child elements in xhtml Atom. */
function contentText(content: Element | undefined): string {
  if (!content) return "";
  const html = content.getAttribute("type") === "xhtml" ? content.innerHTML : content.textContent ?? "";
  return htmlFragmentText(html);
}

function childrenNamed(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  const wanted = name.toLowerCase();
  return [...parent.children].filter((child) => child.tagName.toLowerCase() === wanted);
}

const textOf = (el: Element | undefined): string | undefined => el?.textContent?.replace(/\s+/g, " ").trim() || undefined;
