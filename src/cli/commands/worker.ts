import { spawn } from "node:child_process";
import { once } from "node:events";
import { TriangulateError } from "../../errors.ts";
import { common, str, untilStopped, wholeNumber, withStore, write, type Command, type Values } from "../command.ts";

export const workerCommand: Command = {
  name: "worker",
  summary: "Take queued jobs from PostgreSQL, analyse, store and link them, until stopped (Ctrl-C) or, with --exit-when-idle, the queue is empty.",
  usage: "triangulate worker --db postgres://user@host/db [--concurrency N] [--exit-when-idle]",
  options: {
    db: common.db,
    concurrency: { type: "string", short: "j", valueName: "N", description: "worker processes to run, one per core (default 1)" },
    "exit-when-idle": { type: "boolean", description: "end once no job is queued or running" },
    lease: { type: "string", valueName: "SECONDS", description: "how long a job stays a stopped worker's before another takes it (default 60)" },
    help: common.help,
  },
  async run(values, _positionals, io) {
    const concurrency = wholeNumber(values, "concurrency", 1, 1);
    const leaseMs = wholeNumber(values, "lease", 1, 60) * 1000;
    // the pipeline is synchronous CPU work: more cores need more processes, each a worker of its own
    if (concurrency > 1) return runProcesses(concurrency, values, io);
    const [{ queueOf }, { runWorker }] = await Promise.all([import("../../queue/jobs.ts"), import("../../queue/worker.ts")]);
    return withStore(values, async (store) => {
      const queue = queueOf(store);
      const tally = await untilStopped((signal) =>
        runWorker(queue, { leaseMs, exitWhenIdle: values["exit-when-idle"] === true, signal, log: (line) => write(io.stderr, line) }),
      );
      write(io.stderr, `worker ${process.pid}: ${tally.done} done, ${tally.failed} failed`);
      return 0;
    });
  },
};

/** Runs `n` single workers as child processes of this one; fails when any of them does. */
async function runProcesses(n: number, values: Values, io: Parameters<Command["run"]>[2]): Promise<number> {
  const args = [process.argv[1], "worker", "--concurrency", "1"];
  for (const flag of ["db", "lease"]) if (str(values[flag])) args.push(`--${flag}`, str(values[flag])!);
  if (values["exit-when-idle"]) args.push("--exit-when-idle");
  const children = Array.from({ length: n }, () => spawn(process.execPath, [...process.execArgv, ...args], { stdio: ["ignore", "inherit", "inherit"] }));
  const stop = () => children.forEach((c) => c.kill("SIGTERM"));
  process.once("SIGINT", stop).once("SIGTERM", stop);
  try {
    const codes = await Promise.all(children.map(async (c) => ((await once(c, "exit")) as [number | null])[0] ?? 1));
    write(io.stderr, `${n} workers ended`);
    return Math.max(...codes);
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
  }
}
