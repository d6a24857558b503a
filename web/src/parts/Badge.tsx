/** A status, stance or certainty as a coloured word; the word itself carries the meaning, not the colour. */
export const Badge = ({ kind, value }: { kind: "status" | "stance" | "certainty"; value: string }) => (
  <span class={`badge ${kind}-${value}`}>{value}</span>
);
