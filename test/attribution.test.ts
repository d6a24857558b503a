import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type Doc } from "../src/doc.ts";
import { segment } from "../src/text/index.ts";
import { attribution } from "../src/extract/attribution.ts";
import { syntax } from "../src/extract/syntax.ts";
import { toClaimRecords } from "../src/extract/claims.ts";
import { defaultPipeline } from "../src/extract/index.ts";

function analyse(text: string): Doc {
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  doc.layers.entities = [];
  attribution().run(doc);
  return doc;
}

/** The record's source and cue for each sentence, as the claim record shows them. */
const sources = (text: string) => toClaimRecords(analyse(text)).map((r) => [r.source, r.cue]);

test("a source before its verb is the speaker", () => {
  assert.deepEqual(sources("The Pentagon said the troops had arrived."), [["The Pentagon", "said"]]);
});

test("a source after the verb or after a closing quote is found", () => {
  assert.deepEqual(sources("The talks will resume on Monday, said Lopez."), [["Lopez", "said"]]);
  assert.deepEqual(sources("“We are ready,” the ministry said."), [["the ministry", "said"]]);
});

test("according to names the source that follows it", () => {
  assert.deepEqual(sources("According to Western intelligence, the units moved east."), [["Western intelligence", "According to"]]);
});

test("a role before a name resolves to the name, and a later pronoun or surname to the same person", () => {
  const text = "Deputy Defence Ministry spokeswoman Maria Lopez said the border was closed. She added that talks continue. Lopez told reporters nothing else.";
  assert.deepEqual(sources(text).map(([s]) => s), ["Maria Lopez", "Maria Lopez", "Maria Lopez"]);
});

test("the writer's own reasoning is not attributed", () => {
  assert.deepEqual(sources("I think the deal will fail."), [[null, null]]);
});

test("suggests needs a document or a party as its subject", () => {
  assert.deepEqual(sources("The geopolitical landscape suggests that peace is far off.")[0], [null, null]);
  assert.deepEqual(sources("The report from Zero Hedge suggests that the troops arrived.")[0], ["Zero Hedge", "suggests"]);
});

test("an apposition between name and verb is skipped", () => {
  assert.deepEqual(sources("Kim Jong Gyu, vice foreign minister of the DPRK, gave the following answer:")[0], ["Kim Jong Gyu", "gave the following answer"]);
});

test("a quote that runs on takes the speaker of the sentence that closes it", () => {
  const doc = analyse("“The images are serious. If there are images, they reflect something,” the head of state said.");
  const found = doc.layers.attribution!;
  assert.equal(found.length, 2);
  assert.equal(spanText(doc, found[0].chain[0].source), "the head of state");
  assert.equal(found[0].direct, true);
});

test("a quote after a quoted speaker in the same paragraph is theirs; after a paragraph break it is not", () => {
  const doc = analyse("“The bridge is closed,” the minister told reporters in Belgrast. “Nobody will cross it tonight.”\n\n“Nobody knows why.”");
  const found = doc.layers.attribution!;
  assert.equal(found.length, 2);
  // what the minister said is the quote, not the place where she said it
  assert.equal(spanText(doc, found[0]), "“The bridge is closed,”");
  assert.equal(found[1].sentence, 1);
  assert.equal(spanText(doc, found[1].chain[0].source), "the minister");
  assert.deepEqual(found[1].evidence.map((e) => spanText(doc, e)), ["“", "”"]);
});

test("a role noun, an abbreviated title, a party-state bracket, a long apposition and 'who said' still give the speaker (titles dropped from a name)", () => {
  assert.deepEqual(sources("The mayor said the bridge was closed."), [["The mayor", "said"]]);
  assert.deepEqual(sources("''There is a lot of new complexity,'' said Mr. Burman."), [["Mr. Burman", "said"]]);
  assert.deepEqual(sources("“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday."), [["Gwen Moore", "said"]]);
  assert.deepEqual(sources("Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said the rule was illegal."), [
    ["Scott Pruitt", "said"],
  ]);
  // "who said" speaks for the name or the role before its comma
  assert.deepEqual(sources("The bill was backed by Maria Lopez, who said it would pass."), [["Maria Lopez", "said"]]);
  // a place before the commas is no speaker
  assert.deepEqual(sources("In Washington, the bill, which passed, said nothing."), [[null, null]]);
});

