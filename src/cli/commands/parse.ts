import { createReadStream } from "node:fs";
import { createDoc } from "../../doc.ts";
import { readConllu, writeConllu, type ConlluSentence } from "../../syntax/conllu.ts";
import type { SyntaxModel } from "../../syntax/model.ts";
import { common, str, write, type Command, type IO } from "../command.ts";
import { ingestFlags, ingestOptions } from "./ingest-flags.ts";

// `triangulate parse`: text in, CoNLL-U out. A .conllu input (or CoNLL-U on stdin) keeps its
// sentences and words, so a treebank's test split can be scored with its gold tokenisation; every
// other input is read as ingest reads it, and cut into sentences and words here.

const looksLikeConllu = (text: string): boolean => {
  const first = text.split("\n").find((l) => l.trim() && !l.startsWith("#"));
  return first !== undefined && first.split("\t").length === 10;
};

type Format = "conllu" | "json" | "jsonl";

/** Writes a sentence as CoNLL-U or a JSON line, or keeps it for the one JSON array `--format json` prints at the end. */
function emit(io: IO, format: Format, sentence: ConlluSentence, rows: object[]): void {
  if (format === "conllu") io.stdout.write(writeConllu(sentence));
  else if (format === "jsonl") write(io.stdout, JSON.stringify(sentenceJson(sentence)));
  else rows.push(sentenceJson(sentence));
}

const sentenceJson = (s: ConlluSentence) => ({
  ...Object.fromEntries(s.comments.filter((c) => c.includes(" = ")).map((c) => [c.slice(0, c.indexOf(" = ")), c.slice(c.indexOf(" = ") + 3)])),
  words: s.words.map((w, i) => ({ id: i + 1, form: w.form, lemma: w.lemma, upos: w.upos, xpos: w.xpos, head: w.head, deprel: w.deprel, ...(w.misc !== "_" ? { misc: w.misc } : {}) })),
});

/** Fills the analysed columns of a sentence whose words are given. */
function analyseGiven(s: ConlluSentence, model: SyntaxModel): ConlluSentence {
  const a = model.analyse(s.words.map((w) => w.form));
  return { ...s, words: s.words.map((w, i) => ({ ...w, lemma: a.lemma[i], upos: a.upos[i], xpos: a.xpos[i], feats: "_", head: a.head[i] + 1, deprel: a.deprel[i] })) };
}

/** Sentences of a raw text, cut and parsed, as CoNLL-U sentences with character offsets in MISC. */
async function* analyseText(id: string, text: string, model: SyntaxModel): AsyncGenerator<ConlluSentence> {
  const [{ segment }, { parseSentence }] = await Promise.all([import("../../text/index.ts"), import("../../syntax/index.ts")]);
  const doc = segment(createDoc({ id, text, meta: {} }));
  for (const sentence of doc.sentences) {
    const parsed = parseSentence(doc, sentence, model);
    if (!parsed.words.length) continue;
    const extra: ConlluSentence["extra"] = [];
    for (let i = 0; i < parsed.words.length; ) {
      let j = i;
      while (j + 1 < parsed.words.length && parsed.words[j + 1].token === parsed.words[i].token) j++;
      if (j > i) {
        const t = doc.tokens[parsed.words[i].token];
        extra.push({ before: i, line: `${i + 1}-${j + 1}\t${text.slice(t.start, t.end)}\t_\t_\t_\t_\t_\t_\t_\t_` });
      }
      i = j + 1;
    }
    yield {
      comments: [`sent_id = ${id}-${sentence.index + 1}`, `text = ${text.slice(sentence.start, sentence.end).replace(/\s+/g, " ")}`],
      extra,
      words: parsed.words.map((w) => {
        const next = text[w.end];
        const misc = [`start=${w.start}`, `end=${w.end}`];
        if (w.end < sentence.end && next !== undefined && !/\s/.test(next)) misc.push("SpaceAfter=No");
        return { form: text.slice(w.start, w.end), lemma: w.lemma, upos: w.upos, xpos: w.xpos, feats: "_", head: w.head + 1, deprel: w.deprel, misc: misc.join("|") };
      }),
    };
  }
}

/** Stdin or a file, read as ingest reads its inputs: within --max-bytes, its encoding found. */
async function readText(input: string, stdin: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const [{ decodeText }, { readStreamCapped }] = await Promise.all([import("../../ingest/decode.ts"), import("../../ingest/limits.ts")]);
  return decodeText(await readStreamCapped(input === "-" ? stdin : createReadStream(input), maxBytes));
}

export const parseCommand: Command = {
  name: "parse",
  summary: "Tag, lemmatise and parse text into Universal Dependencies (CoNLL-U).",
  usage: "triangulate parse [FILE|-] [--format conllu|json|jsonl]",
  options: {
    format: { type: "string", short: "f", valueName: "FMT", choices: ["conllu", "json", "jsonl"], description: "conllu (default), json (one array) or jsonl (a sentence a line)" },
    ...ingestFlags,
    help: common.help,
  },
  async run(values, inputs, io) {
    const format = (str(values.format) ?? "conllu") as Format;
    // the model and the readers load here, not with the CLI: `triangulate --help` stays fast
    const model = (await import("../../syntax/index.ts")).defaultSyntaxModel();
    const { ingest, resolveLimits } = await import("../../ingest/index.ts");
    const limits = resolveLimits(ingestOptions(values));
    const rows: object[] = [];
    let failed = 0;
    for (const input of inputs.length ? inputs : ["-"]) {
      if (input === "-" || input.endsWith(".conllu")) {
        let text: string;
        try {
          text = await readText(input, io.stdin, limits.maxBytes);
        } catch (e) {
          failed++;
          write(io.stderr, `error: ${input}: ${(e as Error).message}`);
          continue;
        }
        if (input.endsWith(".conllu") || looksLikeConllu(text)) {
          try {
            for (const s of readConllu(text, input === "-" ? "stdin" : input)) emit(io, format, analyseGiven(s, model), rows);
          } catch (e) {
            failed++;
            write(io.stderr, `error: ${(e as Error).message}`);
          }
        } else for await (const s of analyseText(input === "-" ? "stdin" : input, text, model)) emit(io, format, s, rows);
        continue;
      }
      for await (const item of ingest([input], { ...ingestOptions(values), detectLanguage: false }, io.stdin)) {
        if (!item.ok) {
          failed++;
          write(io.stderr, `error: ${item.input}: ${item.error}`);
        } else for await (const s of analyseText(item.doc.id, item.doc.text, model)) emit(io, format, s, rows);
      }
    }
    if (format === "json") write(io.stdout, JSON.stringify(rows));
    return failed ? 1 : 0;
  },
};
