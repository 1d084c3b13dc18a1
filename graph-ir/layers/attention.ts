/**
 * Attention: multi-head attention with dot-product or additive scores. Keras's own
 * MultiHeadAttention has a different config, so this compiles to the runtime's
 * "LayerloomAttention" class. Contract for that class:
 *
 * Inputs, in this order (a single tensor when inputMode is "self"):
 *   self:            x [B, T, D]                          query = key = value = x
 *   queryValue:      [query [B, Tq, Dq], value [B, Tv, Dv]]  key = value
 *   queryKeyValue:   [query [B, Tq, Dq], value [B, Tv, Dv], key [B, Tv, Dk]]
 * With H = num_heads, K = key_dim, V = value_dim, O = output_dim (all resolved in the config):
 *   q = query·Wq + bq  [B, Tq, H, K]     k = key·Wk + bk  [B, Tv, H, K]     v = value·Wv + bv  [B, Tv, H, V]
 *   score "dot":      s[h,i,j] = (q[i,h] · k[j,h]) / sqrt(K)
 *   score "additive": s[h,i,j] = w[h] · tanh(q[i,h] + k[j,h])          (Bahdanau)
 *   causal: s[h,i,j] = -1e9 where j > i (query step i sees value steps 0..i)
 *   a = softmax over j;  o[i,h] = sum_j a[h,i,j] v[j,h];  y = concat_h(o)·Wo + bo  [B, Tq, O]
 * Outputs: y, and when return_scores also a [B, H, Tq, Tv] (the softmax weights), in that order.
 *
 * Weights, in this order (biases only when use_bias, w only for additive scores):
 *   query_kernel  [Dq, H, K]   query_bias  [H, K]
 *   key_kernel    [Dk, H, K]   key_bias    [H, K]
 *   value_kernel  [Dv, H, V]   value_bias  [H, V]
 *   output_kernel [H, V, O]    output_bias [O]
 *   score_vector  [H, K]
 * => H*K*(Dq + Dk) + H*V*(Dv + O) + (use_bias ? 2*H*K + H*V + O : 0) + (additive ? H*K : 0)
 *   parameters, all trainable.
 * Config (snake_case): input_mode, score, num_heads, key_dim, value_dim, output_dim, causal,
 *   use_bias, return_scores, kernel_initializer, bias_initializer.
 */
import { p, MAX_DIM, type ParamsOf } from "../core/params.js";
import { isKnown, type Dim, type Shape } from "../core/shape.js";
import { glorotUniform, zeros } from "./common.js";
import { readSequence } from "./recurrent.js";
import { defineLayer, fail, ok, type InferResult, type Ports } from "./types.js";

const INPUT_MODES = ["self", "queryValue", "queryKeyValue"] as const;
type InputMode = (typeof INPUT_MODES)[number];

const PORTS_IN: Record<InputMode, readonly string[]> = {
  self: ["x"],
  queryValue: ["query", "value"],
  queryKeyValue: ["query", "value", "key"],
};

const attentionParams = {
  inputMode: p.enum(INPUT_MODES, "self", "self: one input attends to itself; queryValue: query attends to value (used as key too); queryKeyValue: separate key input."),
  score: p.enum(["dot", "additive"], "dot", "dot: scaled dot product (Transformer); additive: w·tanh(q + k) (Bahdanau)."),
  heads: p.int(1, 1, 64, "Number of attention heads."),
  keyDim: p.int(64, 1, MAX_DIM, "Size of each head's query and key projection."),
  valueDim: p.int(0, 0, MAX_DIM, "Size of each head's value projection; 0 means the same as keyDim."),
  causal: p.bool(false, "Each query step only sees value steps at or before it (autoregressive models)."),
  useBias: p.bool(true, "Add biases to the four projections."),
  outputDim: p.int(0, 0, MAX_DIM, "Features per output step; 0 means the same as the query's features."),
  returnScores: p.bool(false, "Also output the attention weights (batch×heads×Tq×Tv) on port \"scores\"."),
};
type AttentionParams = ParamsOf<typeof attentionParams>;

interface Operands {
  readonly tq: Dim;
  readonly tv: Dim;
  readonly dq: number;
  readonly dk: number;
  readonly dv: number;
}

