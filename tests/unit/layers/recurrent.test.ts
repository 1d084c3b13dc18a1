import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Bidirectional, GRU, LSTM, SimpleRNN } from "../../../graph-ir/layers/recurrent.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const time = fc.oneof(fc.constant<number | string>("T"), fc.integer({ min: 1, max: 6 }));
const rate = fc.constantFrom(0, 0.1, 0.25, 0.5);

describe.each([
  { def: SimpleRNN, states: ["h"], seed: 11 },
  { def: LSTM, states: ["h", "c"], seed: 12 },
  { def: GRU, states: ["h"], seed: 13 },
])("$def.kind", ({ def, states, seed }) => {
  it("matches tfjs output shapes and param count over random params", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }), time, fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.boolean(), rate, rate,
        fc.constantFrom("tanh", "relu", "sigmoid", "linear"),
        async (features, t, units, returnSequences, returnState, dropout, recurrentDropout, activation) => {
          const q = resolveParams(def.params, { units, returnSequences, returnState, dropout, recurrentDropout, activation }).values;
          const x: Shape = ["B", t, features];
          const r = def.infer([x], q);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          // One output shape per output port.
          expect(r.shapes.length).toBe(def.ports(q).outputs.length);
          const oracle = await tfjsOracle(def.toKeras(q, [x]), [x]);
          expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
          expect(def.paramCount([x], q)).toBe(oracle.paramCount);
        },
      ),
      { numRuns: 100, seed },
    );
  });

  it("names its state ports when returning state", () => {
    const q = resolveParams(def.params, { returnState: true }).values;
    expect(def.ports(q).outputs).toEqual(["y", ...states]);
    expect(def.ports(resolveParams(def.params, {}).values).outputs).toEqual(["y"]);
  });

  it("refuses a flat vector and says how to add a time axis", () => {
    const q = resolveParams(def.params, {}).values;
    const r = def.infer([["B", 128]], q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain(`${def.kind} expects a sequence batch×time×features`);
    expect(r.issues[0]!.message).toContain("B×128");
    expect(r.issues[0]!.message).toContain("add a time axis");
  });

  it("refuses an unknown feature size", () => {
    const q = resolveParams(def.params, {}).values;
    const r = def.infer([["B", 5, "F"]], q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain("known feature size");
  });
});

describe("GRU", () => {
  it("uses tfjs's reset_after=false layout: 3(Fu + u² + u)", () => {
    const q = resolveParams(GRU.params, { units: 64 }).values;
    expect(GRU.paramCount([["B", 10, 32]], q)).toBe(3 * (32 * 64 + 64 * 64 + 64));
    expect(GRU.toKeras(q, []).config["reset_after"]).toBe(false);
  });
});

describe("Bidirectional", () => {
  it("matches tfjs output shape and param count over random params", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("LSTM", "GRU", "SimpleRNN"), fc.integer({ min: 1, max: 12 }), time, fc.integer({ min: 1, max: 12 }),
        fc.boolean(), fc.constantFrom("concat", "sum", "mul", "ave"),
        async (layer, features, t, units, returnSequences, mergeMode) => {
          const q = resolveParams(Bidirectional.params, { layer, units, returnSequences, mergeMode }).values;
          const x: Shape = ["B", t, features];
          const r = Bidirectional.infer([x], q);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const oracle = await tfjsOracle(Bidirectional.toKeras(q, [x]), [x]);
          expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
          expect(Bidirectional.paramCount([x], q)).toBe(oracle.paramCount);
        },
      ),
      { numRuns: 100, seed: 14 },
    );
  });

  it("doubles the features only when concatenating", () => {
    const concat = resolveParams(Bidirectional.params, { units: 16 }).values;
    const sum = resolveParams(Bidirectional.params, { units: 16, mergeMode: "sum" }).values;
    expect(Bidirectional.infer([["B", "T", 8]], concat)).toEqual({ ok: true, shapes: [["B", 32]] });
    expect(Bidirectional.infer([["B", "T", 8]], sum)).toEqual({ ok: true, shapes: [["B", 16]] });
  });

  it("names the wrapped layer when the input is not a sequence", () => {
    const q = resolveParams(Bidirectional.params, { layer: "GRU" }).values;
    const r = Bidirectional.infer([["B", 4, 4, 3]], q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain("Bidirectional GRU expects a sequence");
  });
});
