import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDocument, type GraphDocument, type Params } from "../../../../graph-ir/core/document.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { namedDims, shapeArithmetic, shapeLabel } from "../../../../renderer/canvas/wire-label.js";

/** Input -> one layer; returns that layer's analysis. */
function after(kind: string, params: Params, input: readonly (number | null)[]) {
  const doc: GraphDocument = {
    ...emptyDocument("t"),
    nodes: [{ id: "in", kind: "Input", params: { shape: input } }, { id: "n", kind, params }],
    edges: [{ from: ["in", "y"], to: ["n", "x"] }],
  };
  const a = analyze(doc).nodes.get("n")!;
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return a;
}

describe("wire labels", () => {
  it("print the shape batch first, joined by ×", () => {
    expect(shapeLabel(["B", 28, 28, 32])).toBe("B×28×28×32");
    expect(shapeLabel(undefined)).toBeUndefined();
  });

  it("name each dim for the hover card", () => {
    expect(namedDims(["B", 28, 28, 32])).toEqual([
      { name: "batch", size: "B" }, { name: "height", size: "28" }, { name: "width", size: "28" }, { name: "channels", size: "32" },
    ]);
    expect(namedDims(["B", "T", 64]).map((d) => d.name)).toEqual(["batch", "time", "channels"]);
  });

  it("show the arithmetic of a valid convolution (LeNet's C1)", () => {
    const c1 = after("Conv2D", { filters: 6, kernelSize: [5, 5], padding: "valid" }, [32, 32, 1]);
    expect(shapeArithmetic(c1, "y")).toEqual([
      "height: 28 = ⌊(32 − 5 + 0)/1⌋ + 1",
      "width: 28 = ⌊(32 − 5 + 0)/1⌋ + 1",
      "channels: 6 = filters",
    ]);
  });

  it("show pooling with its default stride, same padding, dilation and transposed convolution", () => {
    expect(shapeArithmetic(after("AveragePooling2D", { poolSize: [2, 2] }, [28, 28, 6]), "y")).toEqual([
      "height: 14 = ⌊(28 − 2 + 0)/2⌋ + 1",
      "width: 14 = ⌊(28 − 2 + 0)/2⌋ + 1",
    ]);
    expect(shapeArithmetic(after("Conv2D", { filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: "same" }, [15, 15, 3]), "y")[0]).toBe("height: 8 = ⌈15/2⌉ (padding same)");
    expect(shapeArithmetic(after("Conv1D", { filters: 4, kernelSize: [3], dilationRate: [2] }, [20, 3]), "y")[0]).toBe(
      "time: 16 = ⌊(20 − 5 + 0)/1⌋ + 1 (kernel 3 dilated by 2 spans 5)",
    );
    expect(shapeArithmetic(after("Conv2DTranspose", { filters: 4, kernelSize: [5, 5], strides: [2, 2], padding: "valid" }, [7, 7, 8]), "y")[0]).toBe(
      "height: 17 = 7·2 + max(5 − 2, 0)",
    );
  });

  it("keep a free size symbolic", () => {
    const conv = after("Conv2D", { filters: 4, kernelSize: [3, 3] }, [null, null, 3]);
    expect(shapeArithmetic(conv, "y")[0]).toBe("height: H-2 = ⌊(H − 3 + 0)/1⌋ + 1");
  });

  it("say nothing for layers without a window", () => {
    expect(shapeArithmetic(after("Dense", { units: 3 }, [4]), "y")).toEqual([]);
    expect(shapeArithmetic(after("Flatten", {}, [4, 4, 2]), "y")).toEqual([]);
  });

  it("agree with shape inference for every valid window it describes (seeded)", () => {
    const windows = fc.record({
      size: fc.integer({ min: 8, max: 64 }),
      kernel: fc.integer({ min: 1, max: 7 }),
      stride: fc.integer({ min: 1, max: 4 }),
      padding: fc.constantFrom("valid", "same"),
      kind: fc.constantFrom("Conv2D", "MaxPooling2D"),
    });
    fc.assert(
      fc.property(windows, ({ size, kernel, stride, padding, kind }) => {
        const params: Params = kind === "Conv2D"
          ? { filters: 2, kernelSize: [kernel, kernel], strides: [stride, stride], padding }
          : { poolSize: [kernel, kernel], strides: [stride, stride], padding };
        const node = after(kind, params, [size, size, 2]);
        const line = shapeArithmetic(node, "y")[0]!;
        const out = node.outputs.y![1] as number;
        // Evaluate the printed formula and compare it with the inferred size it claims.
        const value = padding === "same"
          ? Math.ceil(Number(/⌈(\d+)\/(\d+)⌉/.exec(line)![1]) / stride)
          : (([, a, k, s]) => Math.floor((Number(a) - Number(k)) / Number(s)) + 1)(/⌊\((\d+) − (\d+) \+ 0\)\/(\d+)⌋/.exec(line)!);
        expect(line.startsWith(`height: ${out} = `)).toBe(true);
        expect(value).toBe(out);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
