import { storedSources } from "../../link/index.ts";
import { common, str, wholeNumber, withStore, type Command } from "../command.ts";

export const sourcesCommand: Command = {
  name: "sources",
  summary: "Who makes claims: per source, its claims, typical certainty, whom it cites and who cites it, and when it first appeared.",
  usage: "triangulate sources [--db FILE] [--format text|jsonl|json] [--limit N] [--offset K]",
  options: { db: common.db, format: common.format, limit: { ...common.limit, description: "at most N sources" }, offset: common.offset, help: common.help },
  async run(values, _positionals, io) {
    return withStore(values, async (store) => {
      const { sources } = await storedSources(store, { limit: wholeNumber(values, "limit", 0, undefined), offset: wholeNumber(values, "offset", 0, 0) });
      const format = str(values.format) ?? "text";
      if (format === "json") io.stdout.write(JSON.stringify(sources, null, 2) + "\n");
      else if (format === "jsonl") for (const s of sources) io.stdout.write(JSON.stringify(s) + "\n");
      else
        for (const s of sources) {
          io.stdout.write(`${s.name}: ${s.claims} claim${s.claims === 1 ? "" : "s"}, mostly ${s.typicalCertainty}${s.firstSeen ? `, first seen ${s.firstSeen.slice(0, 10)}` : ""}\n`);
          if (s.cites.length) io.stdout.write(`  cites: ${s.cites.join(", ")}\n`);
          if (s.citedBy.length) io.stdout.write(`  cited by: ${s.citedBy.join(", ")}\n`);
        }
      return 0;
    });
  },
};
