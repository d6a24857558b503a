import { parseArgs } from "node:util";
import { TriangulateError } from "../errors.ts";
import { openStore, resolveDbPath, type Store } from "../store/index.ts";

/** Where a command reads and writes: the process's streams, or buffers in tests. */
export interface IO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Progress lines go to stderr only when it is a terminal. */
  progress: boolean;
}

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  description: string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  valueName?: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Returns the exit status. */
  run(values: Values, positionals: string[], io: IO): Promise<number>;
}

/** Flags several commands share, declared once. */
export const common = {
  db: { type: "string", valueName: "FILE|URL", description: "database file or postgres:// URL (default: $TRIANGULATE_DB or ./triangulate.db)" },
  format: { type: "string", short: "f", valueName: "FMT", choices: ["text", "jsonl", "json"], description: "output format: text, jsonl or json (default text)" },
  help: { type: "boolean", short: "h", description: "show this help" },
  limit: { type: "string", valueName: "N", description: "at most N items" },
  offset: { type: "string", valueName: "K", description: "skip the first K items (with --limit, a page)" },
} satisfies Record<string, OptionSpec>;

/** A whole-number option of at least `min`, else `fallback` when it is not given. */
export function wholeNumber<T extends number | undefined>(values: Values, flag: string, min: number, fallback: T): number | T {
  const v = str(values[flag]);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new TriangulateError("BAD_OPTION", `--${flag} takes a whole number from ${min}, not "${v}"`);
  return Number(v);
}

export function parse(command: Command, argv: string[]): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(command.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new TriangulateError("BAD_OPTION", `${command.name}: ${(e as Error).message}`, `see 'triangulate ${command.name} --help'`);
  }
  for (const [k, o] of Object.entries(command.options)) {
    const v = parsed.values[k];
    if (o.choices && typeof v === "string" && !o.choices.includes(v))
      throw new TriangulateError("BAD_OPTION", `${command.name}: --${k} must be one of ${o.choices.join(", ")}, not "${v}"`);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

export function helpText(command: Command): string {
  const rows = Object.entries(command.options).map(([k, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${k}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
    return `  ${flag.padEnd(28)} ${o.description}`;
  });
  return `${command.summary}\n\nUsage: ${command.usage}\n\nOptions:\n${rows.join("\n")}\n`;
}

export const str = (v: Values[string]): string | undefined => (typeof v === "string" ? v : undefined);

export const write = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
};

/** Opens the database the `--db` flag names (or TRIANGULATE_DB, or the default file). */
export const storeOf = (values: Values): Promise<Store> => openStore(resolveDbPath(str(values.db)));

/** Runs `use` on the database the `--db` flag names (or the default one), closing it afterwards. */
export async function withStore<T>(values: Values, use: (store: Store) => T | Promise<T>): Promise<T> {
  const store = await storeOf(values);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Runs `use` with a signal that aborts on Ctrl-C or SIGTERM, so a long-running command ends cleanly. */
export async function untilStopped<T>(use: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    return await use(stop.signal);
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
}
