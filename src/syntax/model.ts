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

/** Sentences a batch of `analyseAll` holds: enough for each model's weights to be read warm, few enough to keep little in memory. */
const BATCH_SENTENCES = 100;

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
    return this.analyseAll([forms])[0];
  }

  /**
   * The analyses of several sentences, the same as one at a time. Each step runs over a batch of
   * sentences before the next step starts (tagging, then parsing, then labelling, then lemmas):
   * the step's weights stay in the cache from one sentence to the next, where one sentence at a
   * time has each model's table push the others' out (a fifth faster on news in batches of 100).
   */
  analyseAll(sentences: readonly (readonly string[])[]): Analysis[] {
    const out: Analysis[] = [];
    for (let from = 0; from < sentences.length; from += BATCH_SENTENCES) for (const a of this.#analyseBatch(sentences.slice(from, from + BATCH_SENTENCES))) out.push(a);
    return out;
  }

  #analyseBatch(batch: readonly (readonly string[])[]): Analysis[] {
    const plain = batch.map((forms) => forms.map(plainQuote));
    const infos = plain.map((forms) => wordInfo(forms));
    const tagSets = infos.map((info) => tagSetsOf(info.normal, this.tagger.tagSets));
    const tags = plain.map((forms, k) => this.tagger.tag(forms, infos[k], tagSets[k]));
    const heads = batch.map((_, k) => this.parser.parse(infos[k].word, tags[k], tagSets[k]));
    const labels = batch.map((_, k) => this.labeller.label(labelInput(infos[k].word, tags[k], infos[k].suffix3, heads[k])));
    return batch.map((forms, k) => {
      const n = forms.length;
      const xpos = Array.from(tags[k], (t) => this.#xpos[t]);
      return {
        upos: Array.from(tags[k], (t) => this.#upos[t]),
        xpos,
        lemma: forms.map((f, i) => this.lemmatizer.lemma(f, xpos[i])),
        head: Int32Array.from(heads[k], (h) => (h === n ? -1 : h)),
        deprel: Array.from(labels[k], (l) => this.labeller.labels[l]),
      };
    });
  }
}

/**
 * The treebank writes its quotation marks mostly as ASCII (‘ twice in all of EWT train), so a news
 * page's typographic marks are read as the ASCII ones the models know: a lone ‘ was tagged a verb.
 */
const TYPOGRAPHIC_QUOTES = new Map([["‘", "'"], ["’", "'"], ["“", '"'], ["”", '"'], ["«", '"'], ["»", '"'], ["„", '"']]);
const plainQuote = (form: string): string => (form.length === 1 ? (TYPOGRAPHIC_QUOTES.get(form) ?? form) : form);
