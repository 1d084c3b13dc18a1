/**
 * The seq2seq-attention mini learns to reverse: after 30 steps its accuracy on held-out
 * sequences is well above the 1/8 of guessing, and the attention weights it outputs are a
 * distribution over the 8 source steps for every output step. The slowest test of this folder
 * (recurrent layers unroll 8 steps each way on the cpu backend).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { reverseTask } from "../../../runtime/data/synthetic/tokens.js";
import * as tf from "../../../runtime/tf.js";
import { loadConfig } from "../templates/support.js";
import { trainSteps } from "./support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("seq2seq-attention mini on synthetic:reverse", () => {
  it("reverses held-out sequences far better than chance after 30 steps", async () => {
    const { doc } = loadConfig("seq2seq-attention", "mini");
    const data = reverseTask();
    const { session } = await trainSteps(doc, data, 30);
    const model = session.networks[0]!.model;
    const test = data.gather("test", Int32Array.from({ length: 200 }, (_, i) => i));
    const [accuracy, scores] = tf.tidy(() => {
      const [probs, , weights] = model.predict(tf.tensor(test.x.data, [200, 8], "int32")) as tf.Tensor[];
      const hits = tf.equal(tf.argMax(probs!, -1), tf.tensor(test.y.data, [200, 8], "int32"));
      return [tf.mean(tf.cast(hits, "float32")).dataSync()[0]!, weights!.arraySync() as number[][][][]];
    });
    session.dispose();
    const chance = 1 / 8;
    expect(accuracy, `accuracy ${accuracy}`).toBeGreaterThan(2 * chance);
    // One head, 8 output steps, each a distribution over the 8 source steps.
    expect(scores[0]!.length).toBe(1);
    for (const row of scores[0]![0]!) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  }, 180_000);
});
