import { test } from "node:test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import assert from "node:assert/strict";
import { createDoc, spanText, type Doc, type Span } from "../src/doc.ts";
import { segment } from "../src/text/index.ts";
import { CUES, genreLean, isClaim, kind, type KindModelFile } from "../src/extract/kind.ts";
import { defaultPipeline, toClaimRecords } from "../src/extract/index.ts";

const annotator = kind();

/** A segmented Doc with empty upstream layers, for the test to fill by hand. */
function docOf(text: string): Doc {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  doc.layers = { attribution: [], certainty: [], quantities: [], entities: [], dates: [] };
  return doc;
}
const at = (doc: Doc, words: string): Span => {
  const start = doc.text.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
};
const base = (doc: Doc, words: string, sentence = 0) => ({ ...at(doc, words), sentence, annotator: "test", evidence: [] });

test("every sentence gets one finding spanning it, with both probabilities", () => {
  const doc = docOf("Troops crossed the border on Monday. What a shameful day it is. Officials said 300 soldiers died.");
  annotator.run(doc);
  const findings = doc.layers.kind!;
  assert.equal(findings.length, doc.sentences.length);
  findings.forEach((f, i) => {
    assert.equal(f.sentence, i);
    assert.deepEqual([f.start, f.end], [doc.sentences[i].start, doc.sentences[i].end]);
    assert.ok(f.checkworthy >= 0 && f.checkworthy <= 1 && f.subjective >= 0 && f.subjective <= 1);
  });
});

test("evidence spans are words of the sentence that was labelled", () => {
  const doc = docOf("The ministry reported 1,400 new cases on Tuesday. I find this utterly heartbreaking.");
  annotator.run(doc);
  for (const f of doc.layers.kind!) {
    assert.ok(f.evidence.length > 0 && f.evidence.length <= 6);
    for (const e of f.evidence) {
      assert.ok(e.start >= f.start && e.end <= f.end && e.end > e.start);
      assert.equal(spanText(doc, e).trim(), spanText(doc, e));
    }
  }
});

test("a value judgement in the writer's voice is an opinion and a dated event is a claim", () => {
  const doc = docOf("It is a disgrace, and frankly I am tired of pretending otherwise. The parliament passed the budget on Friday by 212 votes to 190.");
  doc.layers.quantities = [{ ...base(doc, "212 votes", 1), min: 212, max: 212, kind: "count", approximate: false, of: "votes" }];
  doc.layers.entities = [{ ...base(doc, "parliament", 1), canonical: "Parliament", type: "organization" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "claim"]);
});

test("an attributed statement with a number is a claim even in an opinionated sentence", () => {
  const text = "Sadly and shamefully, I think the awful truth is that 5,000 people died, the health minister told reporters.";
  const doc = docOf(text);
  const cue = at(doc, "told");
  doc.layers.attribution = [{ ...base(doc, "the awful truth is that 5,000 people died"), chain: [{ source: at(doc, "the health minister"), cue }], direct: false }];
  doc.layers.quantities = [{ ...base(doc, "5,000"), min: 5000, max: 5000, kind: "count", approximate: false, of: "people" }];
  annotator.run(doc);
  const [finding] = doc.layers.kind!;
  assert.equal(finding.kind, "claim");
  assert.ok(finding.evidence.some((e) => spanText(doc, e) === "told"));
});

test("a question the writer asks is an opinion even when it holds a number", () => {
  const doc = docOf("Why would any government send 10,000 soldiers into such a war?");
  doc.layers.quantities = [{ ...base(doc, "10,000"), min: 10000, max: 10000, kind: "count", approximate: false, of: "soldiers" }];
  annotator.run(doc);
  assert.equal(doc.layers.kind![0].kind, "opinion");
  assert.ok(doc.layers.kind![0].evidence.some((e) => spanText(doc, e) === "?"));
});

test("a document with no sentences gets no findings, and a long run-on line is labelled once", () => {
  const empty = docOf("");
  annotator.run(empty);
  assert.deepEqual(empty.layers.kind, []);
  const long = docOf("the army said that " + "troops moved and ".repeat(3000) + "stopped.");
  annotator.run(long);
  assert.equal(long.layers.kind!.length, long.sentences.length);
});

