import { common, str, withStore, write, type Command } from "../command.ts";
import { writeFileLines } from "./export.ts";

export const reportCommand: Command = {
  name: "report",
  summary: "Write a briefing of the story for sharing: figures in dispute as SVG charts, every claim linked to its document and sentence.",
  usage: "triangulate report [--db FILE] [--format md|html] [--out FILE] [--page URL]",
  options: {
    db: common.db,
    format: { type: "string", short: "f", valueName: "FMT", choices: ["md", "html"], description: "md (charts as SVG images) or html (charts inline); default md" },
    out: { type: "string", short: "o", valueName: "FILE", description: "write to FILE instead of standard output" },
    page: { type: "string", valueName: "URL", description: "address of the served page claims link to (default http://127.0.0.1:8410/; 'none' for no such links)" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const page = str(values.page) ?? "http://127.0.0.1:8410/";
    if (page !== "none" && !/^https?:\/\/\S+$/i.test(page)) {
      write(io.stderr, `report: --page must be an http(s) address or 'none', not "${page}"`);
      return 2;
    }
    return withStore(values, async (store) => {
      const [{ storyOf }, { report }] = await Promise.all([import("../../link/index.ts"), import("../exports.ts")]);
      const format = (str(values.format) ?? "md") as "md" | "html";
      const lines = report(await storyOf(store), await store.documents(), store.path, format, { briefing: true, ...(page === "none" ? {} : { pageBase: page }) });
      const outPath = str(values.out);
      if (!outPath) for (const line of lines) io.stdout.write(line);
      else await writeFileLines(outPath, lines);
      return 0;
    });
  },
};
