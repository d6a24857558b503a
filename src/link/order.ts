// The story's order of documents: by date ("" for undated, first), then by id, each by UTF-16 code
// units, as SQLite's keys sort them (and PostgreSQL's in a C-collated database, as scripts/pg-cluster.sh
// makes), so the views mostly check an order rather than sort (a 100k-article story's sources list
// 456,000 documents); rows that come otherwise are sorted. For the ISO dates and the slug ids
// (lower-case letters, digits and hyphens) Triangulate makes, it is also the order localeCompare gave.

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date, then document id, in the story's order. */
export const byDateThenDoc = (aDate: string, aDoc: string, bDate: string, bDoc: string): number => byCodeUnits(aDate, bDate) || byCodeUnits(aDoc, bDoc);
