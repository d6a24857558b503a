import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { TriangulateError } from "../../errors.ts";
import { isStatement } from "../../extract/boilerplate.ts";
import { common, str, withStore, write, type Command } from "../command.ts";

const FORMATS = ["jsonl", "csv", "md", "html", "claimreview"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "Write every claim as JSON Lines or CSV, the story as a Markdown or HTML report, or as ClaimReview JSON-LD.",
  usage: "triangulate export [--db FILE] --format jsonl|csv|md|html|claimreview [--out FILE]",
  options: {
    db: common.db,
    format: { type: "string", short: "f", valueName: "FMT", choices: FORMATS, description: "jsonl or csv (one claim a line/row), md or html (the story report), claimreview (schema.org JSON-LD per proposition)" },
    out: { type: "string", short: "o", valueName: "FILE", description: "write to FILE instead of standard output" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const format = str(values.format);
    if (!format) {
      write(io.stderr, `export: say which --format: ${FORMATS.join(", ")} (see 'triangulate export --help')`);
      return 2;
    }
    const [{ claimRows, report }, { claimReviews }, { storyOf }] = await Promise.all([import("../exports.ts"), import("../claimreview.ts"), import("../../link/index.ts")]);
    return withStore(values, async (store) => {
      const lines =
        format === "jsonl" || format === "csv"
          ? claimRows(await store.linkedRecords(), (await store.claims()).filter(isStatement), format)
          : format === "claimreview"
            ? [JSON.stringify(claimReviews(await storyOf(store), await store.documents()), null, 2) + "\n"]
            : report(await storyOf(store), await store.documents(), store.path, format as "md" | "html");
      const outPath = str(values.out);
      if (!outPath) for (const line of lines) io.stdout.write(line);
      else await writeFileLines(outPath, lines);
      return 0;
    });
  },
};

export async function writeFileLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  try {
    await once(out, "open");
  } catch (e) {
    throw new TriangulateError("BAD_OPTION", `cannot write --out ${path}: ${(e as Error).message}`);
  }
  for (const line of lines) if (!out.write(line)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

