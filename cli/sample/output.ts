/** How `layerloom sample` shows what it drew: a PNG grid for images, lines of text otherwise. */
import { PNG } from "pngjs";
import { imageGrid, type SampleResult } from "../../runtime/sample/index.js";

/** The sample as text lines (text, points, neighbour lists), or undefined for images. */
export function sampleLines(result: SampleResult): string[] | undefined {
  switch (result.kind) {
    case "images":
      return undefined;
    case "text":
      return [result.prompt + result.text];
    case "points":
      return result.points.map((p, i) => `${p.map((v) => +v.toFixed(4)).join(" ")}${result.labels ? `  ${result.labels[i]}` : ""}`);
    case "neighbours":
      return result.entries.map((e) =>
        e.known ? `${e.word}: ${e.neighbours.map((n) => `${n.word} (${n.similarity.toFixed(2)})`).join(", ")}` : `${e.word}: not in the vocabulary`,
      );
  }
}

/** The images of a result as PNG bytes: a near-square grid, small images scaled up. */
export function samplePng(result: Extract<SampleResult, { kind: "images" }>): { bytes: Uint8Array; columns: number; rows: number } {
  const first = result.images[0]!;
  const scale = Math.max(1, Math.floor(56 / Math.max(first.width, first.height)));
  const columns = Math.ceil(Math.sqrt(result.images.length));
  const grid = imageGrid(result.images, { columns, scale, gap: 2 });
  const png = new PNG({ width: grid.width, height: grid.height });
  png.data = Buffer.from(grid.data.buffer, grid.data.byteOffset, grid.data.byteLength);
  return { bytes: PNG.sync.write(png), columns, rows: Math.ceil(result.images.length / columns) };
}
