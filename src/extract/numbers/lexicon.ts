// Word lists the number parser reads: spelled numbers, scales, ordinals, currencies, units, and the
// cue words around a number that make it a bound or an approximation. All keys are lower-case.

/** Cardinal words below a hundred. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["zero", 0], ["nought", 0], ["naught", 0], ["nil", 0],
  ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7], ["eight", 8], ["nine", 9],
  ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13], ["fourteen", 14], ["fifteen", 15], ["sixteen", 16],
  ["seventeen", 17], ["eighteen", 18], ["nineteen", 19],
  ["twenty", 20], ["thirty", 30], ["forty", 40], ["fourty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90],
]);

/** Words that multiply what comes before them; "hundred" and "dozen" multiply only the part below a thousand. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["hundred", 100], ["thousand", 1e3], ["lakh", 1e5], ["lakhs", 1e5], ["million", 1e6], ["crore", 1e7], ["crores", 1e7],
  ["billion", 1e9], ["trillion", 1e12],
  ["dozen", 12], ["dozens", 12], ["dz", 12], ["dzs", 12], ["doz", 12], ["dozs", 12],
]);

/** Plural scale words: a number before them is a count ("3 dozens"); alone they are vague ("thousands of"). */
export const PLURAL_SCALES: ReadonlySet<string> = new Set(["hundreds", "thousands", "millions", "billions", "trillions", "dozens", "lakhs", "crores", "dzs", "dozs"]);

/** Short multipliers written after a numeral: "10k", "$2bn", "1.5m" (m only with money, else metres), "10 bln". */
export const SUFFIX_SCALES: ReadonlyMap<string, number> = new Map([
  ["k", 1e3], ["K", 1e3], ["thousand", 1e3], ["m", 1e6], ["M", 1e6], ["mn", 1e6], ["mln", 1e6], ["mil", 1e6], ["mm", 1e6], ["MM", 1e6],
  ["b", 1e9], ["B", 1e9], ["bn", 1e9], ["bln", 1e9], ["G", 1e9], ["g", 1e9], ["tn", 1e12], ["tln", 1e12], ["trn", 1e12], ["T", 1e12],
]);

/** Ordinal words with their number; plural forms name fractions ("two thirds"). */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = (() => {
  const base: [string, number][] = [
    ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5], ["sixth", 6], ["seventh", 7], ["eighth", 8],
    ["ninth", 9], ["nineth", 9], ["tenth", 10], ["eleventh", 11], ["twelfth", 12], ["thirteenth", 13], ["fourteenth", 14],
    ["fifteenth", 15], ["sixteenth", 16], ["seventeenth", 17], ["eighteenth", 18], ["nineteenth", 19], ["twentieth", 20],
    ["thirtieth", 30], ["fortieth", 40], ["fiftieth", 50], ["sixtieth", 60], ["seventieth", 70], ["eightieth", 80],
    ["ninetieth", 90], ["hundredth", 100], ["thousandth", 1e3], ["millionth", 1e6], ["billionth", 1e9], ["trillionth", 1e12],
  ];
  const out = new Map<string, number>();
  for (const [w, n] of base) {
    out.set(w, n);
    out.set(w + "s", n);
  }
  out.set("quarter", 4).set("quarters", 4).set("half", 2).set("halves", 2);
  return out;
})();

/** Fractions written as one character: "½", "¾". */
export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ["½", 1 / 2], ["⅓", 1 / 3], ["⅔", 2 / 3], ["¼", 1 / 4], ["¾", 3 / 4], ["⅕", 1 / 5], ["⅖", 2 / 5], ["⅗", 3 / 5], ["⅘", 4 / 5],
  ["⅙", 1 / 6], ["⅚", 5 / 6], ["⅐", 1 / 7], ["⅛", 1 / 8], ["⅜", 3 / 8], ["⅝", 5 / 8], ["⅞", 7 / 8], ["⅑", 1 / 9], ["⅒", 1 / 10],
]);

/** Ordinals that need a determiner before them to be ordinals ("the second", not "a second"). */
export const AMBIGUOUS_ORDINALS: ReadonlySet<string> = new Set(["second", "quarter", "quarters", "half", "halves"]);

