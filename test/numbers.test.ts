import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNumbers, readNumeral, type NumberMention } from "../src/extract/numbers/index.ts";

/** The quantities of a sentence as "text=min[-max]" with kind, unit, bound and "~" for approximate. */
function read(text: string, roles = ["quantity"]): string[] {
  return parseNumbers(text)
    .filter((m) => roles.includes(m.role))
    .map((m: NumberMention) => {
      const value = m.min === m.max ? `${m.min}` : `${m.min}-${m.max}`;
      const extra = [m.kind !== "count" ? m.kind : "", m.unit ?? "", m.bound ?? "", m.approximate ? "~" : ""].filter(Boolean).join(" ");
      return `${text.slice(m.start, m.end)}=${value}${extra ? " " + extra : ""}`;
    });
}

test("numerals with separators and decimals are read as one number", () => {
  assert.deepEqual(read("Officials counted 10,000 ballots, 1.5 tonnes of grain and 3,000.50 in cash."), [
    "10,000=10000", "1.5 tonnes=1.5 measure t", "3,000.50=3000.5",
  ]);
  assert.equal(readNumeral("1 234 567.89", 0)?.value, 1234567.89);
  assert.equal(readNumeral("12,34,567", 0)?.value, 1234567);
  assert.equal(readNumeral("1,3", 0)?.value, 1.3);
});

test("spelled-out numbers are read with hyphens, 'and', scales and halves", () => {
  assert.deepEqual(read("Three thousand protesters, ten-thousand flags and 15-hundred police gathered."), [
    "Three thousand=3000", "ten-thousand=10000", "15-hundred=1500",
  ]);
  assert.deepEqual(read("one hundred and twenty delegates came, half a million watched, a dozen left"), [
    "one hundred and twenty=120", "half a million=500000", "a dozen=12",
  ]);
  assert.deepEqual(read("The economy shrank by two point five percent."), ["two point five percent=2.5 percent %"]);
});

test("short scales after numerals multiply them", () => {
  assert.deepEqual(read("The firm raised 10k, then $2bn, then €3.4 billion and 2 million more."), [
    "10k=10000", "$2bn=2000000000 money USD", "€3.4 billion=3400000000 money EUR", "2 million=2000000",
  ]);
  assert.deepEqual(read("Turnout reached 1.2m voters."), ["1.2m=1200000"]);
  assert.deepEqual(read("The 29km road"), ["29km=29 measure km"]);
});

test("ranges keep both ends and share a scale or unit written once", () => {
  assert.deepEqual(read("Estimates ranged from 10,000 to 12,000, or between 100 and 300 a day."), ["10,000 to 12,000=10000-12000", "100 and 300=100-300"]);
  assert.deepEqual(read("between 10,000 to 12,000 soldiers, 3000-5000 more and 3,000–5,000 others"), [
    "10,000 to 12,000=10000-12000", "3000-5000=3000-5000", "3,000–5,000=3000-5000",
  ]);
  assert.deepEqual(read("The bill will cost $10-12 billion and cut emissions 3-5%."), [
    "$10-12 billion=10000000000-12000000000 money USD", "3-5%=3-5 percent %",
  ]);
});

test("'X or Y' is two numbers, not a range", () => {
  assert.deepEqual(read("Three thousand or even ten thousand volunteers may come."), ["Three thousand=3000", "ten thousand=10000"]);
});

test("bounds and approximations are kept as flags on the value", () => {
  assert.deepEqual(read("up to 700 workers, at most 40 ships, no more than 9 jets, fewer than 60 and under 500"), [
    "700=700 upper", "40=40 upper", "9=9 upper", "60=60 upper", "500=500 upper",
  ]);
  assert.deepEqual(read("more than 300, over 2,000, at least 15, upwards of 90 and in excess of 1,000"), [
    "300=300 lower", "2,000=2000 lower", "15=15 lower", "90=90 lower", "1,000=1000 lower",
  ]);
  assert.deepEqual(read("about 80, around 600, some 13,000, roughly 45, nearly 200 and an estimated 5,000"), [
    "80=80 ~", "600=600 ~", "13,000=13000 ~", "45=45 ~", "200=200 ~", "5,000=5000 ~",
  ]);
  assert.deepEqual(read("10,000 or more fled and 20-odd villages burned"), ["10,000=10000 lower", "20=20 ~"]);
});

