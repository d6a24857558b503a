// Language identification with fastText's lid.176 model, which fasttext.wasm.js ships inside the
// package and reads from disk: nothing is fetched.
import { getLIDModel } from "fasttext.wasm.js";

/** The part of the package's model we use (its bundled .d.ts files do not resolve under NodeNext). */
interface LidModel {
  load(): Promise<unknown>;
  identify(text: string): Promise<{ alpha2: string | null }>;
}

const SAMPLE_CHARS = 1000;
/** Fewer letters than this and the guess is not worth having. */
const MIN_LETTERS = 40;

let model: Promise<LidModel> | undefined;

/** Loads the model once, on first use; later calls share it. */
function lidModel(): Promise<LidModel> {
  model ??= (getLIDModel() as Promise<LidModel>).then(async (lid) => {
    await lid.load();
    return lid;
  });
  return model;
}

/** ISO 639-1 code of the text's language, or undefined when the text is too short to tell. */
export async function identifyLanguage(text: string): Promise<string | undefined> {
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, " ").trim();
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  const result = await (await lidModel()).identify(sample);
  return result.alpha2 ?? undefined;
}
