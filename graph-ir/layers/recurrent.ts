/**
 * Recurrent layers: SimpleRNN, LSTM, GRU and the Bidirectional wrapper, as tfjs 4.22 builds them.
 *
 * Weights per cell, with F input features and u units (Keras layout; gates = 1, 4, 3):
 *   kernel [F, gates*u], recurrent_kernel [u, gates*u], bias [gates*u]
 *   => gates * (F*u + u*u + u) parameters.
 * GRU: tfjs only implements reset_after=false (it throws on true), so the GRU has one bias of 3u,
 * not Keras 2+'s default 2*3u. We write reset_after: false into the config so a Keras export
 * builds the same weights.
 */
import { p, MAX_DIM, type ParamsOf } from "../core/params.js";
import { formatShape, isKnown, type Dim, type Shape } from "../core/shape.js";
import { activationParam, singlePort } from "./common.js";
import { defineLayer, fail, ok, type InferResult, type KerasLayerSpec, type LayerDef } from "./types.js";

/** A checked [batch, time, features] input, or the issue to report. */
export type SequenceInput =
  | { readonly ok: true; readonly time: Dim; readonly features: number }
  | { readonly ok: false; readonly issue: InferResult };

/** Sequence layers all need batch×time×features with a known feature size. */
export function readSequence(x: Shape | undefined, layer: string, port = "x"): SequenceInput {
  if (!x) return { ok: false, issue: fail("needs an input", { port }) };
  if (x.length !== 3) {
    const hint = x.length === 2
      ? "add a time axis first (Reshape to time×features, or an Embedding for token ids)"
      : "reshape it to batch×time×features first";
    return { ok: false, issue: fail(`${layer} expects a sequence batch×time×features on "${port}" but gets ${formatShape(x)}; ${hint}`, { port }) };
  }
  const features = x[2]!;
  if (!isKnown(features)) {
    return { ok: false, issue: fail(`${layer} needs a known feature size on "${port}", but the last dimension is ${features}`, { port }) };
  }
  return { ok: true, time: x[1]!, features };
}

const rnnParams = {
  units: p.int(32, 1, MAX_DIM, "Size of the hidden state (and of the output)."),
  activation: activationParam("tanh"),
  returnSequences: p.bool(false, "Output every time step (batch×time×units) instead of only the last (batch×units)."),
  returnState: p.bool(false, "Also output the final state(s) on extra ports: h (and c for LSTM)."),
  dropout: p.float(0, 0, 0.99, "Fraction of input features dropped during training."),
  recurrentDropout: p.float(0, 0, 0.99, "Fraction of the recurrent state dropped during training."),
};
export type RnnParams = ParamsOf<typeof rnnParams>;

interface CellInfo {
  readonly kind: "SimpleRNN" | "LSTM" | "GRU";
  readonly title: string;
  readonly summary: string;
  readonly gates: number;
  readonly states: readonly string[];
  /** Config entries only this cell has. */
  readonly extraConfig: Readonly<Record<string, unknown>>;
}

function rnnParamCount(gates: number, features: number, units: number): number {
  return gates * (features * units + units * units + units);
}

function defineRnn(cell: CellInfo): LayerDef<typeof rnnParams> {
  return defineLayer({
    kind: cell.kind,
    title: cell.title,
    category: "recurrent",
    summary: cell.summary,
    params: rnnParams,
    ports: (q) => ({ inputs: ["x"], outputs: q.returnState ? ["y", ...cell.states] : ["y"] }),
    infer: ([x], q) => {
      const s = readSequence(x, cell.kind);
      if (!s.ok) return s.issue;
      const y: Shape = q.returnSequences ? ["B", s.time, q.units] : ["B", q.units];
      const states: Shape[] = q.returnState ? cell.states.map(() => ["B", q.units]) : [];
      return ok(y, ...states);
    },
    paramCount: ([x], q) => {
      const f = x?.[2];
      return f !== undefined && isKnown(f) ? rnnParamCount(cell.gates, f, q.units) : 0;
    },
    flops: ([x], _out, q) => {
      const t = x?.[1];
      const f = x?.[2];
      if (t === undefined || f === undefined || !isKnown(t) || !isKnown(f)) return 0;
      return 2 * t * cell.gates * (f * q.units + q.units * q.units);
    },
    toKeras: (q) => rnnKeras(cell, q),
    describe: (q) => `${q.units}${q.returnSequences ? " seq" : ""}${q.returnState ? " +state" : ""}`,
  });
}

