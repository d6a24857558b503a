import { CERTAINTY_LABELS } from "../../doc.ts";
import { isStatement } from "../../extract/boilerplate.ts";
import { common, str, withStore, type Command } from "../command.ts";
import { writeRecords } from "../format.ts";

export const claimsCommand: Command = {
  name: "claims",
  summary: "Query the stored claims.",
  usage: "triangulate claims [--source S] [--entity E] [--certainty C] [--kind K] [--search TEXT] [--doc ID] [--db FILE] [--format text|jsonl|json]",
  options: {
    source: { type: "string", valueName: "S", description: "claims whose source contains S" },
    entity: { type: "string", valueName: "E", description: "claims that mention the entity E (canonical name, e.g. \"North Korea\")" },
    certainty: { type: "string", valueName: "C", choices: CERTAINTY_LABELS, description: `one of ${CERTAINTY_LABELS.join(", ")}` },
    kind: { type: "string", valueName: "K", choices: ["claim", "opinion"], description: "claim or opinion" },
    search: { type: "string", valueName: "TEXT", description: "full-text search in sentences and sources" },
    doc: { type: "string", valueName: "ID", description: "claims of one document" },
    limit: { type: "string", valueName: "N", description: "at most N claims" },
    db: common.db,
    format: common.format,
    help: common.help,
  },
  async run(values, _positionals, io) {
    return withStore(values, async (store) => {
      const limit = str(values.limit);
      const claims = (await store.claims({
        source: str(values.source),
        entity: str(values.entity),
        certainty: str(values.certainty),
        kind: str(values.kind),
        search: str(values.search),
        doc: str(values.doc),
        limit: limit ? Number(limit) : undefined,
      })).filter(isStatement); // page furniture is no claim to query
      // the metadata of the listed claims' documents only, not of every stored document
      const meta = new Map((await store.documents([...new Set(claims.map((c) => c.doc))])).map((d) => [d.id, d]));
      writeRecords(io, str(values.format) ?? "text", claims, (id) => meta.get(id) ?? {});
      return 0;
    });
  },
};
