/**
 * The Sample tab's result views: sampled images as one grid picture (a canvas at the images' own
 * size, scaled up by CSS with sharp pixels), a generator's points over the training data, the
 * generated text with the prompt marked, and word2vec's neighbour lists.
 */
import { useEffect, useMemo, useRef } from "react";
import { imageGrid } from "../../runtime/sample/grid.js";
import { fitPoints } from "../inspect/pixels.js";
import type { SampleResultMsg } from "./protocol.js";
import { clearGaps, gridScale, planarPoints, textSegments } from "./sample-view.js";
import styles from "./SamplePanel.module.css";
import { crispContext } from "../ui/crisp-canvas.js";

type Result<K extends SampleResultMsg["kind"]> = Extract<SampleResultMsg, { kind: K }>;

const SAMPLE_COLOR = "#e0a13c";
const DATA_COLOR = "#5b9bff";

export function ImageGridView({ result }: { result: Result<"images"> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = useMemo(() => {
    const first = result.images[0]!;
    const columns = Math.ceil(Math.sqrt(result.images.length));
    const g = imageGrid(result.images, { gap: 1, columns });
    clearGaps(g, result.images.length, columns, first.width, first.height, 1);
    return g;
  }, [result]);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx || grid.width === 0) return;
    const img = ctx.createImageData(grid.width, grid.height);
    img.data.set(grid.data);
    ctx.putImageData(img, 0, 0);
  }, [grid]);
  const scale = gridScale(grid.width, grid.height);
  const first = result.images[0]!;
  const labels = result.images.some((i) => i.label !== undefined) ? `, classes ${result.images.map((i) => i.label ?? "?").join(", ")}` : "";
  return (
    <figure className={styles.figure} aria-label="Sampled images">
      <canvas
        ref={ref} className={`${styles.pixels} ${styles.grid}`} width={grid.width} height={grid.height}
        style={{ width: grid.width * scale, height: grid.height * scale }}
        role="img" aria-label={`${result.images.length} sampled images of ${first.width}×${first.height}${labels}`}
      />
      <figcaption>{result.note}</figcaption>
    </figure>
  );
}

export function PointsView({ result, reference }: { result: Result<"points">; reference?: readonly (readonly number[])[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const W = 360, H = 360;
  const dims = result.points[0]?.length ?? 0;
  useEffect(() => {
    const ctx = crispContext(ref.current, W, H);
    if (!ctx) return;
    // One box for both sets, so the samples sit where the data is (or visibly is not).
    const samples = planarPoints(result.points).xy;
    const data = planarPoints(reference ?? []).xy;
    const both = new Float32Array(data.length + samples.length);
    both.set(data);
    both.set(samples, data.length);
    const xy = fitPoints(both, W, H, 14);
    const dot = (i: number, color: string, r: number) => {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(xy[2 * i]!, xy[2 * i + 1]!, r, 0, Math.PI * 2);
      ctx.fill();
    };
    ctx.globalAlpha = 0.45;
    for (let i = 0; i < data.length / 2; i++) dot(i, DATA_COLOR, 2.5);
    ctx.globalAlpha = 1;
    for (let i = data.length / 2; i < both.length / 2; i++) dot(i, SAMPLE_COLOR, 3.5);
  }, [result, reference]);
  return (
    <figure className={styles.figure} aria-label="Sampled points">
      <canvas ref={ref} className={styles.scatter} style={{ width: W, height: H }} role="img" aria-label={`${result.points.length} sampled points${reference ? ` over ${reference.length} training points` : ""}`} />
      <ul className={styles.legend} aria-label="Legend">
        <li><span className={styles.swatch} style={{ background: SAMPLE_COLOR }} />generated ({result.points.length})</li>
        {reference && <li><span className={styles.swatch} style={{ background: DATA_COLOR, opacity: 0.6 }} />training data ({reference.length})</li>}
      </ul>
      <figcaption>
        {result.note}
        {dims > 2 ? ` · drawn by their first two of ${dims} coordinates` : dims === 1 ? " · one coordinate, drawn on a line" : ""}
      </figcaption>
    </figure>
  );
}

export function TextView({ result }: { result: Result<"text"> }) {
  return (
    <figure className={styles.figure} aria-label="Generated text">
      <pre className={styles.text}>
        {textSegments(result.prompt, result.text).map((s, i) =>
          s.prompt ? <mark key={i} className={styles.prompt} title="The prompt">{s.text}</mark> : <span key={i}>{s.text}</span>,
        )}
      </pre>
      <figcaption>The prompt is highlighted · {result.note}</figcaption>
    </figure>
  );
}

export function NeighboursView({ result }: { result: Result<"neighbours"> }) {
  return (
    <figure className={styles.figure} aria-label="Nearest words">
      <table className={styles.words}>
        <thead>
          <tr><th scope="col">Word</th><th scope="col">Nearest words (cosine similarity)</th></tr>
        </thead>
        <tbody>
          {result.entries.map((e) => (
            <tr key={e.word}>
              <th scope="row">{e.word}</th>
              <td>
                {e.known ? e.neighbours.map((n) => `${n.word} ${n.similarity.toFixed(2)}`).join(", ") : <span className={styles.unknown}>not in the vocabulary</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>{result.note}</figcaption>
    </figure>
  );
}
