// Charts as standalone SVG text, for reports read outside the page (mail, a file): the same Plot
// options as the page, drawn into a linkedom document on the server.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { NumberSeries } from "../link/numbers.ts";
import { numbersPlot } from "./numbers.ts";

/** The series' chart as one <svg> element's markup, without a legend (the report names the sources in words). */
export function numbersSvg(series: NumberSeries, width = 640): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const options = numbersPlot(series, width, document as unknown as Document);
  const svg = Plot.plot({ ...options, color: { ...options.color, legend: false } }) as unknown as Element;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("role", "img");
  return svg.outerHTML;
}
