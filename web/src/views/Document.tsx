// The Document view: the article's text with its findings marked — claims, sources and attribution
// cues, certainty cues, quantities, entities — and the words behind each mark shown when it has the
// pointer or the keyboard focus. The text goes in as text nodes only, so nothing in it can run.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, type DocumentWithMarks, type Mark } from "../api.ts";
import { day, safeUrl } from "../format.ts";
import { markRendered } from "../parts/rendered.ts";
import { href, type Route } from "../route.ts";

const TYPES: [Mark["type"], string][] = [
  ["claim", "claims"],
  ["source", "sources"],
  ["cue", "attribution cues"],
  ["certainty", "certainty cues"],
  ["quantity", "numbers"],
  ["entity", "entities"],
];

export function DocumentView({ route }: { route: Route }) {
  const id = route.id!;
  const focus = route.params.get("s");
  const [doc, setDoc] = useState<DocumentWithMarks>();
  const [error, setError] = useState<string>();
  const [active, setActive] = useState<Mark>();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  useEffect(() => {
    const abort = new AbortController();
    setDoc(undefined);
    api<DocumentWithMarks>(`documents/${encodeURIComponent(id)}`, {}, abort.signal).then(setDoc, (e: Error) => e.name !== "AbortError" && setError(e.message));
    return () => abort.abort();
  }, [id]);
  useEffect(() => {
    if (!doc) return;
    markRendered("document");
    if (focus !== null) document.getElementById(`sentence-${focus}`)?.focus();
  }, [doc, focus]);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!doc) return <p aria-busy="true">Loading the document…</p>;
  const url = safeUrl(doc.url);
  const toggle = (type: string) => setHidden((h) => (h.has(type) ? new Set([...h].filter((t) => t !== type)) : new Set([...h, type])));
  return (
    <section aria-labelledby="doc-title" class={[...hidden].map((t) => `hide-${t}`).join(" ")}>
      <p class="small">
        <a href={href("documents")}>← all documents</a>
      </p>
      <h2 id="doc-title">{doc.title ?? doc.id}</h2>
      <p class="muted">
        {[doc.outlet, doc.author, day(doc.date)].filter(Boolean).join(" · ")}
        {url ? (
          <>
            {" · "}
            <a href={url} rel="noreferrer noopener" target="_blank">
              original
            </a>
          </>
        ) : doc.url ? (
          <span class="small"> · {doc.url}</span>
        ) : null}
      </p>
      <fieldset class="legend panel">
        <legend>Show marks</legend>
        {TYPES.map(([type, label]) => (
          <label key={type} class={`key m-${type}`}>
            <input type="checkbox" checked={!hidden.has(type)} onChange={() => toggle(type)} /> {label} ({doc.marks.filter((m) => m.type === type).length})
          </label>
        ))}
      </fieldset>
      <div class="reader">
        <div class="doc-text panel" data-doc={doc.id}>
          {renderText(doc, setActive)}
        </div>
        <aside class="evidence panel" aria-live="polite" aria-label="Evidence of the mark in focus">
          {active ? <Evidence mark={active} doc={doc} /> : <p class="muted">Point at or tab to a mark to see the words behind it.</p>}
        </aside>
      </div>
    </section>
  );
}

function Evidence({ mark, doc }: { mark: Mark; doc: DocumentWithMarks }) {
  const claim = doc.claims.find((c) => c.index === mark.sentence);
  return (
    <div>
      <h3>{mark.label}</h3>
      <p>
        <q>{doc.text.slice(mark.start, mark.end)}</q>
      </p>
      {mark.evidence.length > 0 && (
        <p>
          Because of: {mark.evidence.map((e, i) => <code key={i}>{e}</code>)}
        </p>
      )}
      {claim && (
        <p class="small muted">
          Sentence {claim.index + 1}: {claim.kind}, {claim.certainty}
          {claim.source ? `, source ${claim.source}` : ", in the writer's voice"}
        </p>
      )}
    </div>
  );
}

/** The text as nodes: each claim's sentence wraps the marks inside it; the rest is plain text. */
function renderText(doc: DocumentWithMarks, show: (m: Mark) => void): ComponentChildren[] {
  const sentences = doc.marks.filter((m) => m.type === "claim");
  const inner = doc.marks.filter((m) => m.type !== "claim");
  const out: ComponentChildren[] = [];
  let pos = 0;
  let next = 0; // index into inner
  const innerUpTo = (end: number): ComponentChildren[] => {
    const nodes: ComponentChildren[] = [];
    while (next < inner.length && inner[next].end <= end) {
      const m = inner[next++];
      if (m.start < pos) continue;
      if (m.start > pos) nodes.push(doc.text.slice(pos, m.start));
      nodes.push(
        <mark key={`${m.type}${m.start}`} class={`m-${m.type}`} tabIndex={0} title={`${m.label}${m.evidence.length ? ` — ${m.evidence.join(", ")}` : ""}`} onFocus={() => show(m)} onMouseEnter={() => show(m)}>
          {doc.text.slice(m.start, m.end)}
        </mark>,
      );
      pos = m.end;
    }
    if (end > pos) nodes.push(doc.text.slice(pos, end));
    pos = Math.max(pos, end);
    return nodes;
  };
  for (const s of sentences) {
    out.push(...innerUpTo(s.start));
    out.push(
      <span key={`s${s.start}`} id={`sentence-${s.sentence}`} class="m-claim" tabIndex={-1} title={s.label} onMouseEnter={() => show(s)}>
        {innerUpTo(s.end)}
      </span>,
    );
  }
  out.push(...innerUpTo(doc.text.length));
  return out;
}
