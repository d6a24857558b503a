import { test } from "node:test";
import assert from "node:assert/strict";
import { createDoc, spanText, type EntityMention } from "../src/doc.ts";
import { Pipeline } from "../src/extract/pipeline.ts";
import { segmenter } from "../src/extract/segmenter.ts";
import { entities } from "../src/extract/entities.ts";

const pipeline = new Pipeline([segmenter(), entities()]);

function mentions(text: string): EntityMention[] {
  return pipeline.run(createDoc({ id: "t", text, meta: {} })).layers.entities ?? [];
}
const names = (text: string): string[] => [...new Set(mentions(text).map((e) => e.canonical))];

test("demonyms, acronyms and official names resolve to one country name", () => {
  const text = "North Korean troops arrived as the DPRK and the Democratic People's Republic of Korea denied it. U.S. officials and Americans in the US watched.";
  assert.deepEqual(names(text), ["North Korea", "United States"]);
});

test("a capital standing for its government is the country, a capital after 'in' is the city", () => {
  assert.deepEqual(names("Moscow denied the report, and the Kremlin said nothing."), ["Russia"]);
  const seoul = mentions("In Seoul, the president convened an emergency meeting.");
  assert.deepEqual(seoul.map((e) => [e.canonical, e.type]), [["Seoul", "place"]]);
});

test("titles are stripped into evidence and the full name is the canonical", () => {
  const text = "Russian President Vladimir Putin called them serious. Later Putin added nothing.";
  const found = mentions(text);
  const doc = pipeline.run(createDoc({ id: "t", text, meta: {} }));
  assert.deepEqual(found.map((e) => [e.canonical, e.type]), [["Russia", "country"], ["Vladimir Putin", "person"], ["Vladimir Putin", "person"]]);
  assert.deepEqual(doc.layers.entities![1].evidence.map((s) => spanText(doc, s)), ["President", "Vladimir Putin"]);
});

test("an organisation before a role and a name gives both the organisation and the person", () => {
  const found = mentions("Pentagon spokesperson Sabrina Singh said the claim was false, and Singh repeated it.");
  assert.deepEqual(found.map((e) => [e.canonical, e.type]), [["Pentagon", "organization"], ["Sabrina Singh", "person"], ["Sabrina Singh", "person"]]);
});

test("a government body after a country is an organisation of its own", () => {
  const found = mentions("The DPRK Foreign Ministry does not engage in the things of the Russian Defence Ministry.");
  assert.deepEqual(found.map((e) => e.canonical), ["North Korea", "North Korean Foreign Ministry", "Russia", "Russian Defence Ministry"]);
});

test("Korean names with hyphenated or three-part given names stay whole", () => {
  assert.deepEqual(names("Kim Jong Gyu spoke after the Moon Jae-in era ended."), ["Kim Jong Gyu", "Moon Jae-in"]);
});

test("unknown capitalised names become organisations or people", () => {
  const found = mentions("Per the Cleveland Clinic, the Coalition of the Willing would need bases, Zelensky and Budanov said.");
  assert.deepEqual(found.map((e) => [e.canonical, e.type]), [
    ["Cleveland Clinic", "organization"],
    ["Coalition of the Willing", "organization"],
    ["Zelensky", "person"],
    ["Budanov", "person"],
  ]);
});

test("sentence-initial common words, months, weekdays, events and adjectives are not entities", () => {
  assert.deepEqual(names("However, critics spoke on Friday. Critics argue that the Cold War and World War III differ. The Christian view is Asian."), []);
});

test("a place name is read from its preposition or region noun and remembered", () => {
  const found = mentions("Troops are fighting in Kursk and the Kursk region. Kursk is Russian territory.");
  assert.deepEqual(found.map((e) => [e.canonical, e.type]), [["Kursk", "place"], ["Kursk", "place"], ["Kursk", "place"], ["Russia", "country"]]);
});

test("hyphenated country pairs name both countries", () => {
  assert.deepEqual(names("The new North Korea-Russia alliance and DPRK-Russia ties grew."), ["North Korea", "Russia"]);
});

test("a title-case headline yields only known names", () => {
  assert.deepEqual(names("Vice Foreign Minister of DPRK Clarifies Stand on Rumor of Troop Dispatch to Russia"), ["North Korea", "Russia"]);
});

test("a 5,000-word sentence is read in linear time", () => {
  const text = "officials in Kyiv and Moscow met Sabrina Singh, ".repeat(700);
  const start = performance.now();
  assert.equal(mentions(text).length, 2100);
  assert.ok(performance.now() - start < 2000);
});

test("an all-caps dateline is the place the document writes in title case elsewhere", () => {
  const found = mentions("VASKOR, Veldra, 3 May — Rain fell on Vaskor all night.");
  assert.deepEqual(found.filter((e) => e.canonical === "Vaskor").map((e) => e.type), ["place", "place"]);
});

test("a capitalised compound or agent plural opening a sentence is a common word, not a name", () => {
  assert.deepEqual(names("Floodwater covered the square in Brenna. Looters were seen near the station."), ["Brenna"]);
});

