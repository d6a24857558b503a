import { errorMessage } from "../../errors.ts";
import { common, str, withStore, write, type Command } from "../command.ts";
import { ingestFlags, ingestOptions } from "./ingest-flags.ts";

export const enqueueCommand: Command = {
  name: "enqueue",
  summary: "Read articles (files, folders, URLs, feeds, - for stdin) and queue them in PostgreSQL for 'triangulate worker' processes.",
  usage: "triangulate enqueue <path|url|->... --db postgres://user@host/db",
  options: { db: common.db, ...ingestFlags, help: common.help },
  async run(values, inputs, io) {
    if (!inputs.length) {
      write(io.stderr, "enqueue: name at least one file, folder, URL, or - for stdin (see 'triangulate enqueue --help')");
      return 2;
    }
    const [{ ingest }, { queueOf }] = await Promise.all([import("../../ingest/index.ts"), import("../../queue/jobs.ts")]);
    return withStore(values, async (store) => {
      const queue = queueOf(store);
      const tally = { queued: 0, already: 0, failed: 0 };
      // documents are read here, so workers need no access to this machine's files
      for await (const item of ingest(inputs, ingestOptions(values), io.stdin)) {
        if (!item.ok) {
          tally.failed++;
          write(io.stderr, `error: ${item.input}: ${item.error}`);
          continue;
        }
        try {
          if (await queue.add(item.input, item.doc)) tally.queued++;
          else tally.already++;
        } catch (e) {
          tally.failed++;
          write(io.stderr, `error: ${item.input}: ${errorMessage(e)}`);
        }
      }
      write(io.stderr, `queued ${tally.queued} document${tally.queued === 1 ? "" : "s"} (${tally.already} queued before), ${tally.failed} failed → ${store.path}`);
      return tally.failed ? 1 : 0;
    });
  },
};
