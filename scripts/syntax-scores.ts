// Scores of a syntax model on a treebank with its gold words: UPOS, XPOS and lemma accuracy, UAS,
// and LAS on the universal part of the relation (as the CoNLL 2018 shared task scores it: "obl:tmod"
// counts as "obl"). Punctuation is scored like any other word.
import { comment, type ConlluSentence } from "../src/syntax/conllu.ts";
import type { SyntaxModel } from "../src/syntax/model.ts";
import { splitSentences } from "../src/text/index.ts";

export function scoreTreebank(model: SyntaxModel, sentences: ConlluSentence[]): Record<"UPOS" | "XPOS" | "lemma" | "UAS" | "LAS", number> {
  let upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, words = 0;
  const universal = (rel: string) => rel.split(":")[0];
  const analyses = model.analyseAll(sentences.map((s) => s.words.map((w) => w.form)));
  sentences.forEach((s, k) => {
    const a = analyses[k];
    s.words.forEach((w, i) => {
      words++;
      if (a.upos[i] === w.upos) upos++;
      if (a.xpos[i] === w.xpos) xpos++;
      if (a.lemma[i] === w.lemma) lemma++;
      if (a.head[i] + 1 === w.head) {
        uas++;
        if (universal(a.deprel[i]) === universal(w.deprel)) las++;
      }
    });
  });
  const pct = (k: number) => (100 * k) / Math.max(1, words);
  return { UPOS: pct(upos), XPOS: pct(xpos), lemma: pct(lemma), UAS: pct(uas), LAS: pct(las) };
}

/**
 * Each document's raw text, its sentences' `# text` lines joined (a space within a paragraph, a blank
 * line between paragraphs), and the gold sentence spans in it.
 */
export function rawDocuments(sentences: ConlluSentence[]): { text: string; gold: [number, number][] }[] {
  const docs: { text: string; gold: [number, number][] }[] = [];
  for (const s of sentences) {
    const text = comment(s, "text") ?? s.words.map((w) => w.form).join(" ");
    if (comment(s, "newdoc id") !== undefined || !docs.length) docs.push({ text: "", gold: [] });
    const doc = docs[docs.length - 1];
    if (doc.text) doc.text += s.comments.some((c) => c === "newpar" || c.startsWith("newpar ")) ? "\n\n" : " ";
    doc.gold.push([doc.text.length, doc.text.length + text.length]);
    doc.text += text;
  }
  return docs;
}

export function sentenceF1(sentences: ConlluSentence[]): { p: number; r: number; f1: number } {
  let right = 0, predicted = 0, gold = 0;
  for (const doc of rawDocuments(sentences)) {
    const found = new Set(splitSentences(doc.text).map((s) => `${s.start}:${s.end}`));
    predicted += found.size;
    gold += doc.gold.length;
    for (const [a, b] of doc.gold) if (found.has(`${a}:${b}`)) right++;
  }
  const p = right / predicted, r = right / gold;
  return { p: 100 * p, r: 100 * r, f1: (200 * p * r) / (p + r) };
}
