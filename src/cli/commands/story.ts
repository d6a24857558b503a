import { storedSources, storyPage, summaryPage, type Proposition } from "../../link/index.ts";
import { common, str, wholeNumber, withStore, type Command, type IO } from "../command.ts";
import { formatQuantity } from "../format.ts";

export const storyCommand: Command = {
  name: "story",
  summary: "The propositions across sources: who asserts, hedges or denies each, their numbers, and how many independent sources stand behind it.",
  usage: "triangulate story [--db FILE] [--format text|json] [--limit N] [--offset K] [--min-claims N]",
  options: {
    db: common.db,
    format: { type: "string", short: "f", valueName: "FMT", choices: ["text", "json", "jsonl"], description: "text (default), json (the whole story) or jsonl (one proposition a line)" },
    limit: { ...common.limit, description: "at most N propositions" },
    offset: { ...common.offset, description: "skip the first K propositions (with --limit, a page)" },
    "min-claims": { type: "string", valueName: "N", description: "only propositions made by at least N claims (default 1; text shows 2)" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const format = str(values.format) ?? "text";
    return withStore(values, async (store) => {
      // a page of the stored summaries, in the story's order: only its propositions' claims are read
      const minClaims = wholeNumber(values, "min-claims", 1, format === "text" ? 2 : 1);
      const { propositions } = await storyPage(store, { minClaims, limit: wholeNumber(values, "limit", 0, undefined), offset: wholeNumber(values, "offset", 0, 0) });
      if (format === "json") io.stdout.write(JSON.stringify({ propositions, sources: (await storedSources(store)).sources }, null, 2) + "\n");
      else if (format === "jsonl") for (const p of propositions) io.stdout.write(JSON.stringify(p) + "\n");
      else briefing(io, propositions, (await summaryPage(store, { limit: 0 })).total);
      return 0;
    });
  },
};

function briefing(io: IO, propositions: Proposition[], total: number): void {
  io.stdout.write(`${total} propositions; ${propositions.length} shown, most attested first.\n\n`);
  for (const p of propositions) {
    io.stdout.write(`[${p.status}] ${p.summary}\n`);
    io.stdout.write(`  ${p.independentSources} independent source${p.independentSources === 1 ? "" : "s"}: ${p.origins.join(", ") || "—"}\n`);
    // echoes collapsed: a copy of another document is listed once, under the first
    const shown = p.claims.filter((c) => !c.echoOf || !p.claims.some((o) => o.doc === c.echoOf));
    for (const c of shown) {
      const echoes = p.claims.filter((o) => o.echoOf === c.doc).map((o) => o.outlet ?? o.doc);
      const who = c.source ? `${c.source}${c.outlet ? ` via ${c.outlet}` : ""}` : (c.outlet ?? c.doc);
      io.stdout.write(`  • ${c.stance.padEnd(8)} ${who}${c.date ? ` (${c.date.slice(0, 10)})` : ""}: ${c.certainty}${echoes.length ? `; echoed by ${echoes.join(", ")}` : ""}\n`);
    }
    for (const s of p.quantities)
      io.stdout.write(`  numbers (${s.of}): ${s.values.map((v) => `${formatQuantity({ ...v, of: "" })} by ${v.source}${v.date ? ` on ${v.date.slice(0, 10)}` : ""}`).join("; ")}\n`);
    io.stdout.write("\n");
  }
}
