import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type Attribution, type Doc } from "../src/doc.ts";
import { segment } from "../src/text/index.ts";
import { certainty } from "../src/extract/certainty.ts";
import { defaultPipeline } from "../src/extract/index.ts";

/** Where a hand-made attribution sits: the words of its source, its cue and its content. */
interface Said {
  source: string;
  cue: string;
  content: string;
  direct?: boolean;
}

const spanOf = (text: string, words: string) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is not in the text`);
  return { start, end: start + words.length };
};

/** A segmented Doc whose attribution layer is filled by hand, as the attribution annotator would. */
function docOf(text: string, said: Said[] = []): Doc {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  doc.layers.attribution = said.map((s): Attribution => {
    const content = spanOf(text, s.content);
    const sentence = doc.sentences.find((x) => x.start <= content.start && content.start < x.end)!;
    return { ...content, sentence: sentence.index, annotator: "test", evidence: [], direct: s.direct ?? false, chain: [{ source: spanOf(text, s.source), cue: spanOf(text, s.cue) }] };
  });
  certainty().run(doc);
  return doc;
}

/** The label and evidence words of the first sentence. */
function certaintyOf(text: string, said: Said[] = []): { label: string; evidence: string[] } {
  const doc = docOf(text, said);
  const finding = doc.layers.certainty![0];
  return { label: finding.label, evidence: finding.evidence.map((e) => spanText(doc, e)) };
}

test("the annotator declares its name and the layers it reads and writes", () => {
  const a = certainty();
  assert.equal(a.name, "certainty");
  assert.deepEqual(a.requires, ["sentences", "attribution", "syntax"]);
  assert.deepEqual(a.provides, ["certainty"]);
});

test("every sentence gets one finding spanning the sentence", () => {
  const doc = docOf("North Korea has sent troops. They may fight in Kursk. Will they?");
  assert.deepEqual(doc.layers.certainty!.map((f) => [f.sentence, f.label, spanText(doc, f)]), [
    [0, "asserted", "North Korea has sent troops."],
    [1, "hedged", "They may fight in Kursk."],
    [2, "questioned", "Will they?"],
  ]);
});

test("a plain statement of fact is asserted with no evidence", () => {
  assert.deepEqual(certaintyOf("The Russian Duma has ratified a defense agreement with North Korea."), { label: "asserted", evidence: [] });
});

test("boosters and litotes keep a sentence asserted and are its evidence", () => {
  assert.deepEqual(certaintyOf("There is no longer much doubt there are North Korean troops training in far eastern Russia."), { label: "asserted", evidence: ["no longer much doubt"] });
  assert.deepEqual(certaintyOf("The ministry confirmed the arrival of the troops."), { label: "asserted", evidence: ["confirmed"] });
  assert.deepEqual(certaintyOf("Such deployments are not uncommon."), { label: "asserted", evidence: ["not uncommon"] });
});

test("can states an ability, not a hedge", () => {
  assert.equal(certaintyOf("Russia can produce three million shells a year.").label, "asserted");
});

test("hedging adverbs, modals and evidential verbs make a sentence hedged", () => {
  assert.deepEqual(certaintyOf("Pyongyang has reportedly sent 10,000 troops to Russia."), { label: "hedged", evidence: ["reportedly"] });
  assert.deepEqual(certaintyOf("The strike may have killed dozens of soldiers."), { label: "hedged", evidence: ["may have"] });
  assert.deepEqual(certaintyOf("The report suggests that the soldiers joined Russian forces in Kursk."), { label: "hedged", evidence: ["suggests"] });
  assert.deepEqual(certaintyOf("The claim could not be independently verified."), { label: "hedged", evidence: ["could not be independently verified"] });
  assert.deepEqual(certaintyOf("They do not appear to have armor."), { label: "hedged", evidence: ["appear to"] });
});

test("an if clause at the start of the sentence or of the reported content makes it conditional", () => {
  assert.deepEqual(certaintyOf("If North Korean troops enter Ukraine, the U.S. might reconsider its position."), { label: "conditional", evidence: ["If"] });
  assert.deepEqual(
    certaintyOf("Pentagon spokesperson Sabrina Singh indicated that if North Korean troops were to aid Russia, the U.S. might reconsider its prohibition."),
    { label: "conditional", evidence: ["if"] },
  );
  assert.deepEqual(certaintyOf("Should the talks fail, sanctions will follow."), { label: "conditional", evidence: ["Should"] });
  assert.deepEqual(certaintyOf("Especially if the border stays closed through the winter."), { label: "conditional", evidence: ["if"] });
});

test("a condition inside a relative clause does not make the sentence conditional", () => {
  assert.equal(certaintyOf("The Duma ratified an agreement that provides for mutual help in case either side is attacked.").label, "asserted");
  assert.equal(certaintyOf("The Ukrainians are being pushed out of the villages systematically, if slowly, by the Russian army.").label, "asserted");
});

test("will, expected to and predicting verbs make a sentence predicted", () => {
  assert.deepEqual(certaintyOf("Western intelligence services predict that some of these troops will soon be fighting in Kursk."), { label: "predicted", evidence: ["predict", "will"] });
  assert.deepEqual(certaintyOf("The parliament is expected to ratify the treaty on Thursday."), { label: "predicted", evidence: ["is expected"] });
  assert.deepEqual(certaintyOf("Moscow plans to send a larger contingent."), { label: "predicted", evidence: ["plans to"] });
});

test("would is a prediction in reported speech and no cue in the writer's voice", () => {
  const text = "The minister said the brigade would leave in November.";
  assert.deepEqual(certaintyOf(text, [{ source: "The minister", cue: "said", content: "the brigade would leave in November" }]), { label: "predicted", evidence: ["would"] });
  assert.equal(certaintyOf("The measure would ratify a partnership agreement between the two states.").label, "asserted");
});

test("will and might as nouns, and May as a month, are not cues", () => {
  assert.equal(certaintyOf("The alliance lacks the political will to act.").label, "asserted");
  assert.equal(certaintyOf("Russia displayed its military might in Kursk.").label, "asserted");
  assert.equal(certaintyOf("The treaty was signed in May 2024.").label, "asserted");
});

test("a negated main predicate is denied", () => {
  assert.deepEqual(certaintyOf("It has not fought in a land battle of any consequence for decades."), { label: "denied", evidence: ["not"] });
  assert.deepEqual(certaintyOf("There is no consensus in NATO to send troops to Ukraine."), { label: "denied", evidence: ["no"] });
});

test("negation that does not deny the main predicate leaves the sentence asserted", () => {
  assert.equal(certaintyOf("The deployment is not only large but also fast.").label, "asserted");
  assert.equal(certaintyOf("Whether or not the troops arrive, the talks continue.").label, "asserted");
  assert.equal(certaintyOf("Seoul convened the officials who had not been briefed.").label, "asserted");
  assert.equal(certaintyOf("The troops will stay in Kursk, willingly or not.").label, "predicted");
});

test("a denying reporting verb denies the content, whatever the content says", () => {
  assert.deepEqual(certaintyOf("The Kremlin denied that any troops may have crossed the border."), { label: "denied", evidence: ["denied"] });
  assert.deepEqual(certaintyOf("Moscow dismissed the reports as Western propaganda."), { label: "denied", evidence: ["dismissed the reports"] });
  assert.equal(certaintyOf("If they failed, the government could deny them mining permits.").label, "conditional");
});

test("a sentence ending in a question mark is questioned", () => {
  assert.deepEqual(certaintyOf("Will North Korean troops fight inside Ukraine?"), { label: "questioned", evidence: ["?"] });
  assert.equal(certaintyOf("He asked: “Are they in Kursk?”").label, "questioned");
  assert.deepEqual(certaintyOf("“How many times do we have to see this?” Clinton said."), { label: "questioned", evidence: ["?"] });
  assert.equal(certaintyOf("“Is it over?” she said, and the minister, who had arrived in Kursk on Monday, nodded.").label, "asserted");
});

test("asking whether, doubting and unclear whether make a sentence questioned", () => {
  assert.deepEqual(certaintyOf("Reporters asked whether the troops had arrived."), { label: "questioned", evidence: ["asked whether"] });
  assert.deepEqual(certaintyOf("It is unclear whether the soldiers have seen combat."), { label: "questioned", evidence: ["unclear"] });
});

test("the cue of a quotation asking something is read as a question, an indirect request is not", () => {
  const quoted = "“Are the soldiers in Kursk now,” a reporter asked the spokesman.";
  assert.deepEqual(certaintyOf(quoted, [{ source: "a reporter", cue: "asked", content: "Are the soldiers in Kursk now", direct: true }]), { label: "questioned", evidence: ["asked"] });
  const request = "Kyiv asked its allies to send more air defense systems.";
  assert.equal(certaintyOf(request, [{ source: "Kyiv", cue: "asked", content: "to send more air defense systems" }]).label, "asserted");
});

test("a denying attribution cue denies", () => {
  const text = "The ministry rejected the accusation in a statement on Friday.";
  assert.equal(certaintyOf(text, [{ source: "The ministry", cue: "rejected", content: "the accusation" }]).label, "denied");
});

test("a hedged reporting verb gives way to the prediction in its content", () => {
  assert.equal(certaintyOf("They believe that increased military pressure will destabilize his regime.").label, "predicted");
  assert.equal(certaintyOf("Analysts believe the regime is unstable.").label, "hedged");
});

test("cues in an embedded clause do not govern the main clause", () => {
  assert.equal(certaintyOf("Kursk, which may fall soon, is Russian territory.").label, "asserted");
  assert.equal(certaintyOf("The notion that Moscow could be courting new patrons highlights the pressure on the Kremlin.").label, "asserted");
});

test("a five-thousand-word sentence is labelled in linear time", () => {
  const words = Array.from({ length: 5000 }, (_, i) => ["troops", "may", "not", "that", "if", "will"][i % 6]);
  const started = performance.now();
  const doc = docOf(words.join(" ") + ".");
  assert.equal(doc.layers.certainty!.length, 1);
  assert.ok(performance.now() - started < 500);
});

test("a hedge inside a gerund phrase a preposition governs does not hedge the sentence", () => {
  assert.equal(certaintyOf("The president convened a meeting to assess the implications of Kessaria possibly deploying troops.").label, "asserted");
  assert.equal(certaintyOf("Kessaria is possibly deploying troops to the border.").label, "hedged");
});

test("with the parse, a negation denies only the main predicate, and an order or a noun 'plan' sets no label", () => {
  const labels = (text: string) => (defaultPipeline().run(createDoc({ id: "t", text, meta: {} })).layers.certainty ?? []).map((c) => c.label);
  assert.deepEqual(labels("The ministry did not send troops."), ["denied"]);
  assert.deepEqual(labels("Her career has been investigated to no avail."), ["asserted"]);
  assert.deepEqual(labels("The troops, who had not been paid, crossed the river."), ["asserted"]);
  assert.deepEqual(labels("Don't get hung up on the polls."), ["asserted"]);
  assert.deepEqual(labels("Ham has the best plan to correct the course."), ["asserted"]);
  assert.deepEqual(labels("The army plans to withdraw by May."), ["predicted"]);
  // a clause set against the claim by "but" denies its own deed; one joined by "and" carries the denial on
  assert.deepEqual(labels("The Pentagon said the troops arrived, but did not say how many."), ["asserted"]);
  assert.deepEqual(labels("The ministry withdrew the statement and did not send troops."), ["denied"]);
});

test("'would' in reported speech is the past of 'will'; in a speaker's own quoted words it is no prediction", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "The mayor said the levee would hold. “So I would just simply say to everybody: stay home,” the mayor said.", meta: {} }));
  assert.deepEqual(doc.layers.certainty!.map((f) => f.label), ["predicted", "asserted"]);
});