test("percentages are read in every spelling", () => {
  assert.deepEqual(read("Support fell to 20% from 0.73%, 66 percent and 12 per cent."), [
    "20%=20 percent %", "0.73%=0.73 percent %", "66 percent=66 percent %", "12 per cent=12 percent %",
  ]);
});

test("money is read with its currency as an ISO code", () => {
  assert.deepEqual(read("Kyiv got US$ 150 million, 300 million euros, £8.10 million, 5 billion roubles and C$ 16.4 million."), [
    "US$ 150 million=150000000 money USD", "300 million euros=300000000 money EUR", "£8.10 million=8100000 money GBP",
    "5 billion roubles=5000000000 money RUB", "C$ 16.4 million=16400000 money CAD",
  ]);
  assert.deepEqual(read("It cost 3 dollars 50 cents."), ["3 dollars 50 cents=3.5 money USD"]);
});

test("years, decades, dates and times are recognised and left out of quantities", () => {
  const text = "In 2022, after the 2019 election and since the 1980s, troops left on October 25 and 25 October 2024 at 10:30 GMT.";
  assert.deepEqual(read(text), []);
  assert.equal(read(text, ["year"]).length, 4);
  assert.deepEqual(read(text, ["date"]).map((s) => s.split("=")[0]), ["25", "25"]);
  assert.deepEqual(read("The army sent 2000 soldiers in 2022."), ["2000=2000"]);
});

test("ordinals are recognised as ordinals", () => {
  assert.deepEqual(read("The 3rd brigade and the first battalion lost their twenty-first commander.", ["ordinal"]), ["3rd=3 ordinal", "first=1 ordinal", "twenty-first=21 ordinal"]);
});

test("numbers inside names, list markers and phone numbers are not quantities", () => {
  assert.deepEqual(read("The G7 met over COVID-19 and a Catch-22 while a Boeing 737 and 5G masts burned."), []);
  assert.deepEqual(read("What mattered was 1) Russia and 2) China."), []);
  assert.deepEqual(read("Call +1-202-555-0143 or read Article 5 and Resolution 2231."), []);
});

test("vague amounts are not numbers", () => {
  assert.deepEqual(read("Thousands of people and dozens of tanks, hundreds of thousands more, several thousand others"), []);
});

test("fractions and signed numbers read as values", () => {
  assert.deepEqual(read("two thirds, one and a half, 3/4 and -4.5"), ["two thirds=0.6666666666666666", "one and a half=1.5", "3/4=0.75", "-4.5=-4.5"]);
});

test("opposite bounds side by side make one range, and 'or greater than' belongs to the number after it", () => {
  assert.deepEqual(read("Sales were greater than 30 and less than or equal to 40, at most 100 and at least 20, more than 40 and less than 10."), [
    "30 and less than or equal to 40=30-40", "100 and at least 20=20-100", "40=40 lower", "10=10 upper",
  ]);
  assert.deepEqual(read("The score is 200 or greater than 190, and 30 to 44 and more than 70 percent voted."), [
    "200=200", "190=190 lower", "30 to 44=30-44", "70 percent=70 percent % lower",
  ]);
});

test("comparison signs are bounds and 'equal to' or 'exactly' marks a value exact", () => {
  assert.deepEqual(read("when x>10, y <= -30 or z ≥ 5, but not =<7"), ["10=10 lower", "-30=-30 upper", "5=5 lower", "7=7"]);
  assert.deepEqual(parseNumbers("exactly 500 people, a score equal to 20").map((m) => m.exact), [true, true]);
});

