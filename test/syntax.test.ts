// The syntactic analysis on the constructions the extractors read: reported speech before and after
// the quote, a passive with its agent, "according to", relative clauses, numerals on nouns,
// coordination. And its parts: UD words cut from tokens, CoNLL-U, the tree helpers, hostile text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, type Doc, type SyntaxWord } from "../src/doc.ts";
import { syntax } from "../src/extract/syntax.ts";
import { defaultSyntaxModel, readConllu, syntacticWords, Tree, writeConllu } from "../src/syntax/index.ts";
import { segment, tokenize } from "../src/text/index.ts";

const annotator = syntax();

function parsed(text: string): { doc: Doc; tree: Tree; word: (form: string, nth?: number) => SyntaxWord; form: (w?: SyntaxWord) => string | undefined } {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  annotator.run(doc);
  const tree = new Tree(doc.layers.syntax![0]);
  const form = (w?: SyntaxWord) => (w ? text.slice(w.start, w.end) : undefined);
  const word = (f: string, nth = 0) => {
    const found = tree.words.filter((w) => form(w) === f)[nth];
    assert.ok(found, `"${f}" is a word of "${text}"`);
    return found;
  };
  return { doc, tree, word, form };
}

test("UD words: clitics and hyphenated compounds are words of their own, prefixes and codes are not", () => {
  const text = "I don't think they can't or won't, it's well-known: 3,000-5,000 troops e-mail 713-853-3989 cannot.";
  const words = syntacticWords(text, tokenize(text)).map((w) => text.slice(w.start, w.end));
  assert.deepEqual(words, ["I", "do", "n't", "think", "they", "ca", "n't", "or", "wo", "n't", ",", "it", "'s", "well", "-", "known", ":", "3,000", "-", "5,000", "troops", "e-mail", "713-853-3989", "can", "not", "."]);
});

test("reported speech: the speaker is the subject of the reporting verb, the quote its complement", () => {
  const after = parsed("“We will not withdraw,” the minister said on Tuesday.");
  const said = after.word("said");
  assert.equal(after.form(after.tree.subject(said)), "minister");
  assert.equal(after.word("withdraw").head, said.index);
  assert.equal(after.word("withdraw").deprel, "ccomp");

  const before = parsed("The agency said 800 marines arrived on the island.");
  assert.equal(before.form(before.tree.subject(before.word("said"))), "agency");
  assert.equal(before.form(before.tree.head(before.word("arrived"))), "said");
  assert.equal(before.form(before.tree.subject(before.word("arrived"))), "marines");
});

test("a numeral modifies the noun it counts", () => {
  const { word, tree, form } = parsed("The agency said 800 marines arrived on the island.");
  const n = word("800");
  assert.equal(n.deprel, "nummod");
  assert.equal(form(tree.head(n)), "marines");
  assert.equal(word("marines").lemma, "marine");
});

test("a passive keeps its subject and its agent apart", () => {
  const { word, tree, form } = parsed("The claim was denied by the ministry.");
  const denied = word("denied");
  assert.equal(form(tree.child(denied, "nsubj")), "claim");
  assert.equal(tree.child(denied, "nsubj")!.deprel, "nsubj:pass");
  assert.equal(form(tree.child(denied, "obl:agent")), "ministry");
  assert.equal(denied.lemma, "deny");
});

test("'according to' marks the source as an oblique of the clause", () => {
  const { word, tree, form } = parsed("According to the bureau, 312 people died.");
  const bureau = word("bureau");
  assert.equal(form(tree.head(bureau)), "died");
  assert.equal(form(tree.child(bureau, "case")), "According");
  assert.equal(form(tree.subject(word("died"))), "people");
});

test("a relative clause hangs from its noun, and its negation stays inside it", () => {
  const { word, tree, form } = parsed("The officials who did not respond said the troops had left.");
  const respond = word("respond");
  assert.equal(respond.deprel, "acl:relcl");
  assert.equal(form(tree.head(respond)), "officials");
  assert.equal(form(tree.head(word("not"))), "respond");
  assert.equal(tree.clause(word("not")), respond);
  assert.equal(form(tree.root), "said");
});

test("coordination: conjuncts hang from the first, a shared subject is found through the conjunct", () => {
  const { word, tree, form } = parsed("The army captured the town on Monday and killed 40 fighters.");
  const killed = word("killed");
  assert.equal(killed.deprel, "conj");
  assert.equal(form(tree.head(killed)), "captured");
  assert.equal(form(tree.subject(killed)), "army");
  assert.equal(form(tree.head(word("40"))), "fighters");
  assert.equal(tree.clause(word("40")), killed, "a conjunct of the main verb heads a clause of its own");
});

test("typographic quotation marks are read as the treebank's ASCII ones: punctuation, not words", () => {
  const { word } = parsed("Christie called Clinton ‘a disgrace’ on Tuesday.");
  assert.equal(word("‘").upos, "PUNCT");
  assert.equal(word("’").upos, "PUNCT");
});

test("tree helpers: span, subtree, wordAt, ancestors", () => {
  const { word, tree, doc } = parsed("The agency said 800 marines arrived on the island.");
  const arrived = word("arrived");
  assert.equal(doc.text.slice(tree.span(arrived).start, tree.span(arrived).end), "800 marines arrived on the island");
  assert.equal(tree.wordAt(doc.text.indexOf("marines") + 2), word("marines"));
  assert.equal(tree.wordAt(doc.text.indexOf(" said")), undefined);
  assert.deepEqual(tree.ancestors(word("island")).map((w) => w.index), [arrived.index, word("said").index]);
});

test("CoNLL-U: read, written back, multiword lines kept", () => {
  const text = "# sent_id = 1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n\n";
  const [s] = readConllu(text);
  assert.equal(s.words.length, 4);
  assert.equal(s.words[2].misc, "SpaceAfter=No");
  assert.equal(writeConllu(s), text);
  assert.throws(() => readConllu("1\tI\tI\n", "bad.conllu"), /bad\.conllu, line 1: expected 10 tab-separated columns, found 3/);
});

test("hostile text: a 5,000-word sentence, a 200,000-character line, emoji, lone punctuation, nothing", () => {
  const texts = [
    Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "officials said" : "troops")).join(" ") + ".",
    "troops said 3,000 ".repeat(11_200),
    "🔥 Тысячи 士兵 troops — 😀 said مسؤولون | 1,000 | 5% |",
    "… ! ? — “ ” ( ) .",
    "",
  ];
  for (const text of texts) {
    const doc = segment(createDoc({ id: "h", text, meta: {} }));
    annotator.run(doc);
    for (const s of doc.layers.syntax!) {
      const roots = s.words.filter((w) => w.head < 0);
      if (s.words.length) assert.equal(roots.length, 1, "one root a sentence");
      for (const w of s.words) {
        assert.ok(w.start >= s.start && w.end <= s.end && w.start < w.end, "every word inside its sentence");
        assert.ok(w.head < s.words.length && w.head !== w.index, "heads inside the sentence");
      }
    }
  }
});

test("the model loads once and reports what it was trained on", () => {
  const model = defaultSyntaxModel();
  assert.equal(model, defaultSyntaxModel());
  assert.match(String(model.meta.data), /EWT/);
});
