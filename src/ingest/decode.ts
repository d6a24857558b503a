// Bytes → text. News files arrive as UTF-8 (with or without a BOM), UTF-16 from Windows tools, or
// legacy Windows-1252; a binary file or an empty one is refused with a reason the user can act on.
import iconv from "iconv-lite";

/** A reason one input cannot be read; ingest turns it into `{ok:false, error}`. */
export class InputError extends Error {}

const SAMPLE_BYTES = 8192;
const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes `bytes` to text with `\n` line endings. `charset` (from an HTTP header or a meta tag) is
 * used when iconv-lite knows it and no BOM says otherwise. Throws InputError for binary or empty input.
 */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  const text = normaliseLineEndings(decodeBytes(bytes, charset));
  if (!/\S/.test(text)) throw new InputError("empty");
  if (mostlyControlCharacters(text)) throw new InputError("binary file, not text");
  return text;
}

function decodeBytes(bytes: Uint8Array, charset?: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return buffer.toString("utf8", 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return buffer.toString("utf16le", 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(buffer.subarray(2), "utf16be");
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return iconv.decode(buffer, utf16);
  if (bytes.subarray(0, SAMPLE_BYTES).includes(0)) throw new InputError("binary file, not text");
  const declared = charset?.trim().toLowerCase();
  if (declared && declared !== "utf-8" && declared !== "utf8" && iconv.encodingExists(declared)) {
    return iconv.decode(buffer, declared);
  }
  try {
    return utf8Strict.decode(bytes);
  } catch {
    // Not valid UTF-8: legacy Western text is by far the most common case (curly quotes, accents).
    return iconv.decode(buffer, "windows-1252");
  }
}

/**
 * UTF-16 without a BOM shows as ASCII letters each paired with a NUL byte: NULs at odd offsets for
 * little-endian, at even offsets for big-endian, and almost none on the other side.
 */
function bomlessUtf16(bytes: Uint8Array): "utf16le" | "utf16be" | undefined {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  if (oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return "utf16le";
  if (evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return "utf16be";
  return undefined;
}

/** More than a tenth control characters (other than tab, newline, form feed) in the first few KB. */
function mostlyControlCharacters(text: string): boolean {
  const n = Math.min(text.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return control > n * 0.1;
}

const normaliseLineEndings = (text: string): string => text.replace(/\r\n?/g, "\n");

/** The charset named in a Content-Type header or an HTML `<meta charset>` near the top of a page. */
export function charsetOf(contentTypeOrHead: string | null | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentTypeOrHead ?? "")?.[1];
}
