// The shipped syntax model scored on UD English EWT dev and GUM dev with their gold words (UPOS, XPOS,
// lemma, UAS, LAS), and the sentence splitter on the raw text of both (sentence F1). GUM is never
// trained on (its licence is non-commercial): it shows how the model does on other genres, news
// among them. Usage: npm run eval:syntax [-- --model FILE] (default: the shipped model, or $TRIANGULATE_SYNTAX_MODEL's)
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readConllu } from "../src/syntax/conllu.ts";
import { SyntaxModel } from "../src/syntax/model.ts";
import { syntaxModelPath } from "../src/syntax/index.ts";
import { scoreTreebank, sentenceF1 } from "./syntax-scores.ts";

const treebanks = resolve(import.meta.dirname, "../../shared/data/treebanks");
if (!existsSync(treebanks)) {
  console.log(`eval:syntax: ${treebanks} is not here; nothing to score`);
  process.exit(0);
}

const args = process.argv.slice(2);
const model = SyntaxModel.load(args.includes("--model") ? args[args.indexOf("--model") + 1] : syntaxModelPath());
const sets: [string, string][] = [
  ["EWT dev", "ud-english-ewt/en_ewt-ud-dev.conllu"],
  ["GUM dev", "ud-english-gum/en_gum-ud-dev.conllu"],
];
console.log("set       words   UPOS   XPOS  lemma    UAS    LAS | sentences P / R / F1");
for (const [name, file] of sets) {
  const sentences = readConllu(readFileSync(resolve(treebanks, file), "utf8"), file);
  const s = scoreTreebank(model, sentences);
  const f = sentenceF1(sentences);
  const words = sentences.reduce((n, x) => n + x.words.length, 0);
  const pct = (v: number) => v.toFixed(2).padStart(6);
  console.log(`${name.padEnd(8)} ${String(words).padStart(6)} ${pct(s.UPOS)} ${pct(s.XPOS)} ${pct(s.lemma)} ${pct(s.UAS)} ${pct(s.LAS)} | ${f.p.toFixed(1)} / ${f.r.toFixed(1)} / ${f.f1.toFixed(1)}`);
}
