/**
 * Pooling: windowed max/average over time (1D) or height and width (2D), and global pooling that
 * collapses those axes entirely. No weights. Window arithmetic is conv.ts's, so pooling and
 * convolution sizes can never disagree.
 */
import { p, MAX_DIM } from "../core/params.js";
import type { Shape } from "../core/shape.js";
import { knownProduct, lastDim, singlePort } from "./common.js";
import { ints, paddingParam, rankIssue, windowIssue, windowOutput, type Windows } from "./conv.js";
import { defineLayer, ok, type LayerDef } from "./types.js";

type PoolOp = "Max" | "Average";

/** Pooling strides: an empty (null) entry means "the pool size", as Keras's strides=None. */
const resolveStrides = (strides: readonly (number | null)[], pool: readonly number[]): number[] =>
  pool.map((k, i) => strides[i] ?? k);

const windowText = (pool: readonly number[], strides: readonly number[], padding: string): string => {
  const s = strides.every((v) => v === strides[0]) ? String(strides[0]) : strides.join("x");
  return `${pool.join("x")} s${s} ${padding}`;
};

const poolParams = (rank: 1 | 2) => {
  const def = rank === 1 ? [2] : [2, 2];
  return {
    poolSize: p.tuple(def, { min: 1, max: MAX_DIM, doc: "Window size; 2 halves the size when strides is left empty." }),
    strides: p.tuple(def.map(() => null), { min: 1, max: MAX_DIM, nullable: true, doc: "Step between windows; empty means the pool size (non-overlapping windows)." }),
    padding: paddingParam(),
  };
};
type PoolParams = ReturnType<typeof poolParams>;

/** Pooling as the 1x1-channel-preserving cousin of convolution: same window checks and sizes. */
function definePool(op: PoolOp, rank: 1 | 2): LayerDef<PoolParams> {
  const kind = `${op}Pooling${rank}D`;
  const spatial = rank === 1 ? "time axis of a sequence" : "height and width of an image";
  return defineLayer({
    kind,
    title: `${op === "Max" ? "Max" : "Average"} pooling ${rank}D`,
    category: "pooling",
    summary: `${op === "Max" ? "Keeps the largest" : "Averages the"} value${op === "Max" ? "" : "s"} in each window over the ${spatial}, per channel.`,
    params: poolParams(rank),
    ports: () => singlePort,
    infer: ([x], q) => {
      const bad = rankIssue(kind, x, rank + 2, otherRankHint((r) => `${op}Pooling${r}D`, rank, x));
      if (bad) return bad;
      const pool = ints(q.poolSize);
      const w: Windows = { kernel: pool, strides: resolveStrides(q.strides, pool), dilation: pool.map(() => 1), padding: q.padding };
      const issue = windowIssue(kind, x!, w, "poolSize");
      if (issue) return { ok: false, issues: [issue] };
      return ok([x![0]!, ...windowOutput(x!, w), lastDim(x!)]);
    },
    paramCount: () => 0,
    flops: (_in, [y], q) => (y ? knownProduct(y.slice(1)) * knownProduct(ints(q.poolSize)) : 0),
    toKeras: (q) => {
      const pool = ints(q.poolSize);
      const config: Record<string, unknown> = { pool_size: pool, strides: resolveStrides(q.strides, pool), padding: q.padding };
      if (rank === 2) config.data_format = "channels_last";
      return { className: kind, config };
    },
    describe: (q) => windowText(ints(q.poolSize), resolveStrides(q.strides, ints(q.poolSize)), q.padding),
  });
}

/** Names the same pooling of the other rank when a sequence meets a 2D pool or an image a 1D one. */
function otherRankHint(kindOf: (rank: 1 | 2) => string, rank: 1 | 2, x: Shape | undefined): string {
  const other = rank === 1 ? 2 : 1;
  return x && x.length === other + 2 ? `use ${kindOf(other)} for ${other === 2 ? "images" : "sequences"}` : "";
}

function defineGlobalPool(op: PoolOp, rank: 1 | 2) {
  const kind = `Global${op}Pooling${rank}D`;
  const axes = rank === 1 ? "time" : "height and width";
  return defineLayer({
    kind,
    title: `Global ${op === "Max" ? "max" : "average"} pooling ${rank}D`,
    category: "pooling",
    summary: `${op === "Max" ? "Takes the largest value" : "Averages"} over all of ${axes}, leaving one value per channel: batch×channels.`,
    params: {},
    ports: () => singlePort,
    infer: ([x]) => {
      const bad = rankIssue(kind, x, rank + 2, otherRankHint((r) => `Global${op}Pooling${r}D`, rank, x));
      if (bad) return bad;
      return ok([x![0]!, lastDim(x!)]);
    },
    paramCount: () => 0,
    flops: ([x]) => (x ? knownProduct(x.slice(1)) : 0),
    toKeras: () => ({ className: kind, config: rank === 2 ? { data_format: "channels_last" } : {} }),
  });
}

export const MaxPooling1D = definePool("Max", 1);
export const AveragePooling1D = definePool("Average", 1);
export const MaxPooling2D = definePool("Max", 2);
export const AveragePooling2D = definePool("Average", 2);
export const GlobalAveragePooling1D = defineGlobalPool("Average", 1);
export const GlobalMaxPooling1D = defineGlobalPool("Max", 1);
export const GlobalAveragePooling2D = defineGlobalPool("Average", 2);
export const GlobalMaxPooling2D = defineGlobalPool("Max", 2);

export const poolingLayers = {
  MaxPooling1D, AveragePooling1D, MaxPooling2D, AveragePooling2D,
  GlobalAveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling2D, GlobalMaxPooling2D,
};