test("lines that are not sentences are never claims: a dateline, a URL, a heading ending in a colon", () => {
  const doc = docOf("BRUSSELS, 3 March — Agence Europe.\nhttps://example.org/news/2025/eu-budget-vote\nThe full statement from the ministry reads:\nThe committee approved the new rules on Tuesday after a two-hour debate.");
  annotator.run(doc);
  const kinds = doc.layers.kind!.map((f) => f.kind);
  assert.deepEqual(kinds.slice(0, 3), ["opinion", "opinion", "opinion"]);
  assert.ok(doc.layers.kind![2].evidence.some((e) => spanText(doc, e) === ":"));
});

test("the writer's first-person speculation is an opinion and a reported past event is a claim", () => {
  const doc = docOf("I suspect the sanctions could eventually weaken the government's resolve. The central bank raised its main interest rate on Thursday.");
  doc.layers.entities = [{ ...base(doc, "central bank", 1), canonical: "Central Bank", type: "organization" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "claim"]);
});

test("a sentence heavy with abstract nouns in the writer's voice leans towards opinion", async () => {
  const { sentenceCues, sentenceLayers, CUES } = await import("../src/extract/kind.ts");
  const { LinearModel, scoreSentence } = await import("../src/extract/classifier/model.ts");
  const models = { checkworthy: LinearModel.load("checkworthy"), subjectivity: LinearModel.load("subjectivity") };
  const doc = docOf("The normalization of confrontation reflects a deepening fragmentation of the international order.");
  const [sentence] = doc.sentences;
  const [check, subjective] = scoreSentence([models.checkworthy, models.subjectivity], doc.text, doc.tokens, sentence.tokenStart, sentence.tokenEnd);
  const cues = sentenceCues(doc, sentence, sentenceLayers(doc)(0), check, subjective, models);
  assert.ok(cues.values[CUES.indexOf("abstractShare")] > 0.2);
  assert.equal(cues.unasserted, undefined);
});

