import { TriangulateError } from "../errors.ts";
import { helpText, parse, write, type Command, type IO } from "./command.ts";
import { analyzeCommand } from "./commands/analyze.ts";
import { claimsCommand } from "./commands/claims.ts";
import { enqueueCommand } from "./commands/enqueue.ts";
import { exportCommand } from "./commands/export.ts";
import { extractCommand } from "./commands/extract.ts";
import { parseCommand } from "./commands/parse.ts";
import { reportCommand } from "./commands/report.ts";
import { serveCommand } from "./commands/serve.ts";
import { sourcesCommand } from "./commands/sources.ts";
import { statusCommand } from "./commands/status.ts";
import { storyCommand } from "./commands/story.ts";
import { timelineCommand } from "./commands/timeline.ts";
import { watchCommand } from "./commands/watch.ts";
import { workerCommand } from "./commands/worker.ts";
import { tightenHeapGrowth } from "./heap.ts";

export const COMMANDS: Command[] = [
  analyzeCommand,
  claimsCommand,
  storyCommand,
  sourcesCommand,
  timelineCommand,
  exportCommand,
  reportCommand,
  serveCommand,
  extractCommand,
  parseCommand,
  enqueueCommand,
  workerCommand,
  statusCommand,
  watchCommand,
];

const usage = (): string =>
  `triangulate: who claims what in the coverage of a developing story.\n\nUsage: triangulate <command> [options]\n\nCommands:\n${COMMANDS.map(
    (c) => `  ${c.name.padEnd(10)} ${c.summary}`,
  ).join("\n")}\n\nRun 'triangulate <command> --help' for a command's options.\n`;

const processIO = (): IO => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  progress: Boolean(process.stderr.isTTY),
});

/** Runs one CLI invocation and returns its exit status: 0 all good, 1 some input failed, 2 bad usage. */
export async function main(argv: string[], io: IO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    write(io.stdout, "0.1.0");
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    write(io.stderr, `triangulate: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      io.stdout.write(helpText(command));
      return 0;
    }
    // analyze does it once its threads are done
    if (command !== analyzeCommand) tightenHeapGrowth();
    return await command.run(values, positionals, io);
  } catch (e) {
    if (e instanceof TriangulateError) {
      write(io.stderr, `triangulate ${name}: ${e.message}`);
      return e.code === "BAD_OPTION" ? 2 : 1;
    }
    throw e;
  }
}
