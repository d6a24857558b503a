// One counted thing's values over time, a line per source (so a revision is the line moving), ranges
// drawn as ranges, bounds as open ends, denied figures hollow and struck through.
import * as Plot from "@observablehq/plot";
import { useMemo } from "preact/hooks";
import type { NumberSeries, NumberValue } from "../api.ts";
import { day, figure } from "../format.ts";
import { Chart } from "./Chart.tsx";

const when = (v: NumberValue): Date => new Date(`${day(v.date) === "undated" ? "1970-01-01" : day(v.date)}T12:00:00Z`);

export function NumbersChart({ series, width = 640 }: { series: NumberSeries; width?: number }) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const stated = series.values.filter((v) => !v.denied);
    const denied = series.values.filter((v) => v.denied);
    const ranges = series.values.filter((v) => v.min !== v.max);
    return {
      width,
      height: 280,
      marginLeft: 60,
      marginRight: 20,
      style: { fontSize: "13px", overflow: "visible" },
      x: { type: "utc", label: "date reported", ticks: "day", tickFormat: "%b %-d", inset: 20 },
      y: { label: series.label, grid: true, zero: true },
      color: { legend: true, type: "categorical" },
      marks: [
        Plot.line(stated, { x: when, y: (v: NumberValue) => (v.min + v.max) / 2, z: "source", stroke: "source", strokeOpacity: 0.6 }),
        Plot.ruleX(ranges, { x: when, y1: "min", y2: "max", stroke: "source", strokeWidth: 6, strokeOpacity: 0.45 }),
        Plot.dot(stated, { x: when, y: (v: NumberValue) => (v.min + v.max) / 2, fill: "source", r: 5, title: (v: NumberValue) => `${v.source}: ${figure(v)} (${day(v.date)})` }),
        Plot.dot(denied, { x: when, y: (v: NumberValue) => (v.min + v.max) / 2, stroke: "source", r: 7, strokeWidth: 2, symbol: "times", title: (v: NumberValue) => `denied by ${v.source}: ${figure(v)} (${day(v.date)})` }),
        Plot.ruleY([0]),
      ],
    };
  }, [series, width]);
  const sources = [...new Set(series.values.map((v) => v.source))];
  const label = `${series.label}: ${series.values.map((v) => `${v.denied ? "denied " : ""}${figure(v)} by ${v.source} on ${day(v.date)}`).join("; ")}. Sources: ${sources.join(", ")}.`;
  return <Chart options={options} label={label} />;
}
