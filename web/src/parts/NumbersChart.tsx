// One counted thing's values over time, drawn with the options the report uses too.
import * as Plot from "@observablehq/plot";
import { useMemo } from "preact/hooks";
import { numbersDescription, numbersPlot } from "../../../src/charts/numbers.ts";
import type { NumberSeries } from "../api.ts";
import { Chart } from "./Chart.tsx";

export function NumbersChart({ series, width = 640 }: { series: NumberSeries; width?: number }) {
  const options = useMemo<Plot.PlotOptions>(() => numbersPlot(series, width), [series, width]);
  const label = useMemo(() => numbersDescription(series), [series]);
  return <Chart options={options} label={label} />;
}
