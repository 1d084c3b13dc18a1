/**
 * What importing a model.json gives: a graph document with a report, or a typed error when the
 * file cannot be read as a model at all. Never a throw.
 */
import type { GraphDocument } from "../core/document.js";

/** Why a file is refused as a whole. Stable codes; tools and tests refer to them. */
export type ImportErrorCode =
  | "too-large" // over the size limit, checked before parsing
  | "not-json" // not valid JSON text
  | "too-deep" // nested deeper than the limit, checked before parsing
  | "unsafe-key" // "__proto__", "constructor" or "prototype" used as a key
  | "not-a-model" // JSON, but no Keras or tfjs Layers model in it
  | "unsupported-model" // a model of a kind the import does not read (a tfjs graph model, a subclassed model)
  | "too-many-layers" // more layers than a graph may hold
  | "invalid"; // a model whose structure is broken (a layer list that is not a list, ...)

export interface ImportError {
  readonly code: ImportErrorCode;
  /** What is wrong and what to do, in one or two sentences. */
  readonly message: string;
  /** JSON path of the offending value, when there is one. */
  readonly path?: string;
}

/** Problems with parts of the model: the rest still imports. */
export type ImportIssueCode =
  | "unsupported-layer" // a class Layerloom has no layer for; not imported
  | "bad-config" // a supported class with settings Layerloom cannot represent (absurd sizes, channels_first, ...); not imported
  | "setting-dropped" // imported, but a setting the graph cannot hold was left out (regularizers, constraints, ...)
  | "approximated" // imported with the nearest setting Layerloom has (named in the message)
  | "shared-layer" // a layer called more than once became one node per call (weights no longer shared)
  | "unconnected" // an input of an imported layer came from a layer that was not imported
  | "renamed" // a layer name that is not a valid node id got a new id (the label keeps the name)
  | "weights-invalid" // the weights manifest is malformed or names files outside the model's folder
  | "weights-missing" // a layer with weights has none in the manifest
  | "weights-mismatch" // the manifest's weights for a layer do not have the imported layer's size
  | "weights-unused"; // the manifest has weights for a layer that is not in the graph

export interface ImportIssue {
  readonly code: ImportIssueCode;
  readonly severity: "error" | "warning";
  /** The Keras layer name the issue is about. */
  readonly layer?: string;
  /** The node id it became, when it was imported. */
  readonly nodeId?: string;
  readonly message: string;
}

export interface ImportReport {
  /** Keras layer names that were not imported (unsupported classes and bad configs). */
  readonly unsupported: readonly string[];
  readonly issues: readonly ImportIssue[];
  /** Node id per Keras layer name (the first call's node for a shared layer). */
  readonly nodeIds: ReadonlyMap<string, string>;
  /** Whether the file lists weights (a tfjs model.json with a weightsManifest). */
  readonly hasWeights: boolean;
}

export type ImportResult =
  | ({ readonly ok: true; readonly doc: GraphDocument } & ImportReport)
  | { readonly ok: false; readonly error: ImportError };
