import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageGrid } from "../../../../runtime/sample/grid.js";
import { clearGaps, fieldLabel, fieldsFor, gridScale, parseWords, planarPoints, progressText, requestParams, textSegments, type SampleForm } from "../../../../renderer/sample/sample-view.js";
import { sampleParams } from "../../../../renderer/sample/protocol.js";
import { INITIAL_FORM } from "../../../../renderer/sample/sample-store.js";

const form = (f: Partial<SampleForm> = {}): SampleForm => ({ ...INITIAL_FORM, ...f });

describe("the Sample tab's helpers", () => {
  it("offer each sampler only the inputs it reads", () => {
    expect(fieldsFor("text")).toEqual(["prompt", "length", "temperature", "seed"]);
    expect(fieldsFor("generator")).not.toContain("temperature");
    expect(fieldsFor("pixels")).toContain("temperature");
    expect(fieldsFor("neighbours")).toContain("words");
    expect(fieldLabel("neighbours", "count")).toBe("Neighbours per word");
    expect(fieldLabel("pixels", "count")).toBe("Count");
  });

  it("turn the form into request parameters the protocol accepts", () => {
    expect(requestParams("text", form({ prompt: "Once", length: 40, temperature: 0.7, seed: 5 }))).toEqual({ prompt: "Once", length: 40, temperature: 0.7, seed: 5 });
    expect(requestParams("text", form())).not.toHaveProperty("prompt"); // empty: the model's own default
    expect(requestParams("generator", form({ count: 64 }))).toEqual({ count: 64, seed: 0 });
    expect(requestParams("neighbours", form({ words: "river, bread  light,river", count: 5 }))).toEqual({ words: ["river", "bread", "light"], neighbours: 5, seed: 0 });
    fc.assert(
      fc.property(fc.constantFrom("pixels", "text", "generator", "neighbours" as const), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.string({ minLength: 0, maxLength: 20 }), (kind, count, temperature, prompt) => {
        const p = requestParams(kind, form({ count, temperature, prompt: prompt.trim() ? prompt : "", words: prompt }));
        expect(typeof p).toBe("object");
        expect(sampleParams.safeParse(p).success).toBe(true);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("say what is wrong with a form the protocol would refuse", () => {
    expect(requestParams("pixels", form({ count: 0 }))).toMatch(/Count must be a whole number from 1 to 1024/);
    expect(requestParams("pixels", form({ count: NaN }))).toMatch(/Count/);
    expect(requestParams("text", form({ temperature: 0 }))).toMatch(/Temperature must be above 0/);
    expect(requestParams("text", form({ length: 1.5 }))).toMatch(/Characters must be a whole number/);
    expect(requestParams("generator", form({ seed: -2 }))).toMatch(/Seed/);
    expect(requestParams("neighbours", form({ count: 500 }))).toMatch(/Neighbours per word must be a whole number from 1 to 100/);
    // A field the sampler does not read is not checked.
    expect(typeof requestParams("generator", form({ temperature: -1, length: 0 }))).toBe("object");
  });

  it("split text at the prompt, scale grids by whole numbers and flatten points", () => {
    expect(textSegments("The ", "cat sat")).toEqual([{ text: "The ", prompt: true }, { text: "cat sat", prompt: false }]);
    expect(textSegments("T", "")).toEqual([{ text: "T", prompt: true }]);
    expect(parseWords(" a,, b  a ")).toEqual(["a", "b"]);
    expect(gridScale(120, 120)).toBe(4);
    expect(gridScale(1000, 10)).toBe(1);
    expect(gridScale(0, 0)).toBe(1);
    expect(Array.from(planarPoints([[1, 2], [3, 4]]).xy)).toEqual([1, 2, 3, 4]);
    expect(planarPoints([[1], [2]])).toEqual({ xy: Float32Array.from([1, 0, 2, 0]), dims: 1 });
    expect(planarPoints([[1, 2, 9]]).dims).toBe(3);
    expect(progressText("pixels", 10, 784)).toBe("Pass 10 of 784");
    expect(progressText("text", 3, 300)).toBe("Character 3 of 300");
    expect(progressText("generator", 0, 0)).toBe("Working…");
  });

  it("clear exactly the gaps of an image grid, leaving every sample pixel", () => {
    const img = (v: number) => ({ width: 3, height: 2, channels: 1 as const, pixels: new Uint8ClampedArray(6).fill(v) });
    const images = [img(10), img(20), img(30), img(40), img(50)];
    const g = imageGrid(images, { gap: 1, columns: 3 });
    clearGaps(g, images.length, 3, 3, 2, 1);
    let opaque = 0;
    for (let i = 0; i < g.width * g.height; i++) {
      const a = g.data[i * 4 + 3]!;
      if (a === 255) {
        opaque++;
        expect(g.data[i * 4]! % 10).toBe(0); // a sample's value, never the grey gap
        expect(g.data[i * 4]).not.toBe(128);
      } else expect(a).toBe(0);
    }
    // Five samples of 3×2 pixels; the sixth cell is empty and cleared too.
    expect(opaque).toBe(5 * 6);
  });
});