test("a transcript's or headline's speaker label is the source; a page label or a dateline is not", () => {
  assert.deepEqual(sources("PENCE: Well, I think the voters will decide."), [["PENCE", ":"]]);
  assert.deepEqual(sources("Loretta Lynch: No charges will be filed."), [["Loretta Lynch", ":"]]);
  assert.deepEqual(sources("Breaking News: The bridge has reopened."), [[null, null]]);
  const doc = segment(createDoc({ id: "t", text: "LINDOR: The bridge has reopened.", meta: {} }));
  doc.layers.entities = [{ start: 0, end: 6, sentence: 0, annotator: "test", evidence: [], canonical: "Lindor", type: "place" }];
  attribution().run(doc);
  assert.equal(doc.layers.attribution!.length, 0);
});

test("a nested report builds a chain from the original speaker to the reporter", () => {
  const doc = analyse("The Courier reports, citing AP, that the minister said the border was closed.");
  const chain = doc.layers.attribution![0].chain.map((l) => spanText(doc, l.source));
  assert.deepEqual(chain, ["the minister", "AP", "The Courier"]);
});

test("a one-line document of thousands of words is annotated in linear time", () => {
  const text = "Officials said that the army moved and analysts argue it did not ".repeat(5000);
  const t0 = performance.now();
  analyse(text);
  assert.ok(performance.now() - t0 < 2000);
});

test("a hearsay adverb before a speech verb names no source", () => {
  assert.deepEqual(sources("Inspectors had reportedly warned the operator about leaks last spring."), [[null, null]]);
  assert.deepEqual(sources("The memo allegedly told staff to delete the files."), [[null, null]]);
});

test("a passive cue's subject is not a speaker", () => {
  assert.deepEqual(sources("Results are confirmed only after a second count."), [[null, null]]);
  assert.deepEqual(sources("He is said to have left the country."), [[null, null]]);
});

test("a time adjunct between the subject and its verb is skipped", () => {
  assert.deepEqual(sources("The agency on Friday denied that the data was lost."), [["The agency", "denied"]]);
});

test("a name set off by commas after its role is the speaker", () => {
  assert.deepEqual(sources("Its chief executive, Dana Molk, said the plant was safe."), [["Dana Molk", "said"]]);
  assert.deepEqual(sources("The governor, Ivo Rask, has said that roads will reopen."), [["Ivo Rask", "said"]]);
});

test("a verb joined by 'and' shares the first verb's speaker", () => {
  const doc = analyse("The union says 40 workers were hurt and accuses the owners of negligence.");
  assert.deepEqual(doc.layers.attribution!.map((a) => [spanText(doc, a.chain[0].source), spanText(doc, a.chain[0].cue)]), [["The union", "says"], ["The union", "accuses"]]);
});

test("a party before a place phrase is the source, and the outlet's own reporter counts", () => {
  assert.deepEqual(sources("Officials in Brenna said the water was falling."), [["Officials in Brenna", "said"]]);
  assert.deepEqual(sources("Our correspondent in Brenna says the square is dry."), [["Our correspondent in Brenna", "says"]]);
});

test("a source resolves to the entity that is its head, and a definite description to the body named before", () => {
  const text = "Neighbouring Veldra said 11 people died. The Roads Agency closed the bridge. The agency said it would reopen.";
  const doc = segment(createDoc({ id: "t", text, meta: {} }));
  const at = (phrase: string) => text.indexOf(phrase);
  doc.layers.entities = [
    { start: at("Veldra"), end: at("Veldra") + 6, sentence: 0, annotator: "entities", evidence: [], canonical: "Veldra", type: "country" },
    { start: at("Roads Agency"), end: at("Roads Agency") + 12, sentence: 1, annotator: "entities", evidence: [], canonical: "Roads Agency", type: "organization" },
  ];
  attribution().run(doc);
  assert.deepEqual(toClaimRecords(doc).map((r) => r.source), ["Veldra", null, "Roads Agency"]);
});

