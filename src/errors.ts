// One error class for programming and configuration mistakes, each with a code and a hint.
// Trouble with one input is not an error of this kind: it becomes a message or a failed result,
// so that one bad file never stops a batch.

export type ErrorCode =
  | "PIPELINE_MISSING_LAYER"
  | "PIPELINE_UNKNOWN_COMPONENT"
  | "PIPELINE_FROZEN"
  | "BAD_OPTION"
  | "BAD_INPUT"
  | "STORE"
  | "MODEL_MISSING";

export class TriangulateError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(hint ? `${message} (${hint})` : message);
    this.name = "TriangulateError";
    this.code = code;
    this.hint = hint;
  }
}

/** The message of anything thrown, for reports that name the input and the problem. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
