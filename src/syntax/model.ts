import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { TriangulateError } from "../errors.ts";
import { readBundle, writeBundle } from "./bundle.ts";
import { Labeller, labelInput } from "./labeller.ts";
import { Lemmatizer, type LemmaData } from "./lemmatizer.ts";
import { Parser } from "./parser.ts";
import { tagSetsOf, Tagger, type TaggerData } from "./tagger.ts";
import { wordInfo } from "./words.ts";

// The syntactic analysis of one sentence's words: tags, lemmas, then the tree. One model file holds
// the four parts (models/syntax.bin, made by `npm run train:syntax`).

/** One sentence's analysis, one entry a word; `head` is the index of the head word, -1 for the root. */
export interface Analysis {
  upos: string[];
  xpos: string[];
  lemma: string[];
  head: Int32Array;
  deprel: string[];
}

export interface SyntaxData {
  tagger: TaggerData;
  lemmas: LemmaData;
  labels: string[];
  /** [arc shape, relation class] pairs the labeller gives without scoring. */
  sureLabels: [number, number][];
  meta: Record<string, string | number>;
}

export const SYNTAX_MODEL_PATH = resolve(import.meta.dirname, "../../models/syntax.bin");

export class SyntaxModel {
  readonly tagger: Tagger;
  readonly lemmatizer: Lemmatizer;
  readonly parser: Parser;
  readonly labeller: Labeller;
  readonly meta: Record<string, string | number>;
  #upos: string[];
  #xpos: string[];

  constructor(parts: { tagger: Tagger; lemmatizer: Lemmatizer; parser: Parser; labeller: Labeller; meta?: Record<string, string | number> }) {
    this.tagger = parts.tagger;
    this.lemmatizer = parts.lemmatizer;
    this.parser = parts.parser;
    this.labeller = parts.labeller;
    this.meta = parts.meta ?? {};
    this.#upos = this.tagger.data.tags.map((t) => t.slice(0, t.indexOf(" ")));
    this.#xpos = this.tagger.data.tags.map((t) => t.slice(t.indexOf(" ") + 1));
  }

  static load(path = SYNTAX_MODEL_PATH): SyntaxModel {
    if (!existsSync(path)) throw new TriangulateError("MODEL_MISSING", `no syntax model at ${path}`, "run `npm run train:syntax` (it needs ../shared/data/treebanks)");
    const { data, models } = readBundle<SyntaxData>(path);
    return new SyntaxModel({
      tagger: new Tagger(data.tagger, models.tagger),
      lemmatizer: new Lemmatizer(data.lemmas),
      parser: new Parser(models.parser),
      labeller: new Labeller(data.labels, models.labeller, new Map(data.sureLabels)),
      meta: data.meta,
    });
  }

  save(path = SYNTAX_MODEL_PATH): number {
    const data: SyntaxData = { tagger: this.tagger.data, lemmas: this.lemmatizer.data, labels: this.labeller.labels, sureLabels: [...this.labeller.sure], meta: this.meta };
    return writeBundle(path, data, { tagger: this.tagger.model, parser: this.parser.model, labeller: this.labeller.model });
  }

  analyse(forms: readonly string[]): Analysis {
    const n = forms.length;
    const info = wordInfo(forms);
    const tagSets = tagSetsOf(info.normal, this.tagger.tagSets);
    const tags = this.tagger.tag(forms, info, tagSets);
    const upos = Array.from(tags, (t) => this.#upos[t]);
    const xpos = Array.from(tags, (t) => this.#xpos[t]);
    const lemma = forms.map((f, i) => this.lemmatizer.lemma(f, xpos[i]));
    const heads = this.parser.parse(info.word, tags, tagSets);
    const labels = this.labeller.label(labelInput(info.word, tags, info.suffix3, heads));
    const head = Int32Array.from(heads, (h) => (h === n ? -1 : h));
    return { upos, xpos, lemma, head, deprel: Array.from(labels, (l) => this.labeller.labels[l]) };
  }
}