test("a description of a title named earlier resolves to that person: the head of state is the president", () => {
  const records = sources("Valdorian President Ana Brel said the border would stay open. “We will not close it,” the head of state said on Monday.");
  assert.deepEqual(records[1], ["Ana Brel", "said"]);
});

test("the parse finds the source the cue list misses: the subject of a reporting verb, through a coordination", () => {
  const doc = segment(createDoc({ id: "t", text: "Trump waved to the crowd and said the polls were rigged. Responding to it would confirm that they lost.", meta: {} }));
  doc.layers.entities = [];
  syntax().run(doc);
  attribution().run(doc);
  assert.deepEqual(toClaimRecords(doc).map((r) => [r.source, r.cue]), [["Trump", "said"], [null, null]]);
  assert.equal(spanText(doc, doc.layers.attribution![0]), "the polls were rigged");
});

/** Records of a text run through the whole default pipeline (entities and the parse included). */
const pipelineSources = (text: string) => toClaimRecords(defaultPipeline().run(createDoc({ id: "t", text, meta: {} }))).map((r) => r.source);

test("'he said' is the person the passage is about, not the last name it mentioned, and 'she' skips a man", () => {
  const text =
    "Retired Gen. Norman Ham spoke about his years in the army. " +
    "“Now that I am retired,” he told the host, “it was demoralizing to work for Barack Obama.” " +
    "“Sequestration severely handicapped our military,” he said. " +
    "Hillary Clinton met the family of Terence Crutcher on Tuesday. “This is just unbearable,” she said.";
  assert.deepEqual(pipelineSources(text), [null, "Norman Ham", "Norman Ham", null, "Hillary Clinton"]);
});

test("every sentence of a quotation that runs over several sentences is the speaker's, up to where it closes", () => {
  const text =
    "“The cuts hurt us,” Ham said. “It was demoralizing. We were not allowed to train.” The budget passed in March.\n\n" +
    "\"I think she has to contrast. And start talking about the issues,\" Sanders said. Trump is 6'3\" tall. He weighs 236 pounds.";
  assert.deepEqual(pipelineSources(text), ["Ham", "Ham", "Ham", null, "Sanders", "Sanders", null, null]);
});

test("a quotation credited after a dash at the end of its line is the named person's", () => {
  const text = "“He represents our greatest shame.” ― Sonya Herridge\n“He makes blanket statements.”― Pamela Padilla";
  assert.deepEqual(sources(text).map(([s, c]) => [s, c]), [["Sonya Herridge", "―"], ["Pamela Padilla", "―"]]);
});

test("a headline that quotes a person the article names is theirs; one without a quote is not", () => {
  const text = "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments\n\nNew Jersey Gov. Chris Christie spoke on Tuesday.";
  assert.deepEqual(pipelineSources(text), ["Chris Christie", null]);
  assert.deepEqual(pipelineSources("Chris Christie Visits Police Station In Tulsa\n\nNew Jersey Gov. Chris Christie spoke on Tuesday."), [null, null]);
});

test("a cue inside a quotation is part of what its speaker says", () => {
  const text =
    "“I would answer the question, and he would say, ‘uh huh,’ and turn to the young man,” Lynch said.\n\n" +
    "“We’re on our fourth secretary of defense,” Ham said. “There’s a reason for that. None of them gave Obama the answer that he wanted.”";
  assert.deepEqual(pipelineSources(text), ["Lynch", "Ham", "Ham", "Ham"]);
});

test("a passive cue's agent is the speaker, and 'the bureau' is the bureau the text named", () => {
  assert.deepEqual(sources("The figure was stated by the Interior Ministry on Monday."), [["the Interior Ministry", "stated"]]);
  const text = "The Statistics Bureau(SB) says 312 people died. The bureau said the toll may rise.";
  assert.deepEqual(pipelineSources(text), ["Statistics Bureau", "Statistics Bureau"]);
});