/** Currency written as a symbol before or after the number. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["$", "USD"], ["€", "EUR"], ["£", "GBP"], ["¥", "JPY"], ["₹", "INR"], ["₽", "RUB"], ["₩", "KRW"], ["₺", "TRY"], ["₴", "UAH"],
  ["₪", "ILS"], ["₡", "CRC"], ["₾", "GEL"], ["₭", "LAK"], ["₦", "NGN"], ["₱", "PHP"], ["₫", "VND"], ["฿", "THB"], ["₿", "BTC"],
  ["元", "CNY"], ["ரூ", "LKR"], ["₨", "PKR"],
]);

/** Letters before a dollar sign that name whose dollar it is ("US$", "C $", "HK$"). */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["us", "USD"], ["u.s.", "USD"], ["u.s", "USD"], ["usd", "USD"], ["c", "CAD"], ["ca", "CAD"], ["can", "CAD"], ["cad", "CAD"],
  ["hk", "HKD"], ["a", "AUD"], ["au", "AUD"], ["aud", "AUD"], ["nz", "NZD"], ["nzd", "NZD"], ["s", "SGD"], ["mex", "MXN"], ["mxn", "MXN"],
]);

/** ISO currency codes, lower-case. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  "usd", "eur", "gbp", "rub", "jpy", "cny", "inr", "krw", "kpw", "uah", "chf", "cad", "aud", "nzd", "hkd", "sgd", "mxn", "brl", "try", "sek",
  "nok", "dkk", "pln", "zar", "ils", "irr", "btc", "rmb",
]);

/** ISO codes and currency words, by lower-case form; multi-word names are matched as phrases. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ...[...CURRENCY_CODES].map((c): [string, string] => [c, c === "rmb" ? "CNY" : c.toUpperCase()]),
  ["dollar", "USD"], ["dollars", "USD"], ["us dollar", "USD"], ["us dollars", "USD"], ["u.s. dollars", "USD"], ["american dollars", "USD"],
  ["canadian dollar", "CAD"], ["canadian dollars", "CAD"], ["australian dollar", "AUD"], ["australian dollars", "AUD"],
  ["hong kong dollars", "HKD"], ["new zealand dollars", "NZD"], ["singapore dollars", "SGD"],
  ["euro", "EUR"], ["euros", "EUR"], ["pound", "GBP"], ["pounds", "GBP"], ["sterling", "GBP"], ["pounds sterling", "GBP"],
  ["pence", "GBX"], ["penny", "GBX"], ["pennies", "GBX"], ["p", "GBX"], ["cent", "USc"], ["cents", "USc"],
  ["yen", "JPY"], ["yuan", "CNY"], ["renminbi", "CNY"], ["chinese yuan", "CNY"], ["kuai", "CNY"],
  ["ruble", "RUB"], ["rubles", "RUB"], ["rouble", "RUB"], ["roubles", "RUB"], ["rupee", "INR"], ["rupees", "INR"],
  ["won", "KRW"], ["hryvnia", "UAH"], ["hryvnias", "UAH"], ["hryvnas", "UAH"], ["lira", "TRY"], ["turkish lira", "TRY"],
  ["franc", "FRF"], ["francs", "FRF"], ["swiss franc", "CHF"], ["swiss francs", "CHF"], ["peseta", "ESP"], ["pesetas", "ESP"],
  ["markka", "FIM"], ["finnish markka", "FIM"], ["guilder", "NLG"], ["guilders", "NLG"], ["dutch guilders", "NLG"],
  ["mark", "DEM"], ["marks", "DEM"], ["deutsche marks", "DEM"], ["peso", "MXN"], ["pesos", "MXN"], ["real", "BRL"], ["reais", "BRL"],
  ["rial", "IRR"], ["rials", "IRR"], ["shekel", "ILS"], ["shekels", "ILS"], ["zloty", "PLN"], ["krona", "SEK"], ["kronor", "SEK"],
  ["krone", "NOK"], ["kroner", "NOK"], ["rand", "ZAR"], ["naira", "NGN"], ["bitcoin", "BTC"], ["bitcoins", "BTC"], ["sen", "SEN"],
  ["satoshi", "SAT"], ["satoshis", "SAT"],
]);

/** Minor units: "3 dollars 50 cents" adds a hundredth of them to the major unit. */
export const MINOR_CURRENCIES: ReadonlySet<string> = new Set(["cent", "cents", "penny", "pence", "pennies"]);

/** Currency words that are also ordinary words, so they count only right after a number. */
export const AMBIGUOUS_CURRENCY: ReadonlySet<string> = new Set(["won", "real", "mark", "marks", "p", "sen", "try", "rand"]);

