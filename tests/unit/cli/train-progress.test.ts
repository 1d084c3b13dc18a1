/** The training progress display: redrawn in place on a terminal, one line per epoch in a log. */
import { describe, expect, it } from "vitest";
import type { Io } from "../../../cli/io.js";
import { ProgressDisplay, duration, valuesText } from "../../../cli/train/progress.js";
import type { Column } from "../../../runtime/train/recipe.js";

const columns: Column[] = [
  { name: "loss", kind: "loss", better: "lower" },
  { name: "logits_loss", kind: "loss", better: "lower" },
  { name: "aux1_loss", kind: "loss", better: "lower" },
  { name: "logits_accuracy", kind: "metric", better: "higher" },
];
const values = { loss: 1.25, logits_loss: 1, aux1_loss: 0.8333333, logits_accuracy: 0.5 };
const batch = (n: number) => ({ epoch: 2, epochs: 5, batch: n, batches: 10, step: 10 + n, values, learningRate: 0.01, samplesPerSecond: 412.4, etaSeconds: 75 });
const epochLog = { epoch: 2, values: { ...values, val_loss: 1.5, val_logits_loss: 1.2, val_aux1_loss: 1, val_logits_accuracy: 0.4 }, learningRate: 0.01, seconds: 3.2, samplesPerSecond: 400 };

function io(tty: boolean) {
  const lines: string[] = [];
  const live: (string | undefined)[] = [];
  const target: Io = { out: (t) => void lines.push(t), err: (t) => void lines.push(t), ...(tty ? { live: (t: string | undefined) => void live.push(t) } : {}) };
  return { target, lines, live };
}

describe("training progress", () => {
  it("shows the loss, each output's loss, metrics, samples/s and ETA", () => {
    expect(valuesText(columns, values)).toBe("loss 1.2500 (logits 1.0000, aux1 0.8333)  logits_accuracy 0.5000");
    expect([duration(75), duration(3725), duration(Number.NaN)]).toEqual(["1:15", "1:02:05", "?"]);
  });

  it("redraws one line on a terminal, at most every 150 ms, and always at an epoch's last batch", () => {
    let t = 0;
    const { target, lines, live } = io(true);
    const p = new ProgressDisplay(target, columns, () => t);
    p.batch(batch(1));
    t = 100;
    p.batch(batch(2)); // too soon
    t = 300;
    p.batch(batch(3));
    t = 310;
    p.batch(batch(10)); // last batch
    expect(live).toHaveLength(3);
    expect(live[0]).toBe("epoch 2/5 [##..................] 1/10  loss 1.2500 (logits 1.0000, aux1 0.8333)  logits_accuracy 0.5000  412 samples/s  ETA 1:15");
    p.epoch(epochLog, 5);
    expect(live.at(-1)).toBeUndefined(); // the status line ends before the epoch line
    expect(lines).toEqual(["epoch 2/5  loss 1.2500 (logits 1.0000, aux1 0.8333)  logits_accuracy 0.5000  |  val_loss 1.5000 (logits 1.2000, aux1 1.0000)  val_logits_accuracy 0.4000  lr 0.0100  400 samples/s  0:03"]);
  });

  it("prints nothing between epochs when the output is not a terminal", () => {
    const { target, lines } = io(false);
    const p = new ProgressDisplay(target, columns, () => 0);
    for (let b = 1; b <= 10; b++) p.batch(batch(b));
    expect(lines).toEqual([]);
    p.epoch(epochLog, 5);
    expect(lines).toHaveLength(1);
  });
});
