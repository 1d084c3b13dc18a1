/**
 * What the analysis pass produces: per node, the resolved definition, params, shapes by port,
 * counts and diagnostics; per document, all diagnostics, totals and per-network summaries.
 */
import type { Diagnostic, Fix } from "../core/diagnostics.js";
import type { BlockDef, GraphDocument, GraphEdge, ParamValue } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import type { AnyLayerDef, Ports } from "../layers/types.js";
import type { AnyStandardBlock } from "../blocks/types.js";
import { severityOf, type DiagnosticCode } from "./codes.js";
import type { GraphIndex } from "./graph-index.js";

/** What a node's kind names. */
export type Resolved =
  | { readonly type: "layer"; readonly kind: string; readonly title: string; readonly def: AnyLayerDef }
  | { readonly type: "block"; readonly kind: string; readonly title: string; readonly block: BlockDef }
  | { readonly type: "standard"; readonly kind: string; readonly title: string; readonly block: AnyStandardBlock };

export interface PassDiagnostic extends Diagnostic {
  readonly code: DiagnosticCode;
  /** A problem inside a block instance: the inner node path from the instance down, e.g. ["b3_5x5"]. */
  readonly inner?: readonly string[];
  /** A problem of a network (or of the training section's use of one). */
  readonly network?: string;
}

/** ok: outputs known. error: the node has an error of its own. blocked: an input is unknown because of a problem upstream. */
export type NodeStatus = "ok" | "error" | "blocked";

export type ShapesByPort = Readonly<Record<string, Shape>>;

export interface NodeAnalysis {
  readonly id: string;
  readonly kind: string;
  readonly resolved: Resolved | undefined;
  /** Params with defaults filled in (a bad stored value is replaced by the default). */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly ports: Ports;
  /** Known input shapes by input port. */
  readonly inputs: ShapesByPort;
  /** Known output shapes by output port; empty when the node cannot compute them. */
  readonly outputs: ShapesByPort;
  readonly paramCount: number;
  readonly flops: number;
  readonly diagnostics: readonly PassDiagnostic[];
  readonly status: NodeStatus;
  /** For a block instance whose inputs are known: its body, expanded and analysed. */
  readonly body?: BodyAnalysis;
}

/** A block instance's body, analysed with the instance's params and input shapes. */
export interface BodyAnalysis {
  /** Inner nodes in topological order (the block's own ports are not nodes here). */
  readonly nodes: readonly NodeAnalysis[];
  /** Inner edges; [BLOCK_IN, port] and [BLOCK_OUT, port] stand for the block's ports. */
  readonly edges: readonly GraphEdge[];
}

export interface NetworkSummary {
  readonly id: string;
  readonly inputs: readonly { readonly nodeId: string; readonly shape: Shape | undefined }[];
  readonly outputs: readonly { readonly nodeId: string; readonly port: string; readonly shape: Shape | undefined }[];
  /** Nodes the outputs depend on, in topological order. */
  readonly nodeIds: readonly string[];
  readonly params: number;
  readonly flops: number;
  /** Errors on the network's nodes and on the network itself. */
  readonly errors: number;
}

export interface Totals {
  readonly params: number;
  readonly flops: number;
}

/** Layers and standard blocks the analysis knows; the registry and the block library by default. */
export interface AnalyzeOptions {
  readonly layers?: Readonly<Record<string, AnyLayerDef>>;
  readonly standardBlocks?: Readonly<Record<string, AnyStandardBlock>>;
}

export interface Analysis {
  readonly doc: GraphDocument;
  /** Node ids in topological order; nodes in or after a cycle come last, in document order. */
  readonly order: readonly string[];
  readonly nodes: ReadonlyMap<string, NodeAnalysis>;
  /** Every diagnostic: document-level first, then per node in topological order, then networks and training. */
  readonly diagnostics: readonly PassDiagnostic[];
  readonly totals: Totals;
  readonly networks: ReadonlyMap<string, NetworkSummary>;
  /** The nodes of one cycle, in wire order, when the graph has one. */
  readonly cycle?: readonly string[];
  /** State reanalyze and canConnect reuse; not part of the result's meaning. */
  readonly internal: AnalysisInternals;
}

/** Where node kinds are looked up, in this order: layers, document blocks, standard blocks. */
export interface KindEnv {
  readonly layers: Readonly<Record<string, AnyLayerDef>>;
  readonly docBlocks: Readonly<Record<string, BlockDef>>;
  readonly standardBlocks: Readonly<Record<string, AnyStandardBlock>>;
}

/** A problem found inside a block body, relative to the block (the instance is added when reported). */
export interface InnerProblem {
  readonly diagnostic: PassDiagnostic;
  /** Inner node path, outermost first; empty for a problem of the body as a whole. */
  readonly path: readonly string[];
}

/** A block body analysed for one (kind, params, input shapes): cached and shared by instances. */
export interface BodyResult {
  /** Shapes by block output port, or undefined when some cannot be computed. */
  readonly outputs: readonly Shape[] | undefined;
  readonly paramCount: number;
  readonly flops: number;
  readonly problems: readonly InnerProblem[];
  readonly body: BodyAnalysis;
}

export interface AnalysisInternals {
  readonly options: AnalyzeOptions | undefined;
  readonly env: KindEnv;
  readonly graph: GraphIndex;
  /** Node analyses by node index of `graph`. */
  readonly results: readonly NodeAnalysis[];
  /** Per entry of doc.networks: node indices its outputs depend on, in topological order. */
  readonly members: readonly (readonly number[])[];
  /** Document blocks that contain themselves, with the chain that shows it. */
  readonly recursive: ReadonlyMap<string, readonly string[]>;
  readonly cache: Map<string, BodyResult>;
}

interface DiagFields {
  readonly message: string;
  readonly nodeId?: string;
  readonly port?: string;
  readonly param?: string;
  readonly fixes?: readonly Fix[];
  readonly inner?: readonly string[];
  readonly network?: string;
}

/** Builds a diagnostic with its code's severity, leaving out absent fields (so results compare equal). */
export function diag(code: DiagnosticCode, f: DiagFields): PassDiagnostic {
  const d: { -readonly [K in keyof PassDiagnostic]: PassDiagnostic[K] } = { code, severity: severityOf(code), message: f.message };
  if (f.nodeId !== undefined) d.nodeId = f.nodeId;
  if (f.port !== undefined) d.port = f.port;
  if (f.param !== undefined) d.param = f.param;
  if (f.fixes !== undefined && f.fixes.length > 0) d.fixes = f.fixes;
  if (f.inner !== undefined) d.inner = f.inner;
  if (f.network !== undefined) d.network = f.network;
  return d;
}
