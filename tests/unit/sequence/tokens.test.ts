/** The token toy tasks: reversal targets are the inputs reversed, majority labels are the unique most frequent token. */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../runtime/data/registry.js";
import { majorityTask, reverseTask } from "../../../runtime/data/synthetic/tokens.js";

describe("synthetic:reverse", () => {
  it("gives token ids and their reversal, the same every time", async () => {
    const data = await loadDataset("synthetic:reverse");
    expect(data.inputShape).toEqual([8]);
    expect(data.inputDtype).toBe("int32");
    expect(data.target).toMatchObject({ kind: "classes", classes: 8, shape: [8] });
    const b = data.gather("train", [0, 1, 2, 3]);
    for (let i = 0; i < 4; i++) {
      const x = Array.from(b.x.data.subarray(i * 8, i * 8 + 8));
      const y = Array.from(b.y.data.subarray(i * 8, i * 8 + 8));
      expect(y).toEqual([...x].reverse());
      expect(x.every((t) => t >= 0 && t < 8)).toBe(true);
    }
    expect(Array.from(data.gather("train", [2]).x.data)).toEqual(Array.from(b.x.data.subarray(16, 24)));
    expect(data.describe("test", 0)).toMatchObject({ kind: "text" });
  });

  it("refuses sizes it cannot make, saying which", () => {
    expect(() => reverseTask({ symbols: 40 })).toThrow(/2 to 26 symbols/);
    expect(() => reverseTask({ steps: 1 })).toThrow(/at least 2 steps/);
  });
});

describe("synthetic:majority", () => {
  it("labels each sequence with its one most frequent token", async () => {
    const data = await loadDataset("synthetic:majority");
    expect(data.target).toMatchObject({ kind: "classes", classes: 4, shape: [] });
    const n = 200;
    const b = data.gather("train", Int32Array.from({ length: n }, (_, i) => i));
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const counts = [0, 0, 0, 0];
      for (const t of b.x.data.subarray(i * 12, i * 12 + 12)) counts[t]!++;
      const top = Math.max(...counts);
      expect(counts.filter((c) => c === top).length).toBe(1);
      expect(b.y.data[i]).toBe(counts.indexOf(top));
      seen.add(b.y.data[i]!);
    }
    expect(seen.size).toBe(4);
  });

  it("differs between splits and seeds", () => {
    const a = majorityTask({ dataSeed: 1 }).gather("train", [0]).x.data;
    const b = majorityTask({ dataSeed: 2 }).gather("train", [0]).x.data;
    const c = majorityTask({ dataSeed: 1 }).gather("test", [0]).x.data;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});
