/**
 * The training progress display: on a terminal, one line redrawn in place a few times a second
 * (epoch, bar, loss and each output's loss, metrics, samples/s, ETA); in a log or a pipe, one
 * line per epoch and nothing in between.
 */
import type { EpochLog } from "../../runtime/train/checkpoint.js";
import type { BatchProgress } from "../../runtime/train/loop.js";
import type { Column } from "../../runtime/train/recipe.js";
import type { Io } from "../io.js";

const REDRAW_MS = 150;

function num(v: number | undefined): string {
  if (v === undefined) return "?";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : v.toFixed(4);
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
}

/** "loss 0.4123 (logits 0.35, aux1 0.41) accuracy 0.87" from values by column name. */
export function valuesText(columns: readonly Column[], values: Readonly<Record<string, number>>, prefix = ""): string {
  const [total, ...rest] = columns;
  if (!total) return "";
  const outputs = rest.filter((c) => c.kind === "loss").map((c) => `${c.name.replace(/_loss$/, "")} ${num(values[prefix + c.name])}`);
  const metrics = rest.filter((c) => c.kind === "metric").map((c) => `${c.name} ${num(values[prefix + c.name])}`);
  return [`${prefix}loss ${num(values[prefix + total.name])}${outputs.length ? ` (${outputs.join(", ")})` : ""}`, ...metrics.map((m) => prefix + m)].join("  ");
}

function bar(done: number, total: number, width = 20): string {
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

export class ProgressDisplay {
  private lastDraw = -Infinity;

  constructor(private readonly io: Io, private readonly columns: readonly Column[], private readonly now: () => number = () => performance.now()) {}

  batch(p: BatchProgress): void {
    if (!this.io.live) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS && p.batch < p.batches) return;
    this.lastDraw = t;
    this.io.live(
      `epoch ${p.epoch}/${p.epochs} ${bar(p.batch, p.batches)} ${p.batch}/${p.batches}  ${valuesText(this.columns, p.values)}  ${Math.round(p.samplesPerSecond)} samples/s  ETA ${duration(p.etaSeconds)}`,
    );
  }

  epoch(log: EpochLog, epochs: number): void {
    this.io.live?.(undefined);
    const hasValidation = Object.keys(log.values).some((k) => k.startsWith("val_"));
    const val = hasValidation ? `  |  ${valuesText(this.columns, log.values, "val_")}` : "";
    this.io.out(`epoch ${log.epoch}/${epochs}  ${valuesText(this.columns, log.values)}${val}  lr ${num(log.learningRate)}  ${Math.round(log.samplesPerSecond)} samples/s  ${duration(log.seconds)}`);
  }

  end(): void {
    this.io.live?.(undefined);
  }
}
