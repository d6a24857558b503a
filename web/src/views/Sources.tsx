// The Sources view: who cites whom as a graph (an arrow from the one who cites to the one cited),
// and each source's claims and typical certainty as a table.
import { useMemo } from "preact/hooks";
import type { SourceSummary } from "../api.ts";
import { day } from "../format.ts";
import { Badge } from "../parts/Badge.tsx";
import { ListFooter } from "../parts/ListFooter.tsx";
import { usePaged } from "../parts/usePaged.ts";
import { href } from "../route.ts";

export function SourcesView() {
  const list = usePaged<SourceSummary>("sources", {}, 100, "sources");
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <div class="panel">
        <h3>Who cites whom</h3>
        <CitationGraph sources={list.items} />
      </div>
      <div class="table-wrap panel">
        <table>
          <caption>Each source's claims, most first</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col" class="num">Claims</th>
              <th scope="col">Typical certainty</th>
              <th scope="col">Certainty of its claims</th>
              <th scope="col">Cites</th>
              <th scope="col">Cited by</th>
              <th scope="col">First seen</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((s) => (
              <tr key={s.name}>
                <th scope="row">
                  <a href={href("story", { source: s.name })}>{s.name}</a>
                </th>
                <td class="num">{s.claims}</td>
                <td>
                  <Badge kind="certainty" value={s.typicalCertainty} />
                </td>
                <td class="small">
                  {Object.entries(s.certainty)
                    .map(([k, n]) => `${k} ${n}`)
                    .join(", ")}
                </td>
                <td class="small">{s.cites.join(", ")}</td>
                <td class="small">{s.citedBy.join(", ")}</td>
                <td class="date">{day(s.firstSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter list={list} noun="source" />
    </section>
  );
}

const WIDTH = 960;
const HEIGHT = 640;

/** Sources that cite or are cited, on a circle; an arrow for each citation. The table holds the same facts as text. */
function CitationGraph({ sources }: { sources: SourceSummary[] }) {
  const { nodes, edges } = useMemo(() => {
    const linked = sources.filter((s) => s.cites.length || s.citedBy.length).slice(0, 40);
    const at = new Map(
      linked.map((s, i) => {
        const angle = (2 * Math.PI * i) / linked.length - Math.PI / 2;
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        // labels point outwards: to the right on the right half, to the left on the left
        const anchor = cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle";
        return [s.name, { x: WIDTH / 2 + (WIDTH / 2 - 230) * cos, y: HEIGHT / 2 + (HEIGHT / 2 - 50) * sin, cos, sin, anchor, s }];
      }),
    );
    const lines = linked.flatMap((s) => s.cites.filter((t) => at.has(t)).map((t) => ({ from: at.get(s.name)!, to: at.get(t)!, key: `${s.name}→${t}` })));
    return { nodes: [...at.values()], edges: lines };
  }, [sources]);
  if (!nodes.length) return <p class="muted">No source cites another yet.</p>;
  const description = edges.map((e) => `${e.from.s.name} cites ${e.to.s.name}`).join("; ");
  return (
    <svg class="graph" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Citations: ${description}`}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6572" />
        </marker>
      </defs>
      {edges.map((e) => (
        <line key={e.key} x1={e.from.x} y1={e.from.y} x2={e.to.x} y2={e.to.y} stroke="#8a96a3" stroke-width="1.5" marker-end="url(#arrow)">
          <title>{e.key}</title>
        </line>
      ))}
      {nodes.map((n) => (
        <g key={n.s.name} transform={`translate(${n.x},${n.y})`}>
          <circle r={6 + Math.min(14, Math.sqrt(n.s.claims) * 2)} class={`node certainty-${n.s.typicalCertainty}`} />
          <text x={n.cos * 22} y={n.sin * 22 + 4} text-anchor={n.anchor}>
            {n.s.name.length > 28 ? `${n.s.name.slice(0, 27)}…` : n.s.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
