import type { Span, Token } from "../../doc.ts";
import { LETTER, unitClass } from "../../text/chars.ts";

/**
 * The number parser reads tokens cut finer: a token holding digits or hyphens is split into runs of
 * digits, runs of letters and single symbols ("2bn" → "2" "bn", "Catch-22" → "catch" "-" "22"), so
 * the grammar sees every part. A piece is shaped like a Token, so `PhraseMatcher` runs over pieces.
 */
export interface Piece extends Token {
  /** The piece as written (case kept: "M" is a million, "m" a metre). */
  raw: string;
  type: "num" | "word" | "sym";
  /** No white space between this piece and the one before it. */
  glued: boolean;
}

const SPLIT = /\d+|\p{L}+|[^\d\p{L}]/gu;
const NEEDS_SPLIT = /[\d\-–]/;

export function toPieces(text: string, tokens: readonly Token[], from = 0, to = tokens.length): Piece[] {
  const out: Piece[] = [];
  let prevEnd = -1;
  for (let t = from; t < to; t++) {
    const token = tokens[t];
    const raw = text.slice(token.start, token.end);
    if (raw.length > 1 && NEEDS_SPLIT.test(raw)) {
      SPLIT.lastIndex = 0;
      for (let m = SPLIT.exec(raw); m; m = SPLIT.exec(raw)) {
        const start = token.start + m.index;
        out.push(makePiece(m[0], start, prevEnd === start));
        prevEnd = start + m[0].length;
      }
    } else {
      out.push(makePiece(raw, token.start, prevEnd === token.start, token.lower));
      prevEnd = token.end;
    }
  }
  return out;
}

function makePiece(raw: string, start: number, glued: boolean, lower = raw.toLowerCase()): Piece {
  const c = raw.charCodeAt(0);
  const type = c >= 48 && c <= 57 ? "num" : unitClass(raw, 0) & LETTER ? "word" : "sym";
  return { start, end: start + raw.length, lower, raw, type, glued };
}

/** The span from the first to the last of some pieces. */
export const spanOf = (pieces: readonly Piece[], from: number, to: number): Span => ({ start: pieces[from].start, end: pieces[to - 1].end });