/** Reads query, value and key from the inputs in port order, or the issue to report. */
function operands(inputs: readonly Shape[], mode: InputMode): { ok: true; v: Operands } | { ok: false; issue: InferResult } {
  const names = PORTS_IN[mode];
  const seqs: { time: Dim; features: number }[] = [];
  for (let i = 0; i < names.length; i++) {
    const s = readSequence(inputs[i], "Attention", names[i]);
    if (!s.ok) return s;
    seqs.push(s);
  }
  const [query, value, key] = [seqs[0]!, seqs[1] ?? seqs[0]!, seqs[2] ?? seqs[1] ?? seqs[0]!];
  if (isKnown(key.time) && isKnown(value.time) && key.time !== value.time) {
    return {
      ok: false,
      issue: fail(`Attention needs one key step per value step, but key has ${key.time} steps and value has ${value.time}; feed key and value from sequences of the same length`, { port: "key" }),
    };
  }
  return { ok: true, v: { tq: query.time, tv: value.time, dq: query.features, dk: key.features, dv: value.features } };
}

const resolvedValueDim = (q: AttentionParams) => (q.valueDim === 0 ? q.keyDim : q.valueDim);
const resolvedOutputDim = (q: AttentionParams, dq: number) => (q.outputDim === 0 ? dq : q.outputDim);

/** The weight layout from the file-top comment, as a count. */
export function attentionParamCount(q: AttentionParams, d: { dq: number; dk: number; dv: number }): number {
  const h = q.heads;
  const k = q.keyDim;
  const v = resolvedValueDim(q);
  const o = resolvedOutputDim(q, d.dq);
  const kernels = h * k * (d.dq + d.dk) + h * v * (d.dv + o);
  const biases = q.useBias ? 2 * h * k + h * v + o : 0;
  const scoreVector = q.score === "additive" ? h * k : 0;
  return kernels + biases + scoreVector;
}

export const Attention = defineLayer({
  kind: "Attention",
  title: "Attention",
  category: "attention",
  summary: "Multi-head attention: each query step takes a learned weighted mix of the value steps.",
  params: attentionParams,
  ports: (q): Ports => ({ inputs: PORTS_IN[q.inputMode], outputs: q.returnScores ? ["y", "scores"] : ["y"] }),
  infer: (inputs, q) => {
    const r = operands(inputs, q.inputMode);
    if (!r.ok) return r.issue;
    const { tq, tv, dq } = r.v;
    const y: Shape = ["B", tq, resolvedOutputDim(q, dq)];
    return q.returnScores ? ok(y, ["B", q.heads, tq, tv]) : ok(y);
  },
  paramCount: (inputs, q) => {
    const r = operands(inputs, q.inputMode);
    return r.ok ? attentionParamCount(q, r.v) : 0;
  },
  flops: (inputs, _out, q) => {
    const r = operands(inputs, q.inputMode);
    if (!r.ok || !isKnown(r.v.tq) || !isKnown(r.v.tv)) return 0;
    const { tq, tv, dq, dk, dv } = r.v;
    const h = q.heads;
    const v = resolvedValueDim(q);
    const projections = tq * dq * h * q.keyDim + tv * (dk * h * q.keyDim + dv * h * v) + tq * h * v * resolvedOutputDim(q, dq);
    const mixing = h * tq * tv * (q.keyDim + v);
    return 2 * (projections + mixing);
  },
  toKeras: (q, inputs) => {
    const r = operands(inputs, q.inputMode);
    return {
      className: "LayerloomAttention",
      config: {
        input_mode: q.inputMode,
        score: q.score,
        num_heads: q.heads,
        key_dim: q.keyDim,
        value_dim: resolvedValueDim(q),
        // Resolved from the query when its size is known; 0 (same as query) otherwise.
        output_dim: r.ok ? resolvedOutputDim(q, r.v.dq) : q.outputDim,
        causal: q.causal,
        use_bias: q.useBias,
        return_scores: q.returnScores,
        kernel_initializer: glorotUniform,
        bias_initializer: zeros,
      },
    };
  },
  describe: (q) => `${q.heads}×${q.keyDim} ${q.score}${q.causal ? " causal" : ""}${q.inputMode === "self" ? " self" : ""}`,
});

export const attentionLayers = { Attention };
