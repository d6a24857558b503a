import { storedTimeline } from "../../link/timeline.ts";
import { common, str, wholeNumber, withStore, type Command } from "../command.ts";
import { formatQuantity } from "../format.ts";

export const timelineCommand: Command = {
  name: "timeline",
  summary: "How the story moved: claims in date order, and how each number changed, by source.",
  usage: "triangulate timeline [--db FILE] [--format text|json] [--limit N] [--offset K]",
  options: { db: common.db, format: common.format, limit: { ...common.limit, description: "at most N claims (the number series are all shown)" }, offset: common.offset, help: common.help },
  async run(values, _positionals, io) {
    return withStore(values, async (store) => {
      const { total: _, ...t } = await storedTimeline(store, { limit: wholeNumber(values, "limit", 0, undefined), offset: wholeNumber(values, "offset", 0, 0) });
      const format = str(values.format) ?? "text";
      if (format === "json") io.stdout.write(JSON.stringify(t, null, 2) + "\n");
      else if (format === "jsonl") for (const e of t.events) io.stdout.write(JSON.stringify(e) + "\n");
      else {
        io.stdout.write("Numbers over time\n");
        for (const s of t.series)
          io.stdout.write(`  ${s.of} [P${s.proposition}]: ${s.values.map((v) => `${formatQuantity({ ...v, of: "" })} (${v.source}${v.date ? `, ${v.date.slice(0, 10)}` : ""})`).join(" → ")}\n`);
        io.stdout.write("\nClaims by date\n");
        let day = "";
        for (const e of t.events) {
          const d = e.date?.slice(0, 10) ?? "undated";
          if (d !== day) io.stdout.write(`${(day = d)}\n`);
          io.stdout.write(`  [P${e.proposition}] ${e.source} (${e.certainty}): ${e.sentence}\n`);
        }
      }
      return 0;
    });
  },
};