test("a report set against another by 'while' is its own, and each figure keeps who gave it", () => {
  const doc = defaultPipeline().run(createDoc({ id: "t", text: "The ministry said 3,000 troops arrived, while Kyiv said 10,000 soldiers had come.", meta: {} }));
  assert.deepEqual(doc.layers.attribution!.map((a) => spanText(doc, a)), ["3,000 troops arrived", "10,000 soldiers had come"]);
  const [record] = toClaimRecords(doc);
  assert.equal(record.source, "The ministry");
  assert.deepEqual(record.quantities.map((q) => [q.min, q.source]), [[3000, undefined], [10000, "Ukraine"]]);
});

test("'continued' tags a quotation it follows or a statement it opens with a colon; on its own it reports nothing", () => {
  const text = "Clinton spoke on Tuesday. “Maybe I can say, look, this is not who we are,” she continued. The fighting continued.";
  assert.deepEqual(pipelineSources(text), [null, "Clinton", null]);
});

test("claiming a tax loss or a toll of lives is a deed, not a statement; claiming wealth is a statement", () => {
  assert.deepEqual(pipelineSources("The Times on Saturday wrote that Trump had claimed a loss of $916 million in 1995."), ["Times"]);
  assert.deepEqual(pipelineSources("He claimed vast wealth and said it ensured he was not beholden to special interests."), ["He"]);
});

test("a plural or a record of what was found is a source; a poll's share of respondents is not", () => {
  assert.deepEqual(sources("Scott's relatives watched the police videos on Thursday, according to their attorneys."), [["their attorneys", "according to"]]);
  assert.deepEqual(sources("About 9.9 million single mothers live in the United States, according to federal statistics."), [["federal statistics", "according to"]]);
  assert.deepEqual(pipelineSources("Data from the 2014 American Community Survey show that women represented about 41 percent of the workforce."), ["American Community Survey"]);
  assert.deepEqual(sources("Another 19 percent said they would not pick either candidate."), [[null, null]]);
});

test("a transcript's turn is its labelled speaker's, sentence by sentence, even after a stray opening quotation mark", () => {
  const text = `"WALLACE: Let's start with the debate. Will Gennifer Flowers be there?\n\n"PENCE: Gennifer Flowers will not be attending. Donald Trump was using the tweet to mock an effort.`;
  assert.deepEqual(sources(text).map(([source]) => source), ["WALLACE", "WALLACE", "PENCE", "PENCE"]);
});

test("a participle's speaker is the subject of the clause it hangs from, read from the parse", () => {
  assert.deepEqual(pipelineSources("Trump refuses to release his returns, saying they are under audit."), ["Trump"]);
});

test("a relative pronoun before a cue is its source, standing for the party its clause describes", () => {
  const doc = segment(createDoc({ id: "t", text: "The endeavors could offer a retort to both Democrats and Republicans, who have questioned Europe's reliance on the United States for defense. Ted Cruz endorses Trump, who says he is honored.", meta: {} }));
  doc.layers.entities = [];
  syntax().run(doc);
  attribution().run(doc);
  const links = doc.layers.attribution!.map((a) => a.chain[0]);
  assert.deepEqual(links.map((l) => [spanText(doc, l.source), l.resolved, spanText(doc, l.cue)]), [["who", "Republicans", "questioned"], ["who", "Trump", "says"]]);
  assert.deepEqual(toClaimRecords(doc).map((r) => r.source), ["Republicans", "Trump"]);
  // the pronoun that is what is said is no speaker: "which advocates say disadvantages needy schools"
  assert.deepEqual(pipelineSources("Parents protested the state funding system, which advocates say disadvantages needy schools."), ["advocates"]);
  // a clause that restricts its noun makes a kind of people, not a source
  assert.deepEqual(pipelineSources("They wring their hands about lawmakers who mention the tax."), [null]);
});

test("where the words beside a cue give no source, the parse's subject of the cue verb is the speaker", () => {
  // a coordinated verb after one that is no cue
  assert.deepEqual(pipelineSources("A reporter for the Post spotted Stein and her press secretary and reported her presence on Twitter."), ["A reporter for the Post"]);
  // a subject opening the sentence, across two appositions, rather than the words after the verb
  assert.deepEqual(pipelineSources("Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said North Korea's latest provocation cannot be left without consequences."), ["Jean Marc Ayrault"]);
  // a noun the tagger took for a verb is no cue: "supply and demand"
  assert.deepEqual(pipelineSources("In my judgment the only policy that will work will be for effective supply and demand to be in balance."), [null]);
});