test("numerals go on with number words after their scale", () => {
  assert.deepEqual(read("They paid 3 hundred and 21 yuan, 4 thousand 3 hundred and 6 crore and two hundred."), [
    "3 hundred and 21 yuan=321 money CNY", "4 thousand 3 hundred=4300", "6 crore and two hundred=60000200",
  ]);
  assert.deepEqual(read("The population is 3 million and a half, $3.4 billion and 2 million more."), [
    "3 million and a half=3500000", "$3.4 billion=3400000000 money USD", "2 million=2000000",
  ]);
});

test("fractions are read as parts of the scale word beside them", () => {
  assert.deepEqual(read("a quarter million, two thirds of a million, five and a half million, one billion and a half million"), [
    "a quarter million=250000", "two thirds of a million=666666.6666666666", "five and a half million=5500000",
    "one billion and a half million=1000500000",
  ]);
  assert.deepEqual(read("two and fifty-four hundredths, one hundred and thirty fifths"), ["two and fifty-four hundredths=2.54", "one hundred and thirty fifths=26"]);
  assert.deepEqual(read("the result is ⅔ after 5 ½ years, or 1.3x10^6 cells"), ["⅔=0.6666666666666666", "5 ½=5.5", "1.3x10^6=1300000"]);
});

test("currency codes are read before and after the number, with a scale letter or word", () => {
  assert.deepEqual(read("It cost rmb 10, then 30 MUSD, 75 USD million and 1 $10 bill."), [
    "rmb 10=10 money CNY", "30 MUSD=30000000 money USD", "75 USD million=75000000 money USD", "1=1", "$10=10 money USD",
  ]);
});

test("'one' standing for a noun, lists of numbers and web addresses are read as such", () => {
  assert.deepEqual(read("The one you mentioned, which one, no one, but one of them and 12 out of 10."), ["one=1", "12=12", "10=10"]);
  assert.deepEqual(read("Hosts 192.168.1.2 at https://x.com/?q=30%25 and 5k-20k."), ["192=192", "168=168", "1=1", "2=2", "5k-20k=5000-20000"]);
});

test("amounts named without a number are vague and carry no value", () => {
  const vague = parseNumbers("Thousands of people, hundreds of thousands more and a small percent").filter((m) => m.role === "vague");
  assert.deepEqual(vague.map((m) => [m.kind, Number.isNaN(m.min)]), [["count", true], ["count", true], ["percent", true]]);
});

test("a long one-line document is read in linear time", () => {
  const text = "Some 13,000 troops and 3,000–5,000 more arrived, about 20% of the force. ".repeat(10000);
  const t0 = performance.now();
  const found = parseNumbers(text);
  assert.equal(found.length, 30000);
  assert.ok(performance.now() - t0 < 5000);
  const words = "one two ".repeat(10000); // a run of number words is not re-read from each word
  const t1 = performance.now();
  assert.equal(parseNumbers(words).length, 20000);
  assert.ok(performance.now() - t1 < 5000);
});

test("a range of sums keeps both ends when each carries its sign; 'pounds' after weighing is a weight", () => {
  assert.deepEqual(read("They earn between $30,000 and $60,000 a year, from $5 to $6 an hour."), ["$30,000 and $60,000=30000-60000 money USD", "$5 to $6=5-6 money USD"]);
  assert.deepEqual(read("It costs $5 or €6."), ["$5=5 money USD", "€6=6 money EUR"]);
  assert.deepEqual(read("He weighs 236 pounds and paid a fine of 200 pounds."), ["236 pounds=236 measure lb", "200 pounds=200 money GBP"]);
});

test("numbers in markup left in the text are names, not quantities", () => {
  assert.deepEqual(read('<tweet author="x" timestamp="1474387200" tweet_id="778257943577919500"> 40 people'), ["40=40"]);
  assert.deepEqual(read('They said "40" of them left.'), ['40=40']);
});
