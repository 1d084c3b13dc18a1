/** A dataset sample drawn small: image pixels on a canvas, anything else as its text. */
import { useEffect, useRef } from "react";
import type { PreviewMsg } from "./protocol.js";
import styles from "./TrainPanel.module.css";

export function SampleImage({ sample, caption, tone }: { sample: PreviewMsg; caption: string; tone?: "good" | "bad" }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const { width, height, channels, pixels } = sample;
    if (!c || !pixels || !width || !height || !channels) return;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const o = i * channels;
      img.data[i * 4] = pixels[o]!;
      img.data[i * 4 + 1] = pixels[o + (channels === 3 ? 1 : 0)]!;
      img.data[i * 4 + 2] = pixels[o + (channels === 3 ? 2 : 0)]!;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [sample]);
  return (
    <figure className={styles.sample} data-tone={tone}>
      {sample.kind === "image" ? <canvas ref={canvas} width={sample.width} height={sample.height} aria-hidden="true" /> : <code>{sample.text}</code>}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