test("a title word inside an organisation's name stays in the name", () => {
  assert.deepEqual(names("Patients were taken to Vasko General Hospital overnight."), ["Vasko General Hospital"]);
});

test("an acronym defined in brackets and a body's bare head word resolve to the full name", () => {
  const text = "The National Roads Agency (NRA) closed the bridge. The NRA said repairs would take a week. The Agency gave no date.";
  assert.deepEqual(names(text), ["National Roads Agency"]);
});

test("a demonym of a name the document gives is that name", () => {
  assert.deepEqual(names("Floods hit Veldra on Monday, and the Veldran army sent boats to the coast of Veldra."), ["Veldra"]);
});

test("the word after a live blog's clock time counts as opening the sentence", () => {
  assert.deepEqual(names("14:30 Welcome to our coverage from Brenna."), ["Brenna"]);
});

test("a middle initial stays out of the canonical name, and a given name opens a name after a title's full stop", () => {
  const typed = (text: string) => mentions(text).map((e) => [e.canonical, e.type]);
  assert.deepEqual(typed("Donald J. Trump met Leonard E. Burman, and Burman spoke."), [["Donald Trump", "person"], ["Leonard Burman", "person"], ["Leonard Burman", "person"]]);
  assert.deepEqual(typed("Retired Gen. Norman Ham spoke."), [["Norman Ham", "person"]]);
});

test("the White House, parties by their adjective, US states and streets are named as what they are", () => {
  const typed = (text: string) => mentions(text).map((e) => [e.canonical, e.type]);
  assert.deepEqual(typed("The White House said the GOP nominee lost New Jersey."), [["White House", "organization"], ["Republican Party", "organization"], ["New Jersey", "place"]]);
  assert.deepEqual(typed("The only way Wall Street will change is jail time."), [["Wall Street", "place"]]);
});

test("people named only in a credit line are found; a title-case line names only whom the text names", () => {
  assert.deepEqual(names("The troops left. (Reporting by Ana Petrel in Lindor; Editing by Jane Roe and John Doe)"), ["Ana Petrel", "Lindor", "Jane Roe", "John Doe"]);
  assert.deepEqual(names("Questions Surround the Plan\nThe plan was criticised."), []);
  assert.deepEqual(names("Vladimir Putin Speaks\nRussian President Vladimir Putin spoke on Monday."), ["Vladimir Putin", "Russia"]);
});

test("an agency written in capitals with a hyphen is one name; two known names joined by one are two", () => {
  assert.deepEqual(mentions("The agency ANP-XYZ said the toll rose.").map((e) => [e.canonical, e.type]), [["ANP-XYZ", "organization"]]);
  assert.deepEqual(names("US-UK talks resumed."), ["United States", "United Kingdom"]);
});

test("a body with a saint's possessive or an 'of the' title in its name is one organisation", () => {
  const typed = (text: string) => mentions(text).map((e) => [e.canonical, e.type]);
  assert.deepEqual(typed("She studied at St Mary's College Dublin last year."), [["St Mary's College Dublin", "organization"]]);
  assert.deepEqual(typed("The Office of the Chief Statistician said 312 people died."), [["Office of the Chief Statistician", "organization"]]);
});

test("a body whose name opens with what it is stays a body: Radio Ormen", () => {
  assert.deepEqual(mentions("Radio Ormen reported the toll.").map((e) => [e.canonical, e.type]), [["Radio Ormen", "organization"]]);
});

test("the surname of a person the text has named is that person after 'in' or 'at', not a place", () => {
  const found = mentions("Hillary Clinton won the primary. There was joy in Clinton's campaign and at Clinton headquarters, and in Iowa.");
  assert.deepEqual(found.map((e) => [e.canonical, e.type]), [["Hillary Clinton", "person"], ["Hillary Clinton", "person"], ["Hillary Clinton", "person"], ["Iowa", "place"]]);
});

test("a month's abbreviation is a date, not a name; a name that shares it stays one", () => {
  assert.deepEqual(names("The vote is on Nov. 8, and the count ends Sept. 12. Its chair is Jan Smith."), ["Jan Smith"]);
});

test("a party's adjective opening a body's name is part of it; the party alone is the party", () => {
  assert.deepEqual(names("Donna Brazile chairs the Democratic National Committee."), ["Donna Brazile", "Democratic National Committee"]);
  assert.deepEqual(names("The Democratic Party won, and Democrats cheered."), ["Democratic Party"]);
});

test("a people named by two demonyms is no place and no name; two names joined by a hyphen stay two", () => {
  assert.deepEqual(names("Many African-American voters and Mexican-Americans stayed home."), []);
  assert.deepEqual(names("The Korea-Russia talks began."), ["South Korea", "Russia"]);
});

test("a people named by an adjective ('Latino voters', 'Hispanic families') is no one entity", () => {
  assert.deepEqual(names("Latino voters and Hispanic families in Texas stayed home."), ["Texas"]);
});
