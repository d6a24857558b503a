// CoNLL-U, the Universal Dependencies file format: one word a line (ID FORM LEMMA UPOS XPOS FEATS
// HEAD DEPREL DEPS MISC), sentences separated by a blank line, `# key = value` comments before each.
// Multiword-token lines ("3-4 don't") and empty nodes ("5.1") are read past: the parser works on
// syntactic words, and a written sentence keeps its multiword lines as they came in.

export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 1-based index of the head word, 0 for the root. */
  head: number;
  deprel: string;
  misc: string;
}

export interface ConlluSentence {
  /** The `# …` comment lines, without the leading "# ". */
  comments: string[];
  words: ConlluWord[];
  /** Multiword-token and empty-node lines, kept so a written sentence has them back where they were. */
  extra: { before: number; line: string }[];
}

/** The sentences of a CoNLL-U text. Throws on a word line that does not have ten columns. */
export function readConllu(text: string, name = "CoNLL-U input"): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: [], words: [], extra: [] };
  const flush = () => {
    if (current.words.length) out.push(current);
    current = { comments: [], words: [], extra: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith("#")) {
      current.comments.push(line.replace(/^#\s?/, ""));
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new Error(`${name}, line ${n + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (!/^\d+$/.test(cols[0])) {
      current.extra.push({ before: current.words.length, line });
      continue;
    }
    current.words.push({
      form: cols[1],
      lemma: cols[2],
      upos: cols[3],
      xpos: cols[4],
      feats: cols[5],
      head: cols[6] === "_" ? -1 : Number(cols[6]),
      deprel: cols[7],
      misc: cols[9],
    });
  }
  flush();
  return out;
}

/** The value of a `# key = value` comment, or undefined. */
export function comment(sentence: ConlluSentence, key: string): string | undefined {
  const prefix = `${key} = `;
  const line = sentence.comments.find((c) => c.startsWith(prefix));
  return line?.slice(prefix.length);
}

/** A sentence as CoNLL-U lines, ending with the blank line that separates it from the next. */
export function writeConllu(sentence: ConlluSentence): string {
  const lines = sentence.comments.map((c) => `# ${c}`);
  let extra = 0;
  sentence.words.forEach((w, i) => {
    while (extra < sentence.extra.length && sentence.extra[extra].before === i) lines.push(sentence.extra[extra++].line);
    lines.push([i + 1, w.form, w.lemma || "_", w.upos || "_", w.xpos || "_", w.feats || "_", w.head < 0 ? "_" : w.head, w.deprel || "_", "_", w.misc || "_"].join("\t"));
  });
  while (extra < sentence.extra.length) lines.push(sentence.extra[extra++].line);
  return lines.join("\n") + "\n\n";
}
