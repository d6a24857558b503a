// An Observable Plot figure in a Preact tree: drawn into its own node after render, replaced when
// its options change. Plot writes text with textContent, so labels from articles stay text.
import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "preact/hooks";

export function Chart({ options, label }: { options: Plot.PlotOptions; label: string }) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = Plot.plot(options);
    figure.setAttribute("role", "img");
    figure.setAttribute("aria-label", label);
    node.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [options, label]);
  return <div class="chart" ref={node} />;
}