test("what a named party says is a claim; what unnamed analysts argue is a view", () => {
  const doc = docOf("The Harbour Authority said the port would stay closed. Analysts argue that the closure could hurt exporters.");
  doc.layers.attribution = [
    { ...base(doc, "the port would stay closed"), chain: [{ source: at(doc, "The Harbour Authority"), cue: at(doc, "said") }], direct: false },
    { ...base(doc, "the closure could hurt exporters", 1), chain: [{ source: at(doc, "Analysts"), cue: at(doc, "argue") }], direct: false },
  ];
  doc.layers.entities = [{ ...base(doc, "Harbour Authority"), canonical: "Harbour Authority", type: "organization" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion"]);
});

test("the writer's own modal speculation is an opinion, but hearsay in the writer's voice can still be a claim", () => {
  const doc = docOf("If the talks fail, the region could slide into a wider war. Engineers had reportedly warned the operator about cracks in the dam in 2024.");
  doc.layers.certainty = [
    { ...base(doc, "If the talks fail, the region could slide into a wider war."), label: "conditional", evidence: [at(doc, "If")] },
    { ...base(doc, "Engineers had reportedly warned the operator about cracks in the dam in 2024.", 1), label: "hedged", evidence: [at(doc, "reportedly")] },
  ];
  annotator.run(doc);
  const [speculation, hearsay] = doc.layers.kind!;
  assert.equal(speculation.kind, "opinion");
  assert.notEqual(hearsay.evidence.length, 0);
});

test("the writer's own modal is an opinion unless it carries a figure or tells what a bill would do", () => {
  const doc = docOf(
    "Such pressure can shift attention away from the front. The bill would raise the pension age for civil servants. The deal would cost the treasury 4 billion euros.",
  );
  doc.layers.quantities = [{ ...base(doc, "4 billion euros", 2), min: 4e9, max: 4e9, kind: "money", approximate: false, of: "EUR" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "claim", "claim"]);
});

test("a named actor opening a sentence with what it did is a claim, and a pronoun after it carries the actor on", () => {
  const doc = docOf("Kessaria has sent two engineering battalions to the border, a move that feels to us like a provocation. They have also closed three crossings.");
  doc.layers.entities = [{ ...base(doc, "Kessaria"), canonical: "Kessaria", type: "country" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "claim"]);
});

test("what a named actor has or lacks, and what is said to be at a named place, are claims; an obligation is not", () => {
  const doc = docOf(
    "Kessaria has mostly obsolete armour. They do not appear to have air defences. There are Kessarian engineers working in northern Valdia. " +
      "The Valdians have little to fear from them. There is no doubt that the whole affair is a bluff staged in Valdia.",
  );
  doc.layers.entities = [
    { ...base(doc, "Kessaria"), canonical: "Kessaria", type: "country" },
    { ...base(doc, "Kessarian", 2), canonical: "Kessaria", type: "country" },
    { ...base(doc, "Valdia", 2), canonical: "Valdia", type: "country" },
    { ...base(doc, "Valdians", 3), canonical: "Valdia", type: "country" },
    { start: doc.text.lastIndexOf("Valdia"), end: doc.text.lastIndexOf("Valdia") + 6, sentence: 4, annotator: "test", evidence: [], canonical: "Valdia", type: "country" },
  ];
  annotator.run(doc);
  const [has, appears, located, fear, doubt] = doc.layers.kind!;
  assert.deepEqual([has.kind, appears.kind, located.kind], ["claim", "claim", "claim"]);
  assert.equal(spanText(doc, has.evidence[0]), "has");
  assert.equal(spanText(doc, appears.evidence[0]), "have");
  assert.equal(spanText(doc, located.evidence[0]), "There");
  // "have little to fear" is no possession, and the place after "there is no doubt that …" is not where the doubt is
  assert.notEqual(spanText(doc, fear.evidence[0] ?? { start: 0, end: 0 }), "have");
  assert.notEqual(spanText(doc, doubt.evidence[0] ?? { start: 0, end: 0 }), "There");
});

test("a denied deed and a group's deed are claims; a forecast of unnamed officials is one when it names a place", () => {
  const doc = docOf(
    "Kessar Hydro did not respond to a request for comment. Emergency crews have set up shelters in schools. " +
      "Officials expect the water in Lindor will fall below the flood mark.",
  );
  doc.layers.entities = [
    { ...base(doc, "Kessar Hydro"), canonical: "Kessar Hydro", type: "organization" },
    { ...base(doc, "Lindor", 2), canonical: "Lindor", type: "place" },
  ];
  doc.layers.attribution = [
    { ...base(doc, "the water in Lindor will fall below the flood mark", 2), chain: [{ source: at(doc, "Officials"), cue: at(doc, "expect") }], direct: false },
  ];
  doc.layers.certainty = [{ ...base(doc, "will", 2), label: "predicted", evidence: [at(doc, "will")] }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "claim", "claim"]);
  assert.equal(spanText(doc, doc.layers.kind![0].evidence[0]), "respond");
  assert.equal(spanText(doc, doc.layers.kind![1].evidence[0]), "set");
});

test("a commentator's remark that names nothing concrete is a view, and the writer stepping in to comment is an opinion", () => {
  const doc = docOf("A seasoned observer notes that wars are rarely won by numbers alone. Of course, the Kessarian army has never been tested.");
  doc.layers.attribution = [
    { ...base(doc, "wars are rarely won by numbers alone"), chain: [{ source: at(doc, "A seasoned observer"), cue: at(doc, "notes") }], direct: false },
  ];
  doc.layers.entities = [{ ...base(doc, "Kessarian", 1), canonical: "Kessaria", type: "country" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "opinion"]);
  // each label names the words of the rule that set it
  assert.equal(spanText(doc, doc.layers.kind![0].evidence[0]), "observer");
  assert.equal(spanText(doc, doc.layers.kind![1].evidence[0]), "Of course");
});

test("a sentence no rule decides leans with its text: a report's way in a report, a commentary's in a commentary", () => {
  const undecided = "Heavy rain had fallen across the region for eight days before the collapse.";
  const report =
    "The Kessar Dam collapsed on Monday, the health office said. Officials said 46 people died. " +
    "Police closed the main road to Lindor. The army sent 300 soldiers to the valley, the ministry said. " + undecided;
  const commentary =
    "I have never seen a government so careless. Why would anyone trust it? Surely the ministry could do better. " +
    "You would think someone might resign. I doubt anyone will. " + undecided;
  const kindOf = (text: string) => {
    const doc = defaultPipeline().run(createDoc({ id: "t", text, meta: {} }));
    return doc.layers.kind!.at(-1)!.kind;
  };
  assert.equal(kindOf(report), "claim");
  assert.equal(kindOf(commentary), "opinion");
  // the lean is smoothed: a text with no ruled sentence leans nowhere
  assert.equal(genreLean([undefined, undefined]), 0);
  assert.ok(genreLean([{ claim: true, because: [] }]) < genreLean([{ claim: true, because: [] }, { claim: true, because: [] }]));
});

test("a page's housekeeping line asserts nothing, even after a live blog's entry time", () => {
  const doc = docOf("07:15 Welcome to our live coverage of the dam collapse. Sign up for our newsletter to get the latest.");
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => [f.kind, spanText(doc, f.evidence[0])]), [
    ["opinion", "Welcome to"],
    ["opinion", "Sign up"],
  ]);
});

