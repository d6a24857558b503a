import { readFile } from "node:fs/promises";
import { TriangulateError, errorMessage } from "../../errors.ts";
import { common, str, untilStopped, withStore, write, type Command } from "../command.ts";
import { ingestFlags, ingestOptions } from "./ingest-flags.ts";

export const watchCommand: Command = {
  name: "watch",
  summary: "Poll RSS, Atom or JSON feeds, analyse each new item once, and print an alert (a JSON line) when a new claim disputes the story or a source revises its own figure.",
  usage: "triangulate watch <feed URL|file of URLs>... [--every 10m] [--webhook URL] [--db FILE|URL]",
  options: {
    every: { type: "string", valueName: "TIME", description: "time between polls: 30s, 10m, 1h (default 10m)" },
    rounds: { type: "string", valueName: "N", description: "stop after N polls (default: until Ctrl-C)" },
    webhook: { type: "string", valueName: "URL", description: "also POST each alert as JSON to URL" },
    db: common.db,
    ...ingestFlags,
    help: common.help,
  },
  async run(values, args, io) {
    if (!args.length) {
      write(io.stderr, "watch: name at least one feed URL, or a file listing them one a line (see 'triangulate watch --help')");
      return 2;
    }
    const everyMs = duration(str(values.every) ?? "10m");
    const rounds = str(values.rounds) === undefined ? undefined : count(str(values.rounds)!);
    const webhook = str(values.webhook);
    const feeds = await feedList(args);
    const { watchFeeds } = await import("../../watch/watcher.ts");
    return withStore(values, async (store) => {
      await untilStopped((signal) =>
        watchFeeds(store, feeds, {
          everyMs,
          rounds,
          ingest: ingestOptions(values),
          signal,
          log: (line) => write(io.stderr, line),
          async alert(alert) {
            io.stdout.write(JSON.stringify(alert) + "\n");
            if (webhook) await post(webhook, alert).catch((e) => write(io.stderr, `webhook ${webhook}: ${errorMessage(e)}`));
          },
        }),
      );
      return 0;
    });
  },
};

/** Feed URLs as given, and those listed in files (one a line, # for comments). */
async function feedList(args: string[]): Promise<string[]> {
  const feeds: string[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) feeds.push(arg);
    else {
      let text: string;
      try {
        text = await readFile(arg, "utf8");
      } catch (e) {
        throw new TriangulateError("BAD_OPTION", `watch: ${arg} is neither a feed URL nor a readable file of them: ${errorMessage(e)}`);
      }
      feeds.push(...text.split(/\r?\n/).map((l) => l.replace(/#.*/, "").trim()).filter(Boolean));
    }
  }
  return feeds;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "10m" → 600000; a bare number is seconds. */
export function duration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0) throw new TriangulateError("BAD_OPTION", `--every takes a time such as 30s, 10m or 1h, not "${text}"`);
  return Number(m[1]) * UNITS[m[2] ?? "s"];
}

function count(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new TriangulateError("BAD_OPTION", `--rounds takes a whole number from 1, not "${text}"`);
  return Number(text);
}

async function post(url: string, alert: unknown): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alert), signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}
