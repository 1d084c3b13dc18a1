/**
 * Memory: a Neural Turing Machine (Graves et al. 2014) with an LSTM controller, run over a
 * sequence. Compiles to the runtime's "NTMMemory" class. Contract for that class:
 *
 * Input x [B, T, F] (F known); output y [B, T, O]: one output per input step.
 * Sizes: N = memory_slots, M = slot_size, R = read_heads, W = write_heads, C = controller_units,
 *   S = shift_range (shifts -S..S, so 2S+1 shift weights), O = output_dim.
 * Initial state (constants, not weights): controller h = c = 0, memory filled with 1e-6,
 *   read vectors 0, every head's weighting one-hot on slot 0.
 * Each step t:
 *   1. Controller LSTM (Keras gate order i, f, c, o; sigmoid gates, tanh) reads [x_t ; r_{t-1}]
 *      (F + R*M features) and gives h_t [C].
 *   2. Head parameters xi = h_t·heads_kernel + heads_bias [P], split per head, read heads first,
 *      then write heads; within a head, in this order:
 *        key k [M] (tanh), strength beta [1] (softplus), gate g [1] (sigmoid),
 *        shift s [2S+1] (softmax, index j+S is shift j), sharpen gamma [1] (1 + softplus),
 *        write heads only: erase e [M] (sigmoid), add a [M] (tanh).
 *      So P = R*(M + 2S + 4) + W*(3M + 2S + 4).
 *   3. Addressing, per head, against memory Mem [N, M]:
 *        wc = softmax_i(beta * cos(k, Mem[i]))        (cos with 1e-8 added to the norms)
 *        wg = g*wc + (1 - g)*w_{t-1}
 *        ws[i] = sum_{j=-S..S} wg[(i - j) mod N] * s[j + S]      (circular shift)
 *        w = ws^gamma / sum(ws^gamma)
 *   4. Write heads address Mem_{t-1}, then Mem_t = Mem_{t-1} * prod_w (1 - w_w e_w^T) + sum_w w_w a_w^T.
 *   5. Read heads address Mem_t; r_t = concat_r(w_r^T Mem_t) [R*M].
 *   6. y_t = [h_t ; r_t]·output_kernel + output_bias [O] (linear: add an activation after).
 *
 * Weights, in this order, all trainable:
 *   controller_kernel           [F + R*M, 4C]
 *   controller_recurrent_kernel [C, 4C]
 *   controller_bias             [4C]
 *   heads_kernel                [C, P]
 *   heads_bias                  [P]
 *   output_kernel               [C + R*M, O]
 *   output_bias                 [O]
 * => 4C*(F + R*M) + 4C*C + 4C + (C + 1)*P + (C + R*M)*O + O parameters.
 * Config (snake_case): memory_slots, slot_size, read_heads, write_heads, controller_units,
 *   shift_range, output_dim, kernel_initializer, bias_initializer.
 */
import { p, MAX_DIM, type ParamsOf } from "../core/params.js";
import { isKnown } from "../core/shape.js";
import { glorotUniform, singlePort, zeros } from "./common.js";
import { readSequence } from "./recurrent.js";
import { defineLayer, fail, ok } from "./types.js";

const memoryParams = {
  memorySlots: p.int(128, 2, 65536, "N: number of memory rows."),
  slotSize: p.int(20, 1, 4096, "M: length of each memory row."),
  readHeads: p.int(1, 1, 16, "Heads that read one row mix each step."),
  writeHeads: p.int(1, 1, 16, "Heads that erase and add to memory each step."),
  controllerUnits: p.int(100, 1, MAX_DIM, "Units of the LSTM controller."),
  shiftRange: p.int(1, 0, 1024, "Largest location shift per step: 1 allows shifts -1, 0 and +1."),
  outputDim: p.int(8, 1, MAX_DIM, "Features per output step."),
};
type MemoryParams = ParamsOf<typeof memoryParams>;

/** Head parameter vector length P (see file comment). */
export function headParamSize(q: MemoryParams): number {
  const addressing = q.slotSize + 2 * q.shiftRange + 4;
  return q.readHeads * addressing + q.writeHeads * (addressing + 2 * q.slotSize);
}

/** The weight layout from the file-top comment, as a count, for F input features. */
export function memoryParamCount(q: MemoryParams, features: number): number {
  const c = q.controllerUnits;
  const reads = q.readHeads * q.slotSize;
  const controller = 4 * c * (features + reads) + 4 * c * c + 4 * c;
  const heads = (c + 1) * headParamSize(q);
  const output = (c + reads) * q.outputDim + q.outputDim;
  return controller + heads + output;
}

export const Memory = defineLayer({
  kind: "Memory",
  title: "NTM memory",
  category: "memory",
  summary: "Neural Turing Machine: an LSTM controller with read and write heads on an external memory, over a sequence.",
  params: memoryParams,
  ports: () => singlePort,
  infer: ([x], q) => {
    const s = readSequence(x, "Memory");
    if (!s.ok) return s.issue;
    // A circular shift wider than the memory would wrap onto itself.
    if (2 * q.shiftRange + 1 > q.memorySlots) {
      const fit = Math.floor((q.memorySlots - 1) / 2);
      return fail(`shiftRange ${q.shiftRange} allows ${2 * q.shiftRange + 1} shifts but memory has only ${q.memorySlots} slots; use shiftRange ≤ ${fit} or more slots`, {
        param: "shiftRange",
        fixes: [{ label: `Set shiftRange to ${fit}`, action: "setParam", param: "shiftRange", value: fit }],
      });
    }
    return ok(["B", s.time, q.outputDim]);
  },
  paramCount: ([x], q) => {
    const f = x?.[2];
    return f !== undefined && isKnown(f) ? memoryParamCount(q, f) : 0;
  },
  flops: ([x], _out, q) => {
    const t = x?.[1];
    const f = x?.[2];
    if (t === undefined || f === undefined || !isKnown(t) || !isKnown(f)) return 0;
    const { memorySlots: n, slotSize: m, readHeads: r, writeHeads: w, controllerUnits: c, shiftRange: s, outputDim: o } = q;
    const controller = 4 * c * (f + r * m + c);
    const heads = c * headParamSize(q);
    const addressing = (r + w) * n * (m + 2 * s + 1);
    const memory = 2 * w * n * m + r * n * m;
    const output = (c + r * m) * o;
    return 2 * t * (controller + heads + addressing + memory + output);
  },
  toKeras: (q) => ({
    className: "NTMMemory",
    config: {
      memory_slots: q.memorySlots,
      slot_size: q.slotSize,
      read_heads: q.readHeads,
      write_heads: q.writeHeads,
      controller_units: q.controllerUnits,
      shift_range: q.shiftRange,
      output_dim: q.outputDim,
      kernel_initializer: glorotUniform,
      bias_initializer: zeros,
    },
  }),
  describe: (q) => `${q.memorySlots}×${q.slotSize} R${q.readHeads} W${q.writeHeads}`,
});

export const memoryLayers = { Memory };