test("a verdict on something pointed at is an opinion, quoted or not; a named or counted predicate is not a verdict", () => {
  const kinds = (text: string) => (defaultPipeline().run(createDoc({ id: "t", text, meta: {} })).layers.kind ?? []).map((k) => k.kind);
  assert.deepEqual(kinds("This is totally bogus."), ["opinion"]);
  assert.deepEqual(kinds("“It’s gutless leadership,” Warren said."), ["opinion"]);
  assert.deepEqual(kinds("“It is the capital of Norvessa,” Warren said."), ["claim"]);
});

test("an attributed line that only introduces what follows ('The governor added:') is no claim", () => {
  const kinds = (text: string) => (defaultPipeline().run(createDoc({ id: "t", text, meta: {} })).layers.kind ?? []).map((k) => k.kind);
  assert.deepEqual(kinds("The governor added:\nThe bridge reopened on Monday."), ["opinion", "claim"]);
});

test("a question in a named party's quoted words asserts nothing; their quoted statement is a claim", () => {
  const doc = docOf("“How many times do we have to see this in our country?” Clinton said. “The police have released the video,” Clinton said.");
  doc.layers.attribution = [
    { ...base(doc, "How many times do we have to see this in our country?"), chain: [{ source: at(doc, "Clinton"), cue: at(doc, "said") }], direct: true },
    { ...base(doc, "The police have released the video", 1), chain: [{ source: { start: doc.text.lastIndexOf("Clinton"), end: doc.text.lastIndexOf("Clinton") + 7 }, cue: { start: doc.text.lastIndexOf("said"), end: doc.text.lastIndexOf("said") + 4 } }], direct: true },
  ];
  doc.layers.entities = [{ ...base(doc, "Clinton"), canonical: "Hillary Clinton", type: "person" }];
  annotator.run(doc);
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "claim"]);
  assert.equal(spanText(doc, doc.layers.kind![0].evidence[0]), "?");
});

test("a byline is never a claim, and a speaker telling what they did is one", () => {
  const records = toClaimRecords(defaultPipeline().run(createDoc({ id: "t", text: "Jakob Merin is the Northern Post's regional correspondent.\n\nI voted for the Formosa resolution in 1955.", meta: {} })));
  assert.deepEqual(records.map((r) => r.kind), ["opinion", "claim"]);
});

test("what a party the speaker names by relation did is a deed, not the speaker's view: 'my opponent cut'", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "My opponent cut 500,000 children from after-school programs. My opponent is a decent man.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion"]);
});