test("what a verb reports ends with a subordinate clause of its own that opens the sentence", () => {
  const contents = (text: string) => {
    const doc = defaultPipeline().run(createDoc({ id: "t", text, meta: {} }));
    return doc.layers.attribution!.map((a) => spanText(doc, a));
  };
  assert.deepEqual(contents("Though she called the bank's behavior “outrageous,” Clinton restricted comments about breaking up big banks."), ["the bank's behavior “outrageous,”"]);
  // a concession after the content stays in it: the linker compares what the sentence says
  assert.deepEqual(contents("He claimed that paying no income taxes was smart, although he again refused to release his returns."), ["paying no income taxes was smart, although he again refused to release his returns"]);
});

test("a pronoun's finding that opens a clause names its speaker; a pronoun's finding of a thing is no statement", () => {
  assert.deepEqual(pipelineSources("He suggested that profiting off the housing collapse was good business."), ["He"]);
  assert.deepEqual(pipelineSources("They found a way through the Clean Air Act of 1970."), [null]);
});

test("a pronoun's speech verb set off by commas before 'and' is a verb, not a noun in a list", () => {
  assert.deepEqual(sources("Many of the visitors were older, she said, and the lines were long."), [["she", "said"]]);
  assert.deepEqual(sources("People got credit cards in the mail they never asked for or just were confused."), [[null, null]]);
});

test("'She continued, “…' and 'Limbaugh continued: “…' open a quotation with its speaker", () => {
  assert.deepEqual(sources("She continued, “For us, all we are asking for is an opportunity to be heard.”"), [["She", "continued"]]);
  assert.deepEqual(sources("Limbaugh continued: “They are demanding this.”"), [["Limbaugh", "continued"]]);
  // going on with anything else is no speech
  assert.deepEqual(sources("The rally continued, and the crowd cheered."), [[null, null]]);
});

test("a statement noun heads the source after 'according to' rather than ending it", () => {
  assert.deepEqual(sources("Pence was the winner of the debate, according to the post-debate analysis."), [["the post-debate analysis", "according to"]]);
  // the analysis's author speaks
  assert.deepEqual(sources("According to an analysis by the Tax Policy Center, taxes would go up."), [["the Tax Policy Center", "According to"]]);
});

test("what 'according to' closes is the sentence before it, not the apposition after its source", () => {
  const doc = analyse("Some Americans would see their taxes go up under the plan, according to an analysis by Lily Batchelder, a former Democratic tax aide.");
  assert.equal(spanText(doc, doc.layers.attribution![0]), "Some Americans would see their taxes go up under the plan");
  // opening the sentence, its content follows the source
  const opening = analyse("According to federal data, 70 percent of the children are born to unmarried mothers.");
  assert.equal(spanText(opening, opening.layers.attribution![0]), "70 percent of the children are born to unmarried mothers");
});

test("'it' speaks for the document or body it stands for with a verb of speech, and with no other cue", () => {
  assert.deepEqual(sources("“He has managed to erase much of his debt,” it added."), [["it", "added"]]);
  assert.deepEqual(sources("The average weekly benefit, it says, would be $300."), [["it", "says"]]);
  assert.deepEqual(sources("It suggests the storm will pass."), [[null, null]]);
});

test("a cue word with an owner before it is a noun: 'Editor's note:', 'Oz's show'; an owned statement noun still names its source", () => {
  assert.deepEqual(pipelineSources("Editor’s note: Donald Trump regularly incites political violence."), [null]);
  assert.deepEqual(pipelineSources("But for Donald Trump, Oz's show proved to be a safe space."), [null]);
  assert.deepEqual(pipelineSources("The ministry's statement that the bridge was closed surprised no one."), ["The ministry"]);
});

