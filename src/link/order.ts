// The story's order of documents: by date ("" for undated, first), then by id, each by UTF-16 code
// units, as SQLite's ORDER BY and PostgreSQL's COLLATE "C" sort them, so a store hands rows over in
// it and the views need not sort them again. For the ISO dates and the slug ids (lower-case letters,
// digits and hyphens) Triangulate makes, it is also the order String.localeCompare gives, many times
// faster: a 100k-article story's sources list 456,000 documents.

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date, then document id, in the story's order. */
export const byDateThenDoc = (aDate: string, aDoc: string, bDate: string, bDoc: string): number => byCodeUnits(aDate, bDate) || byCodeUnits(aDoc, bDoc);
