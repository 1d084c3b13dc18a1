/**
 * The Inspect tab's result views: a feature-map grid, a heat map over the input, the optimised
 * input with its objective curve, and the 2-D embedding coloured by class with a legend. Each
 * draws once per result (canvases sized to the data, scaled up by CSS with sharp pixels).
 */
import { useEffect, useRef } from "react";
import { channelPixels, CLASS_COLORS, fitPoints, imagePixels, samplePixels } from "./pixels.js";
import type { InspectImage } from "./protocol.js";
import type { ResultMsg } from "./inspect-store.js";
import styles from "./InspectPanel.module.css";
import { crispContext } from "../ui/crisp-canvas.js";

type Result<K extends ResultMsg["result"]["kind"]> = Extract<ResultMsg["result"], { kind: K }>;

/** Channels drawn at most; the caption says when there are more. */
export const MAX_MAPS = 64;

function Pixels({ width, height, rgba, label, size }: { width: number; height: number; rgba: Uint8ClampedArray; label: string; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    img.data.set(rgba);
    ctx.putImageData(img, 0, 0);
  }, [width, height, rgba]);
  const scale = size / Math.max(width, height);
  return <canvas ref={ref} className={styles.pixels} width={width} height={height} style={{ width: width * scale, height: height * scale }} role="img" aria-label={label} />;
}

export function InputImage({ input, size = 160 }: { input: InspectImage; size?: number }) {
  return <Pixels width={input.width} height={input.height} rgba={samplePixels(input.width, input.height, input.channels, input.pixels)} label={`Input: ${input.label}`} size={size} />;
}

export function FeatureGrid({ result, layer }: { result: Result<"activations">; layer: string }) {
  const { shape, values } = result;
  const channels = shape.length === 3 ? shape[2]! : 1;
  const shown = Math.min(channels, MAX_MAPS);
  return (
    <figure className={styles.figure} aria-label="Feature maps">
      <div className={styles.maps}>
        {Array.from({ length: shown }, (_, c) => {
          const p = channelPixels(shape, values, shape.length === 3 ? c : -1);
          return (
            <figure key={c} className={styles.map}>
              <Pixels {...p} label={`Channel ${c}`} size={shape.length === 3 ? 72 : 320} />
              <figcaption>{shape.length === 3 ? `#${c}` : `${shape[0]} steps × ${shape[1]} features`}</figcaption>
            </figure>
          );
        })}
      </div>
      <figcaption>
        {layer}: {shape.join(" × ")}
        {channels > shown ? ` · the first ${shown} of ${channels} channels` : ""} · each map stretched to its own range
      </figcaption>
    </figure>
  );
}

const METHOD: Readonly<Record<Result<"heatmap">["method"], string>> = { saliency: "Saliency", guided: "Guided back-propagation", gradcam: "Grad-CAM" };

export function HeatmapView({ result, input, className }: { result: Result<"heatmap">; input?: InspectImage; className: string }) {
  return (
    <figure className={styles.figure} aria-label={`${METHOD[result.method]} heat map`}>
      <div className={styles.pair}>
        {input && <InputImage input={input} />}
        <Pixels width={result.width} height={result.height} rgba={result.overlay} label={`${METHOD[result.method]} for class ${className}`} size={160} />
      </div>
      <figcaption>{METHOD[result.method]} for class {className}: bright where the input most raises that class's score.</figcaption>
    </figure>
  );
}

/** The optimisation objective per step; also drawn live while it runs. */
export function ObjectiveCurve({ objective: obj }: { objective: readonly number[] }) {
  let lo = Infinity, hi = -Infinity;
  for (const v of obj) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const path = obj.map((v, i) => `${(i / Math.max(1, obj.length - 1)) * 300},${100 - ((v - lo) / (hi - lo || 1)) * 96 - 2}`).join(" ");
  return (
    <figure className={styles.curve}>
      <svg viewBox="0 0 300 100" width="300" height="100" role="img" aria-label={`Objective over ${obj.length} steps, from ${obj[0]?.toFixed(3)} to ${obj[obj.length - 1]?.toFixed(3)}`}>
        <polyline points={path} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
      </svg>
      <figcaption>Objective: {obj[0]?.toFixed(3)} → {obj[obj.length - 1]?.toFixed(3)} over {obj.length} steps</figcaption>
    </figure>
  );
}

export function OptimizedView({ result, layer, unit }: { result: Result<"optimized">; layer: string; unit: number }) {
  const p = imagePixels(result.shape, result.values);
  return (
    <figure className={styles.figure} aria-label="Optimised input">
      <div className={styles.pair}>
        <Pixels {...p} label={`Input that maximises unit ${unit} of ${layer}`} size={160} />
        <ObjectiveCurve objective={result.objective} />
      </div>
      <figcaption>Unit {unit} of {layer}, realism penalty weight {result.penaltyWeight} (higher: smoother, more natural inputs).</figcaption>
    </figure>
  );
}

export function ScatterView({ result, classNames }: { result: Result<"embedding">; classNames?: readonly string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const W = 360, H = 360;
  useEffect(() => {
    const ctx = crispContext(ref.current, W, H);
    if (!ctx) return;
    const xy = fitPoints(result.points, W, H);
    for (let i = 0; i < result.labels.length; i++) {
      ctx.fillStyle = CLASS_COLORS[result.labels[i]! % CLASS_COLORS.length]!;
      ctx.beginPath();
      ctx.arc(xy[2 * i]!, xy[2 * i + 1]!, 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }, [result]);
  const present = [...new Set(result.labels)].sort((a, b) => a - b);
  const method = result.method === "tsne" ? "t-SNE" : "PCA";
  return (
    <figure className={styles.figure} aria-label={`${method} scatter`}>
      <div className={styles.pair}>
        <canvas ref={ref} className={styles.scatter} style={{ width: W, height: H }} role="img" aria-label={`${method} of ${result.labels.length} test inputs, coloured by class`} />
        {classNames && (
          <ul className={styles.legend} aria-label="Classes">
            {present.map((k) => (
              <li key={k}>
                <span className={styles.swatch} style={{ background: CLASS_COLORS[k % CLASS_COLORS.length] }} />
                {classNames[k] ?? k}
              </li>
            ))}
          </ul>
        )}
      </div>
      <figcaption>
        {method} of {result.labels.length} test inputs
        {result.explained ? ` · variance explained ${result.explained.map((e) => `${(e * 100).toFixed(1)}%`).join(" + ")}` : ""}
        {result.neighbourAccuracy !== undefined ? ` · nearest neighbour in 2-D has the same class ${(result.neighbourAccuracy * 100).toFixed(0)}% of the time` : ""}
      </figcaption>
    </figure>
  );
}
