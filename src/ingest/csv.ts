// A small RFC 4180 reader: comma-separated fields, double-quoted fields that may hold commas, quotes
// ("" inside quotes) and line breaks. One pass over the text, so it is linear in its length.

export interface CsvRecord {
  /** 1-based line on which the record starts, for naming it in errors. */
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStart = 0; // index where the current unquoted run starts, sliced in one go for speed
  const endField = (end: number) => {
    fields.push(field + text.slice(fieldStart, end));
    field = "";
  };
  const endRecord = (end: number) => {
    endField(end);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\n") line++;
      if (c !== '"') continue;
      field += text.slice(fieldStart, i);
      if (text[i + 1] === '"') {
        field += '"';
        i++;
        fieldStart = i + 1;
      } else {
        quoted = false;
        fieldStart = i + 1;
      }
    } else if (c === '"' && i === fieldStart && field === "") {
      quoted = true;
      fieldStart = i + 1;
    } else if (c === ",") {
      endField(i);
      fieldStart = i + 1;
    } else if (c === "\n") {
      endRecord(i);
      line++;
      recordLine = line;
      fieldStart = i + 1;
    }
  }
  if (fieldStart < text.length || field || fields.length) endRecord(text.length);
  return records;
}
