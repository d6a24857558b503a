// The Timeline view: every linked claim in date order, grouped by day, with how many claims each day
// brought drawn above.
import * as Plot from "@observablehq/plot";
import { useMemo } from "preact/hooks";
import type { TimelineEvent } from "../api.ts";
import { day } from "../format.ts";
import { Badge } from "../parts/Badge.tsx";
import { Chart } from "../parts/Chart.tsx";
import { ListFooter } from "../parts/ListFooter.tsx";
import { usePaged } from "../parts/usePaged.ts";
import { href } from "../route.ts";

export function TimelineView() {
  const list = usePaged<TimelineEvent>("timeline", {}, 200, "timeline");
  const days = useMemo(() => {
    const out = new Map<string, TimelineEvent[]>();
    for (const e of list.items) {
      const d = day(e.date);
      if (!out.has(d)) out.set(d, []);
      out.get(d)!.push(e);
    }
    return [...out];
  }, [list.items]);
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      height: 180,
      marginLeft: 50,
      x: { label: "day", type: "band" },
      y: { label: "claims", grid: true },
      color: { legend: true, domain: ["supports", "hedges", "denies"], range: ["#1e6b3a", "#8a5a00", "#b3261e"] },
      marks: [Plot.barY(list.items, Plot.groupX({ y: "count" }, { x: (e: TimelineEvent) => day(e.date), fill: "stance" })), Plot.ruleY([0])],
    }),
    [list.items],
  );
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {list.items.length > 0 && (
        <div class="panel">
          <Chart options={options} label={`Claims per day: ${days.map(([d, es]) => `${d}: ${es.length}`).join(", ")}`} />
        </div>
      )}
      {days.map(([d, events]) => (
        <section key={d} class="day" aria-labelledby={`day-${d}`}>
          <h3 id={`day-${d}`}>{d}</h3>
          <ol class="events">
            {events.map((e, i) => (
              <li key={i}>
                <Badge kind="stance" value={e.stance} /> <strong>{e.source}</strong> ({e.certainty}): <a href={href("document", {}, e.doc)}>{e.sentence}</a>{" "}
                <a class="small" href={href("story", { q: e.sentence.split(/\s+/).slice(0, 4).join(" ") })}>
                  P{e.proposition}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ListFooter list={list} noun="claim" />
    </section>
  );
}