/** Measure units after a number, by lower-case form, with the unit name kept in the finding. */
export const MEASURE_UNITS: ReadonlyMap<string, string> = new Map([
  ...["km", "kilometre", "kilometres", "kilometer", "kilometers"].map((w): [string, string] => [w, "km"]),
  ...["mile", "miles", "mi"].map((w): [string, string] => [w, "mile"]),
  ...["m", "metre", "metres", "meter", "meters"].map((w): [string, string] => [w, "m"]),
  ...["cm", "centimetre", "centimetres", "centimeters"].map((w): [string, string] => [w, "cm"]),
  ...["mm", "millimetre", "millimetres", "millimeters"].map((w): [string, string] => [w, "mm"]),
  ...["ft", "feet"].map((w): [string, string] => [w, "ft"]),
  ...["kg", "kilogram", "kilograms", "kilo", "kilos"].map((w): [string, string] => [w, "kg"]),
  ...["g", "gram", "grams"].map((w): [string, string] => [w, "g"]),
  ...["t", "tonne", "tonnes", "ton", "tons", "metric tons"].map((w): [string, string] => [w, "t"]),
  ...["lb", "lbs"].map((w): [string, string] => [w, "lb"]),
  ...["l", "litre", "litres", "liter", "liters"].map((w): [string, string] => [w, "l"]),
  ...["ml", "millilitre", "millilitres", "milliliters"].map((w): [string, string] => [w, "ml"]),
  ...["sq km", "km2", "km²", "square kilometres", "square kilometers", "square km"].map((w): [string, string] => [w, "km2"]),
  ...["square miles", "sq mi"].map((w): [string, string] => [w, "mi2"]),
  ...["hectare", "hectares", "ha"].map((w): [string, string] => [w, "ha"]),
  ...["acre", "acres"].map((w): [string, string] => [w, "acre"]),
  ...["barrel", "barrels", "bbl"].map((w): [string, string] => [w, "bbl"]),
  ...["mw", "megawatt", "megawatts"].map((w): [string, string] => [w, "MW"]),
  ...["gw", "gigawatt", "gigawatts"].map((w): [string, string] => [w, "GW"]),
  ...["kwh"].map((w): [string, string] => [w, "kWh"]),
  ...["bcm"].map((w): [string, string] => [w, "bcm"]),
  ...["knots", "mph", "km/h", "kph"].map((w): [string, string] => [w, w]),
  ...["°c", "°f", "degrees"].map((w): [string, string] => [w, "deg"]),
]);

/** Units that may be written glued to the number only ("180ml", "29km"), never as a free word. */
export const GLUED_ONLY_UNITS: ReadonlySet<string> = new Set(["m", "g", "t", "l", "mi", "ha", "ft", "lb"]);

/** Words after "percent" that the percentage is made of. */
export const PERCENT_WORDS: ReadonlySet<string> = new Set(["percent", "percents", "percentage", "per cent", "pct", "percentage points", "percentage point", "%"]);

export type Cue = { bound?: "upper" | "lower"; approximate?: boolean; exact?: boolean };

/** Words before a number that make it a bound or a round figure. */
export const PREFIX_CUES: ReadonlyArray<[string, Cue]> = [
  ...[
    "up to", "at most", "no more than", "not more than", "fewer than", "less than", "under", "below", "a maximum of",
    "maximum of", "as many as", "as much as", "at the most", "no greater than", "smaller than", "lower than", "just under", "just below",
    "no higher than", "no larger than", "no bigger than", "not exceeding", "at most or equal to", "<", "<=", "≤",
    ...orEqual(["less", "smaller", "lower", "fewer"]),
  ].map((w): [string, Cue] => [w, { bound: "upper" }]),
  ...[
    "more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding", "no less than", "not less than",
    "no fewer than", "a minimum of", "minimum of", "greater than", "larger than", "higher than", "well over", "just over", "just above",
    "upward of", "north of", "beyond", "exceed", "exceeds", "exceeded", "surpass", "surpassed", "topped",
    "bigger than", "no lower than", "no smaller than", "at least or equal to", ">", ">=", "≥",
    ...orEqual(["more", "greater", "larger", "bigger", "higher"]),
  ].map((w): [string, Cue] => [w, { bound: "lower" }]),
  ...["equal to", "equals", "equals to", "equaling", "equaling to", "equalling", "equalling to", "exactly", "precisely", "="]
    .map((w): [string, Cue] => [w, { exact: true }]),
  ...[
    "about", "around", "some", "roughly", "approximately", "nearly", "almost", "estimated", "an estimated", "close to", "circa",
    "approx", "approx.", "an approximate", "a reported", "reportedly", "~", "c.", "more or less", "somewhere around", "in the region of",
    "on the order of", "round about",
  ].map((w): [string, Cue] => [w, { approximate: true }]),
];

