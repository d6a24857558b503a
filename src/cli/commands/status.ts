import { common, str, withStore, write, type Command } from "../command.ts";

export const statusCommand: Command = {
  name: "status",
  summary: "The job queue in PostgreSQL: how many jobs are queued, running, done and failed (with reasons).",
  usage: "triangulate status --db postgres://user@host/db [--format text|json]",
  options: { db: common.db, format: common.format, help: common.help },
  async run(values, _positionals, io) {
    const { queueOf } = await import("../../queue/jobs.ts");
    return withStore(values, async (store) => {
      const status = await queueOf(store).status();
      if (str(values.format) === "json" || str(values.format) === "jsonl") write(io.stdout, JSON.stringify(status));
      else {
        write(io.stdout, `queued ${status.queued}, running ${status.running}, done ${status.done}, failed ${status.failed}`);
        for (const f of status.failures) write(io.stdout, `  failed: job ${f.id} ${f.input} (${f.attempts} attempt${f.attempts === 1 ? "" : "s"}): ${f.error}`);
      }
      return 0;
    });
  },
};
