// The Numbers view: per counted thing, each source's values over time (a chart and the same values
// as a table), ranges as ranges, denied figures marked as denied, revisions named.
import type { NumberSeries } from "../api.ts";
import { day, figure } from "../format.ts";
import { ListFooter } from "../parts/ListFooter.tsx";
import { NumbersChart } from "../parts/NumbersChart.tsx";
import { usePaged } from "../parts/usePaged.ts";
import { href } from "../route.ts";

export function NumbersView() {
  const list = usePaged<NumberSeries>("numbers", {}, 10, "numbers");
  return (
    <section aria-labelledby="numbers-title">
      <h2 id="numbers-title">Numbers</h2>
      <p class="muted">Each counted thing with every source's figures by date. A line joins one source's figures, so a revision shows as its line moving; a bar is a range; × is a figure its speaker denies.</p>
      {list.items.map((s, i) => (
        <Series key={s.label} series={s} index={i} />
      ))}
      <ListFooter list={list} noun="counted thing" />
    </section>
  );
}

function Series({ series, index }: { series: NumberSeries; index: number }) {
  const id = `series-${index}`;
  return (
    <article class="panel series" aria-labelledby={id}>
      <h3 id={id}>{series.label}</h3>
      {series.revisedBy.length > 0 && <p class="small">Revised by: {series.revisedBy.join(", ")}</p>}
      {(series.valueCount ?? 0) > series.values.length && (
        <p class="small muted">
          {series.values.length} of its {series.valueCount} values, evenly spread over its dates
        </p>
      )}
      <div class="series-body">
        <NumbersChart series={series} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{series.label}: every value</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Source</th>
                <th scope="col" class="num">Value</th>
                <th scope="col">Said as</th>
              </tr>
            </thead>
            <tbody>
              {series.values.map((v, i) => (
                <tr key={i} class={v.denied ? "denied" : ""}>
                  <td class="date">{day(v.date)}</td>
                  <td>{v.source}</td>
                  <td class="num">
                    {v.denied ? <del>{figure(v)}</del> : figure(v)}
                    {v.denied && <span class="badge stance-denies">denied</span>}
                  </td>
                  <td>
                    <a href={href("document", { s: v.sentence }, v.doc)}>“{v.text}”</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </article>
  );
}
