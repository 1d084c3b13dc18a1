/**
 * The autoregressive recipe: the input is its own target, the loss is the negative
 * log-likelihood per dimension in nats with bits per dimension beside it, and it falls on images
 * whose rows are constant (every pixel but each row's first is predictable from the ones before).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prepareTraining } from "../../../runtime/train/session.js";
import { TrainingError } from "../../../runtime/train/errors.js";
import { pixelDoc, rowsDataset } from "../sample/docs.js";
import { tf, trainDoc } from "./support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** The lowest possible loss: only each row's first pixel is a coin flip over `levels` values. */
const floor = (size: number, levels: number) => Math.log(levels) / size;

describe("autoregressive recipe", () => {
  it("Bernoulli: the loss falls towards the rows' entropy and bits per dim is nats / ln 2", async () => {
    const run = await trainDoc(pixelDoc(), rowsDataset(64, 6), { seed: 3 });
    const first = run.epochs[0]!.values, last = run.epochs.at(-1)!.values;
    console.log(`PixelCNN rows 6×6: loss ${first.loss!.toFixed(3)} -> ${last.loss!.toFixed(3)} nats/dim (floor ${floor(6, 2).toFixed(3)})`);
    expect(run.outcome.columns.map((c) => c.name)).toEqual(["loss", "bits_per_dim"]);
    expect(first.loss!).toBeGreaterThan(0.45);
    expect(last.loss!).toBeLessThan(0.3);
    expect(last.loss!).toBeGreaterThan(floor(6, 2) * 0.8);
    for (const e of run.epochs) expect(e.values.bits_per_dim!).toBeCloseTo(e.values.loss! / Math.LN2, 5);
    run.session.dispose();
  });

  it("categorical over 4 grey levels with logits: the loss falls from about ln 4", async () => {
    const doc = pixelDoc({ out: 4, activation: "linear", loss: "sparseCategoricalCrossentropy" });
    const run = await trainDoc(doc, rowsDataset(64, 6, 4), { seed: 4 });
    const first = run.epochs[0]!.values.loss!, last = run.epochs.at(-1)!.values.loss!;
    console.log(`PixelCNN 4 levels: loss ${first.toFixed(3)} -> ${last.toFixed(3)} nats/dim (floor ${floor(6, 4).toFixed(3)})`);
    expect(first).toBeGreaterThan(0.8);
    expect(last).toBeLessThan(first * 0.7);
    run.session.dispose();
  });

  it("downscale shrinks the dataset's images to the network's size", async () => {
    const doc = pixelDoc({ training: { options: { downscale: 2 }, epochs: 2 } });
    const run = await trainDoc(doc, rowsDataset(32, 12), { seed: 5 });
    expect(run.epochs.at(-1)!.values.loss!).toBeLessThan(run.epochs[0]!.values.loss! + 1e-9);
    run.session.dispose();
    await expect(prepareTraining(pixelDoc({ size: 5, training: { options: { downscale: 2 } } }), { dataset: rowsDataset(8, 12), seed: 1 })).rejects.toThrow(
      /images of 12×12×1, which shrunk 2 times \(training.options.downscale\) are not the 5×5×1 that input 'x' takes; set its shape to \[6, 6, 1\]/,
    );
  });

  it.each([
    { o: { out: 2 }, message: /one probability per pixel and channel, 6×6×1, but it gives 6×6×2; set its filters to 1/ },
    { o: { loss: "meanSquaredError" }, message: /binaryCrossentropy \(black and white\) or sparseCategoricalCrossentropy \(grey levels\), not meanSquaredError/ },
    { o: { activation: "relu" }, message: /probabilities \(sigmoid\) or logits \(linear\), not relu/ },
    { o: { training: { options: { threshold: 2 } } }, message: /threshold .* between 0 and 1/ },
  ])("refuses what does not fit, saying what to change: $message", async ({ o, message }) => {
    const err = await prepareTraining(pixelDoc(o), { dataset: rowsDataset(8, 6), seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as Error).message).toMatch(message);
  });
});
