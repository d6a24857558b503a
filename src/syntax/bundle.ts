import { readFileSync, writeFileSync } from "node:fs";
import { LinearModel } from "./linear.ts";

// A model file: "TRIANGULATE-MODEL 1\n", a JSON header line (the model's own data plus, for each
// linear model, its class count and array lengths), then the arrays back to back, little-endian, each
// starting on a 4-byte boundary. Read with one file read and typed-array views: no parsing of weights.

const MAGIC = "TRIANGULATE-MODEL 1\n";

interface LinearHeader {
  classes: number;
  keys: number;
  entries: number;
}

export function writeBundle(path: string, data: object, models: Record<string, LinearModel>): number {
  const linear: Record<string, LinearHeader> = {};
  for (const [name, m] of Object.entries(models)) linear[name] = { classes: m.classes, keys: m.keys.length, entries: m.size };
  const head = Buffer.from(`${MAGIC}${JSON.stringify({ data, linear })}\n`);
  const parts: Buffer[] = [head, Buffer.alloc((4 - (head.length % 4)) % 4)];
  const add = (a: ArrayBufferView) => {
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b, Buffer.alloc((4 - (b.length % 4)) % 4));
  };
  for (const m of Object.values(models)) {
    add(m.keys);
    add(m.starts);
    add(m.entryWeights);
    add(m.entryClasses);
  }
  const out = Buffer.concat(parts);
  writeFileSync(path, out);
  return out.length;
}

export function readBundle<T>(path: string): { data: T; models: Record<string, LinearModel> } {
  const file = readFileSync(path);
  if (file.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${path}: not a Triangulate model file`);
  const newline = file.indexOf(10, MAGIC.length);
  const header = JSON.parse(file.subarray(MAGIC.length, newline).toString()) as { data: T; linear: Record<string, LinearHeader> };
  // a copy aligned to 4 bytes, so every array can be a view of it
  const body = new Uint8Array(file.length);
  body.set(file);
  let at = newline + 1;
  const take = <A>(make: (b: ArrayBuffer, o: number, n: number) => A, n: number, width: number): A => {
    at += (4 - (at % 4)) % 4;
    const a = make(body.buffer, at, n);
    at += n * width;
    return a;
  };
  const models: Record<string, LinearModel> = {};
  for (const [name, h] of Object.entries(header.linear)) {
    const keys = take((b, o, n) => new Int32Array(b, o, n), h.keys, 4);
    const starts = take((b, o, n) => new Int32Array(b, o, n), h.keys + 1, 4);
    const weights = take((b, o, n) => new Float32Array(b, o, n), h.entries, 4);
    const classes = take((b, o, n) => new Uint8Array(b, o, n), h.entries, 1);
    models[name] = new LinearModel(h.classes, keys, starts, classes, weights);
  }
  return { data: header.data, models };
}
