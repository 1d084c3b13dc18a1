/**
 * Per-node training statistics as four small bars on a card: activation spread, dead ReLU
 * fraction, gradient norm and update-to-weight ratio, each scaled to 0..1 with its reading in
 * words for the tooltip. Activation spread and gradient norm are relative to the largest in the
 * snapshot (log scale over four decades for gradients); the update ratio is on a fixed log scale
 * around the usual healthy value of about 1e-3.
 */
import type { NodeStatsMsg } from "./protocol.js";

export type BarKey = "act" | "dead" | "grad" | "update";

export interface Bar {
  readonly key: BarKey;
  /** 0..1, or null when the statistic does not apply to this node (no ReLU, no weights). */
  readonly fraction: number | null;
  readonly text: string;
  /** Worth a look: many dead units, or updates far from about 1e-3 of the weights. */
  readonly warn: boolean;
}

export interface Scale {
  readonly maxStd: number;
  readonly maxGrad: number;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const sci = (v: number) => (v === 0 ? "0" : Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? v.toPrecision(3) : v.toExponential(1));

export function scaleOf(nodes: readonly NodeStatsMsg[]): Scale {
  let maxStd = 0, maxGrad = 0;
  for (const n of nodes) {
    if (Number.isFinite(n.actStd)) maxStd = Math.max(maxStd, n.actStd);
    if (n.gradNorm !== null && Number.isFinite(n.gradNorm)) maxGrad = Math.max(maxGrad, n.gradNorm);
  }
  return { maxStd, maxGrad };
}

export function statBars(s: NodeStatsMsg, scale: Scale): Bar[] {
  const grad = s.gradNorm;
  const ratio = s.updateRatio;
  return [
    { key: "act", fraction: scale.maxStd > 0 ? clamp(s.actStd / scale.maxStd) : 0, text: `activations mean ${sci(s.actMean)}, std ${sci(s.actStd)}`, warn: !Number.isFinite(s.actStd) },
    { key: "dead", fraction: s.deadFraction, text: s.deadFraction === null ? "dead ReLU: not a ReLU" : `dead ReLU ${(s.deadFraction * 100).toFixed(0)}%`, warn: (s.deadFraction ?? 0) > 0.5 },
    {
      key: "grad",
      fraction: grad === null ? null : grad > 0 && scale.maxGrad > 0 ? clamp(1 + Math.log10(grad / scale.maxGrad) / 4) : 0,
      text: grad === null ? "gradient: no weights" : `gradient norm ${sci(grad)}`,
      warn: grad !== null && !Number.isFinite(grad),
    },
    {
      key: "update",
      fraction: ratio === null ? null : ratio > 0 ? clamp((Math.log10(ratio) + 6) / 5) : 0,
      text: ratio === null ? "update/weight: no weights" : `update/weight ${sci(ratio)}`,
      warn: ratio !== null && (ratio > 1e-2 || (ratio > 0 && ratio < 1e-6)),
    },
  ];
}

/** One line for the card's tooltip and accessible name. */
export function barsText(step: number, bars: readonly Bar[]): string {
  return `Step ${step}: ${bars.map((b) => b.text).join(" · ")}`;
}
