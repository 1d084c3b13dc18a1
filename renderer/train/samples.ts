/** Dataset samples as the protocol carries them: images as pixels, anything else as short text. */
import type { Dataset, SamplePreview, Split } from "../../runtime/data/types.js";
import type { PreviewMsg } from "./protocol.js";

const short = (xs: ArrayLike<number>, n = 6) => Array.from(xs).slice(0, n).map((v) => +v.toFixed(2)).join(", ") + (xs.length > n ? ", …" : "");

export function toPreview(s: SamplePreview): PreviewMsg {
  switch (s.kind) {
    case "image":
      return { kind: "image", label: s.label, width: s.width, height: s.height, channels: s.channels, pixels: s.pixels };
    case "point":
      return { kind: "point", label: s.label, text: `(${short(s.coords)})` };
    case "sequence":
      return { kind: "sequence", label: s.label, text: `${s.steps} steps: ${short(s.input)}` };
    case "text":
      return { kind: "text", label: s.label, text: `${s.input} → ${s.target}` };
  }
}

export function previewSamples(dataset: Dataset, split: Split, count: number): PreviewMsg[] {
  const n = Math.min(count, dataset.size(split));
  return Array.from({ length: n }, (_, i) => toPreview(dataset.describe(split, i)));
}
