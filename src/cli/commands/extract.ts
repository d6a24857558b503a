import { common, str, write, type Command } from "../command.ts";
import { ingestFlags, ingestOptions } from "./ingest-flags.ts";

export const extractCommand: Command = {
  name: "extract",
  summary: "Print the main text of a file or web page (with --format json, its metadata too).",
  usage: "triangulate extract <file|url|-> [--format text|json]",
  options: {
    format: { type: "string", short: "f", valueName: "FMT", choices: ["text", "json"], description: "text (default) or json" },
    ...ingestFlags,
    help: common.help,
  },
  async run(values, inputs, io) {
    if (!inputs.length) {
      write(io.stderr, "extract: name a file, URL, or - for stdin (see 'triangulate extract --help')");
      return 2;
    }
    const { ingest } = await import("../../ingest/index.ts");
    let failed = 0;
    for await (const item of ingest(inputs, { ...ingestOptions(values), detectLanguage: str(values.format) === "json" }, io.stdin)) {
      if (!item.ok) {
        failed++;
        write(io.stderr, `error: ${item.input}: ${item.error}`);
      } else if (str(values.format) === "json") {
        write(io.stdout, JSON.stringify({ id: item.doc.id, ...item.doc.meta, text: item.doc.text }));
      } else {
        write(io.stdout, item.doc.text);
      }
    }
    return failed ? 1 : 0;
  },
};