/** "less than or equal to", "less or equal than", "equal to or less than": a comparative that takes its value in. */
function orEqual(comparatives: string[]): string[] {
  return comparatives.flatMap((c) => [
    `${c} than or equal to`, `${c} or equal than`, `${c} or equal to`, `equal to or ${c} than`, `equal or ${c} than`,
  ]);
}

/** Words after a number that make it a bound or a round figure: "10,000 or more", "20-odd". */
export const SUFFIX_CUES: ReadonlyArray<[string, Cue]> = [
  ...["or more", "and more", "or above", "and above", "or over", "plus", "+", "or greater", "and up", "at least"].map((w): [string, Cue] => [w, { bound: "lower" }]),
  ...["or less", "or fewer", "and less", "or below", "and below", "at most", "at the most", "or under"].map((w): [string, Cue] => [w, { bound: "upper" }]),
  ...["or so", "odd", "-odd", "or thereabouts", "approximately", "roughly"].map((w): [string, Cue] => [w, { approximate: true }]),
];

export const MONTHS: ReadonlySet<string> = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/** Words that put a four-digit number in year context: "in 2022", "since 1953", "the 2022 election". */
export const YEAR_BEFORE: ReadonlySet<string> = new Set([
  "in", "since", "by", "until", "till", "during", "before", "after", "from", "of", "year", "years", "fiscal", "fy", "circa", "through", "to",
  "and", "between", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "the", "'s", "’s", "for", "as", "at", "within",
]);
export const YEAR_AFTER: ReadonlySet<string> = new Set([
  "election", "elections", "vote", "referendum", "poll", "polls", "campaign", "census", "budget", "season", "summit", "olympics",
  "games", "war", "invasion", "offensive", "report", "survey", "law", "act", "agreement", "accord", "treaty", "deal", "crisis",
  "revolution", "coup", "attack", "attacks", "uprising", "protests", "riots", "earthquake", "floods", "meeting", "talks", "visit",
  "plan", "strategy", "levels", "level", "figures", "data", "estimate", "estimates", "edition", "version", "world", "cup", "model",
  "presidential", "parliamentary", "general", "midterm", "midterms", "national", "local", "annexation", "armistice", "ceasefire",
  "constitution", "resolution", "sanctions", "boundary", "border", "borders", "crash", "collapse", "pandemic", "financial", "global",
]);

/** Time-of-day words after a number: "3 pm", "10 a.m.", "5 o'clock", "12:00 GMT". */
export const TIME_AFTER: ReadonlySet<string> = new Set(["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "o’clock", "gmt", "utc", "hrs", "est", "edt", "cet", "bst", "msk", "kst"]);

/** Words before a number that make it part of a name or a label: "No. 5", "Article 5", "number 10". */
export const LABEL_BEFORE: ReadonlySet<string> = new Set([
  "no", "no.", "nos", "nos.", "nr", "nr.", "nrs", "nrs.", "number", "#", "article", "chapter", "section", "page", "pages", "p.", "pp.",
  "paragraph", "resolution", "flight", "route", "highway", "room", "item", "version", "v", "v.", "level", "phase", "stage",
  "round", "episode", "season", "vol", "vol.", "volume", "part", "line", "row", "step", "table", "figure", "fig", "fig.", "ward",
  "district", "block", "gate", "platform", "channel", "unit", "division", "brigade", "regiment", "battalion", "corps", "squadron",
]);

/** Nouns that count as plural without an -s: "3,000 people", "500 personnel". */
export const PLURAL_NOUNS: ReadonlySet<string> = new Set(["people", "men", "women", "children", "police", "personnel", "staff", "troops", "cattle", "military", "crew", "youth", "infantry", "militia"]);

/** Units of time: a number of them is a duration or an age, not a count of things. */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds",
  "decade", "decades", "century", "centuries", "times", "year-old", "years-old", "year-olds",
]);
