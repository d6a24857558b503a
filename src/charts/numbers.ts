// One counted thing's figures over time as an Observable Plot chart: a line per source (so a revision
// is its line moving), ranges as bars, denied figures as ×. The web page draws it in the browser, the
// report into SVG on the server, from the same options.
import * as Plot from "@observablehq/plot";
import type { NumberSeries, NumberValue } from "../link/numbers.ts";

export const day = (date: string | undefined): string => date?.slice(0, 10) ?? "undated";

// one formatter for every figure: toLocaleString with options builds a new one each call
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const num = (n: number): string => NUMBER.format(n);

/** "38", "80–120", "at least 46", "up to 15,000". */
export function figure(v: { min: number; max: number; bound?: string; approximate?: boolean }): string {
  const value = v.min === v.max ? num(v.min) : `${num(v.min)}–${num(v.max)}`;
  return `${v.bound === "lower" ? "at least " : v.bound === "upper" ? "up to " : v.approximate ? "about " : ""}${value}`;
}

const when = (v: NumberValue): Date => new Date(`${day(v.date) === "undated" ? "1970-01-01" : day(v.date)}T12:00:00Z`);
const middle = (v: NumberValue): number => (v.min + v.max) / 2;

export function numbersPlot(series: NumberSeries, width = 640, document?: Document): Plot.PlotOptions {
  const stated = series.values.filter((v) => !v.denied);
  const denied = series.values.filter((v) => v.denied);
  const ranges = series.values.filter((v) => v.min !== v.max);
  return {
    ...(document ? { document } : {}),
    width,
    height: 280,
    marginLeft: 60,
    marginRight: 20,
    style: { fontSize: "13px", overflow: "visible" },
    x: { type: "utc", label: "date reported", ticks: "day", tickFormat: "%b %-d", inset: 20 },
    y: { label: series.label, grid: true, zero: true },
    color: { legend: true, type: "categorical" },
    marks: [
      Plot.line(stated, { x: when, y: middle, z: "source", stroke: "source", strokeOpacity: 0.6 }),
      Plot.ruleX(ranges, { x: when, y1: "min", y2: "max", stroke: "source", strokeWidth: 6, strokeOpacity: 0.45 }),
      Plot.dot(stated, { x: when, y: middle, fill: "source", r: 5, title: (v: NumberValue) => `${v.source}: ${figure(v)} (${day(v.date)})` }),
      Plot.dot(denied, { x: when, y: middle, stroke: "source", r: 7, strokeWidth: 2, symbol: "times", title: (v: NumberValue) => `denied by ${v.source}: ${figure(v)} (${day(v.date)})` }),
      Plot.ruleY([0]),
    ],
  };
}

/** The chart in words, for screen readers and for readers of a report without images. */
export function numbersDescription(series: NumberSeries): string {
  const sources = [...new Set(series.values.map((v) => v.source))];
  return `${series.label}: ${series.values.map((v) => `${v.denied ? "denied " : ""}${figure(v)} by ${v.source} on ${day(v.date)}`).join("; ")}. Sources: ${sources.join(", ")}.`;
}

/** Whether the sources give figures that differ: one says 38, another 71. */
export const inDispute = (s: NumberSeries): boolean => new Set(s.values.filter((v) => !v.denied).map((v) => `${v.min}-${v.max}`)).size > 1;