test("an -ing cue after a form of 'be' is the verb of a speech even when the tagger reads a noun; 'a warning' stays a noun", () => {
  assert.deepEqual(pipelineSources("Donald Trump is warning that a Clinton victory would bring scandal back."), ["Donald Trump"]);
  assert.deepEqual(pipelineSources("He received a warning that the dam would break."), [null]);
});

test("two apostrophes quote as a double quote does (''…'' in archived text): the statement is direct", () => {
  const doc = analyse("''This isn't tax reform,'' said Douglas Holtz-Eakin.");
  assert.deepEqual(doc.layers.attribution!.map((a) => [spanText(doc, a.chain[0].source), a.direct]), [["Douglas Holtz-Eakin", true]]);
});

test("what follows a cue with a verb of its own is what was said, not who said it: 'NAME, who …, said the event brought back …'", () => {
  assert.deepEqual(pipelineSources("Ana Ruiz, who watched the ceremony on a screen near the river, said the event brought back memories of her father."), ["Ana Ruiz"]);
  assert.deepEqual(pipelineSources("“It went well,” said MSNBC host Chris Matthews."), ["Chris Matthews"]);
});

test("a name and a colon opening a headline say who says the rest, whatever verbs the rest holds; a topic label says nothing", () => {
  assert.deepEqual(pipelineSources("Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health"), ["Pat Caddell"]);
  assert.deepEqual(pipelineSources("Ukraine War: Troops Arrive In Kursk"), [null]);
  assert.deepEqual(pipelineSources("Editorial: The Mayor Must Go"), [null]);
});

test("a quote that opened in an earlier sentence and closes before 'X said, going on to …' is what X said", () => {
  const doc = analyse("“The levee held. We are looking at the needs of the city,” Reyl said, going on to thank the crews.");
  assert.deepEqual(doc.layers.attribution!.map((a) => [spanText(doc, a).startsWith("We are looking"), a.direct]), [[false, true], [true, true]]);
});

test("'Having said that,' and 'That said,' turn the writer's argument and report no one", () => {
  assert.deepEqual(sources("Having said that, the levee held. That said, the river is falling."), [[null, null], [null, null]]);
});

test("the paragraph after 'The governor added:' is the governor's, blank line between or not", () => {
  const text = "Reyl spoke on Wednesday. The governor added:\n\nThe levee held. The river is falling.\n\nThe rain stopped later.";
  assert.deepEqual(pipelineSources(text).slice(1), ["The governor", "The governor", "The governor", null]);
});

test("the last sentence of a quotation opened in an earlier one is direct; a quoted phrase inside a report is not", () => {
  const doc = analyse("“The dam is safe. The dam is safe and those rumours are lies,” he said. The mayor called the report “a fabrication,” aides said.");
  assert.deepEqual(doc.layers.attribution!.map((a) => a.direct), [true, true, false]);
});

test("a speaker named after the cue at the end of the sentence is the source whatever subject the parse gives, and a role held for a party is one source", () => {
  assert.deepEqual(pipelineSources("The meeting deteriorated from there, said one opposition aide in the room."), ["one opposition aide"]);
  assert.deepEqual(pipelineSources("The talks had failed, a spokesman for the ministry said."), ["a spokesman for the ministry"]);
  assert.deepEqual(pipelineSources("Talks failed on Monday, lawyers for the family said."), ["lawyers for the family"]);
});

test("who said something once speaks, restricting its noun or not; a kind of people who say things does not", () => {
  assert.deepEqual(pipelineSources("The city hired a contractor who said the bridge was safe."), ["a contractor"]);
  assert.deepEqual(pipelineSources("Analysts who say the plan will fail are few."), [null]);
});

test("a gerund after 'by' shares its clause's subject; a refusal to speak, 'called' naming a noun and a phone call report nothing", () => {
  assert.deepEqual(pipelineSources("The mayor began by saying the budget was balanced."), ["The mayor"]);
  assert.deepEqual(pipelineSources("Kadzik wouldn't say."), [null]);
  assert.deepEqual(pipelineSources("A group called Citizens First organised the rally."), [null]);
  assert.deepEqual(pipelineSources("She called into a radio program on Tuesday."), [null]);
});
