// Word-form guesses shared by the annotators that read verbs without a tagger.

/** Words of five letters or more that end in "-ed" and are not past forms. */
const NOT_PAST = new Set(
  ("indeed speed breed bleed creed greed steed tweed exceed proceed succeed embed hundred kindred sacred naked wicked " +
    "rugged ragged wretched crooked jagged hatred").split(" "),
);

/** Whether a lower-cased word looks like a regular past form or participle: "moved", not "indeed" or "speed". */
export const looksRegularPast = (lower: string): boolean => lower.length >= 5 && lower.endsWith("ed") && !NOT_PAST.has(lower);
