import type { Edit } from "./edits.js";

export type Severity = "error" | "warning";

/** A one-click remedy: a label for the button and the edits it applies as one undo step. */
export interface Fix {
  readonly label: string;
  readonly edits: readonly Edit[];
}

/**
 * A problem found in a document. `code` is stable (see codes.ts) so tools, tests and docs can
 * refer to it; `message` speaks the words of the domain and names what to do.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly nodeId?: string;
  readonly port?: string;
  readonly param?: string;
  readonly fixes?: readonly Fix[];
}