test("what a named party will do on a given day is a claim (a plan the writer reports); the writer's forecast without a day is an opinion", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "Aung San Suu Kyi will visit Capitol Hill on Thursday. The talks will fail.", meta: { date: "2016-09-16" } }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion"]);
});

test("a sentence that names no actor, date or event is still a claim when the check-worthiness model is fairly sure of it", () => {
  const text = "The economic growth is less than half today what it was at the beginning of this year.";
  const doc = defaultPipeline().run(createDoc({ id: "t", text, meta: {} }));
  assert.equal(doc.layers.kind![0].kind, "claim");
});

test("a deed its actor did, followed by ', arguing that …', is a claim however prescriptive the argument", () => {
  const text = "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher, arguing that such killings should be recognized as intolerable.";
  const doc = defaultPipeline().run(createDoc({ id: "t", text, meta: { date: "2016-09-20" } }));
  assert.equal(doc.layers.kind![0].kind, "claim");
  // without the deed, what someone argues must be done stays their prescription
  const argued = defaultPipeline().run(createDoc({ id: "u", text: "Clinton argued that such killings should be recognized as intolerable.", meta: {} }));
  assert.equal(argued.layers.kind![0].kind, "opinion");
});

test("the speaker's own voice is a view unless it gives a figure; a verdict or a thought of their own stays a view even with one", () => {
  const doc = defaultPipeline().run(
    createDoc({ id: "t", text: "I was in a state where my legislature was 87 percent Democrat. You are correct that there is no military significance to an added 3,000 troops. I feel this is a sad day.", meta: {} }),
  );
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion", "opinion"]);
});

test("a question is the speaker's own even when it reports a saying; an unnamed source's aside that neither model reads as checkable is no claim", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "Do you remember the last time you said that? I get the weather reports every morning. Officials said the bridge was closed after the crash.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "opinion", "claim"]);
});

test("a quotation's later sentence that prescribes is the speaker's prescription, not a claim", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "“We will not stop,” the mayor said. “We have got to rebuild every school in this city.”", meta: {} }));
  assert.equal(doc.layers.kind![1].kind, "opinion");
});

test("a count written as words is something to check a sentence by, though no quantity the layer keeps", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "Thirty years ago, there were three policemen for every crime. There are many theories about this.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion"]);
  assert.deepEqual(doc.layers.quantities, []);
});

test("what the speaker thinks others think is the speaker's view: 'I think the President genuinely believes …'", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "I think the President genuinely believes that they are better off. I hope in 2017 the city says, \"Thank you for your service.\" The mayor said the plan will cost $4 million.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["opinion", "opinion", "claim"]);
});

test("the writer's own forecast is a claim when it carries a figure", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "Prices could climb 20 percent next year. The talks will probably fail.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.map((f) => f.kind), ["claim", "opinion"]);
});

test("what no rule decides follows the check-worthiness model where it is fairly sure, else the combining layer", () => {
  const combine: KindModelFile = JSON.parse(readFileSync(resolve(import.meta.dirname, "../models/kind.json"), "utf8"));
  const cues = (checkworthy: number, subjective: number) => {
    const values = new Float64Array(CUES.length);
    values[CUES.indexOf("checkworthy")] = checkworthy;
    values[CUES.indexOf("subjective")] = subjective;
    return { values, spans: new Array(CUES.length) };
  };
  // strongly subjective wording, and the model fairly sure either way: the model's verdict
  assert.equal(isClaim(cues(2.5, 3), combine), true);
  assert.equal(isClaim(cues(-2.5, -3), combine), false);
  // the model unsure: the layer reads the subjectivity
  assert.equal(isClaim(cues(0.5, 3), combine), false);
});

test("a verdict in words someone's block quote stands in is their opinion, the party it is about named or not", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "Tomas Reyl spoke on Wednesday. Reyl added:\n\nIt’s typical of Anna Vell. The levee was breached at 4 a.m. on Monday.", meta: {} }));
  assert.deepEqual(doc.layers.kind!.slice(2).map((f) => f.kind), ["opinion", "claim"]);
});
