// The Story view: propositions by how many independent origins stand behind them, each with its
// status, who asserts, hedges and denies it, and its numbers; filtered by source, entity, status,
// date and words; the figures in dispute drawn above.
import { useEffect, useMemo, useState } from "preact/hooks";
import { inDispute } from "../../../src/charts/numbers.ts";
import { api, type ListedClaim, type NumberSeries, type Proposition, type PropositionSummary } from "../api.ts";
import { day, figure, plural } from "../format.ts";
import { Badge } from "../parts/Badge.tsx";
import { ListFooter } from "../parts/ListFooter.tsx";
import { NumbersChart } from "../parts/NumbersChart.tsx";
import { useDebounced } from "../parts/useDebounced.ts";
import { usePaged } from "../parts/usePaged.ts";
import { href, replaceRoute, type Route } from "../route.ts";

const FIELDS = ["q", "source", "entity", "status", "from", "to"] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

const filtersOf = (params: URLSearchParams): Filters =>
  Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""])) as Filters;

export function StoryView({ route }: { route: Route }) {
  const [filters, setFilters] = useState(() => filtersOf(route.params));
  // words are typed: wait for a pause; a choice from a list applies at once
  // (debounced as one string: a fresh object each render would never settle)
  const typed = useDebounced(JSON.stringify([filters.q, filters.source, filters.entity]), 150);
  const query = useMemo(() => {
    const [q, source, entity] = JSON.parse(typed) as string[];
    return { q, source, entity, status: filters.status, from: filters.from, to: filters.to };
  }, [typed, filters.status, filters.from, filters.to]);
  useEffect(() => replaceRoute(href("story", query)), [query]);
  const list = usePaged<PropositionSummary>("propositions", query, 50, "story");
  const set = (field: keyof Filters) => (e: Event) => setFilters((f) => ({ ...f, [field]: (e.currentTarget as HTMLInputElement).value }));

  return (
    <section aria-labelledby="story-title">
      <h2 id="story-title">The story</h2>
      <DisputedNumbers />
      <form class="filters panel" role="search" aria-label="Filter propositions" onSubmit={(e) => e.preventDefault()}>
        <label>
          Words
          <input type="search" name="q" value={filters.q} onInput={set("q")} placeholder="e.g. death toll" />
        </label>
        <label>
          Source
          <input type="text" name="source" value={filters.source} onInput={set("source")} placeholder="e.g. ministry" />
        </label>
        <label>
          Entity
          <input type="text" name="entity" value={filters.entity} onInput={set("entity")} placeholder="e.g. Tarvonia" />
        </label>
        <label>
          Status
          <select name="status" value={filters.status} onChange={set("status")}>
            <option value="">any</option>
            <option value="disputed">disputed</option>
            <option value="agreed">agreed</option>
            <option value="single-source">single-source</option>
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" value={filters.from} onInput={set("from")} />
        </label>
        <label>
          To
          <input type="date" name="to" value={filters.to} onInput={set("to")} />
        </label>
      </form>
      <ol class="propositions" aria-label="Propositions" aria-busy={list.loading}>
        {list.items.map((p) => (
          <PropositionCard key={p.id} p={p} />
        ))}
      </ol>
      <ListFooter list={list} noun="proposition" />
    </section>
  );
}

/** The figures sources disagree on, the death toll first: the story's numbers in dispute, drawn. */
function DisputedNumbers() {
  const numbers = usePaged<NumberSeries>("numbers", {}, 20);
  const disputed = numbers.items.filter(inDispute).sort((a, b) => Number(b.state === "dead") - Number(a.state === "dead")).slice(0, 2);
  if (!disputed.length) return null;
  return (
    <div class="panel disputed-numbers">
      <h3>
        Figures in dispute <a href={href("numbers")} class="small">all numbers</a>
      </h3>
      <div class="charts">
        {disputed.map((s) => (
          <figure key={s.label}>
            <figcaption>{s.label}</figcaption>
            <NumbersChart series={s} width={540} />
          </figure>
        ))}
      </div>
    </div>
  );
}

const STANCES = [
  ["supports", "Asserts"],
  ["hedges", "Hedges"],
  ["denies", "Denies"],
] as const;

function PropositionCard({ p }: { p: PropositionSummary }) {
  const id = `p-${p.id}`;
  return (
    <li class={`proposition panel status-${p.status}`}>
      <article aria-labelledby={id}>
        <h3 id={id} class="summary">
          {p.summary}
        </h3>
        <p class="facts">
          <Badge kind="status" value={p.status} /> <strong>{plural(p.independentSources, "independent origin")}</strong>
          {p.origins.length > 0 && <span class="muted">: {p.origins.join(", ")}</span>} · first seen {day(p.firstSeen)} · P{p.id}
        </p>
        <dl class="stances">
          {STANCES.map(([stance, label]) =>
            p.stances[stance].length ? (
              <div key={stance} class={`stance stance-${stance}`}>
                <dt>{label}</dt>
                <dd>{p.stances[stance].join(", ")}</dd>
              </div>
            ) : null,
          )}
        </dl>
        {p.quantities.length > 0 && (
          <ul class="numbers" aria-label="Numbers">
            {p.quantities.map((q) => (
              <li key={q.of}>
                <span class="muted">{q.of || "count"}:</span> {q.values.map((v) => `${figure(v)} (${v.source}, ${day(v.date)})`).join("; ")}
                {q.valueCount > q.values.length && <span class="muted"> … and {q.valueCount - q.values.length} more</span>}
              </li>
            ))}
          </ul>
        )}
        <Claims p={p} />
      </article>
    </li>
  );
}

/** The proposition's claims, each linked to its sentence; past the first few they load when opened. */
function Claims({ p }: { p: PropositionSummary }) {
  const [claims, setClaims] = useState<ListedClaim[]>(p.claims);
  const open = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && claims.length < p.claimCount)
      api<Proposition>(`propositions/${p.id}`).then((full) => setClaims(full.claims), () => {});
  };
  return (
    <details onToggle={open}>
      <summary>{plural(p.claimCount, "claim")}</summary>
      <ol class="claims">
        {claims.map((c) => (
          <li key={`${c.doc}:${c.index}`}>
            <Badge kind="stance" value={c.stance} /> <a href={href("document", { s: c.index }, c.doc)}>{c.sentence}</a>
            <span class="muted small">
              {" "}
              — {c.source ?? c.outlet ?? c.doc}
              {c.cue ? ` (${c.cue})` : ""}, {c.certainty}, {day(c.date)}
              {c.echoOf ? `, copy of ${c.echoOf}` : ""}
            </span>
          </li>
        ))}
      </ol>
      {claims.length < p.claimCount && <p class="muted small">Loading the other {p.claimCount - claims.length}…</p>}
    </details>
  );
}