function rnnKeras(cell: CellInfo, q: RnnParams): KerasLayerSpec {
  return {
    className: cell.kind,
    config: {
      units: q.units,
      activation: q.activation,
      use_bias: true,
      return_sequences: q.returnSequences,
      return_state: q.returnState,
      dropout: q.dropout,
      recurrent_dropout: q.recurrentDropout,
      ...cell.extraConfig,
    },
  };
}

// Gates use the logistic sigmoid as Keras (Python) does; tfjs would default to hard sigmoid.
const CELLS = {
  SimpleRNN: {
    kind: "SimpleRNN", title: "Simple RNN", gates: 1, states: ["h"], extraConfig: {},
    summary: "Plain recurrent layer: the new state is activation(input·W + state·U + b).",
  },
  LSTM: {
    kind: "LSTM", title: "LSTM", gates: 4, states: ["h", "c"],
    extraConfig: { recurrent_activation: "sigmoid", unit_forget_bias: true },
    summary: "Long short-term memory: input, forget and output gates keep a cell state over long sequences.",
  },
  GRU: {
    kind: "GRU", title: "GRU", gates: 3, states: ["h"],
    extraConfig: { recurrent_activation: "sigmoid", reset_after: false },
    summary: "Gated recurrent unit: update and reset gates, fewer weights than an LSTM.",
  },
} as const satisfies Record<string, CellInfo>;

export const SimpleRNN = defineRnn(CELLS.SimpleRNN);
export const LSTM = defineRnn(CELLS.LSTM);
export const GRU = defineRnn(CELLS.GRU);
const RNNS = { SimpleRNN, LSTM, GRU };

const MERGE_MODES = ["concat", "sum", "mul", "ave"] as const;

const bidirectionalParams = {
  layer: p.enum(["LSTM", "GRU", "SimpleRNN"], "LSTM", "The recurrent layer run forwards and backwards."),
  units: p.int(32, 1, MAX_DIM, "Units of each direction."),
  returnSequences: p.bool(false, "Output every time step instead of only the last."),
  mergeMode: p.enum(MERGE_MODES, "concat", "How the two directions combine: concat doubles the feature size; sum, mul and ave keep it."),
};

/** The per-direction layer's params: defaults for everything Bidirectional does not expose. */
function innerParams(q: ParamsOf<typeof bidirectionalParams>): RnnParams {
  return { units: q.units, activation: "tanh", returnSequences: q.returnSequences, returnState: false, dropout: 0, recurrentDropout: 0 };
}

export const Bidirectional = defineLayer({
  kind: "Bidirectional",
  title: "Bidirectional",
  category: "recurrent",
  summary: "Runs a recurrent layer over the sequence in both directions and merges the two results.",
  params: bidirectionalParams,
  ports: () => singlePort,
  infer: ([x], q) => {
    const s = readSequence(x, `Bidirectional ${q.layer}`);
    if (!s.ok) return s.issue;
    const size = q.mergeMode === "concat" ? 2 * q.units : q.units;
    return ok(q.returnSequences ? ["B", s.time, size] : ["B", size]);
  },
  paramCount: ([x], q) => {
    const f = x?.[2];
    return f !== undefined && isKnown(f) ? 2 * rnnParamCount(CELLS[q.layer].gates, f, q.units) : 0;
  },
  flops: (inputs, outputs, q) => 2 * RNNS[q.layer].flops(inputs, outputs, innerParams(q)),
  toKeras: (q) => {
    const inner = rnnKeras(CELLS[q.layer], innerParams(q));
    return { className: "Bidirectional", config: { layer: { class_name: inner.className, config: inner.config }, merge_mode: q.mergeMode } };
  },
  describe: (q) => `${q.layer} ${q.units} ${q.mergeMode}${q.returnSequences ? " seq" : ""}`,
});

export const recurrentLayers = { SimpleRNN, LSTM, GRU, Bidirectional };
