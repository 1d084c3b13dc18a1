/** Shared checks for layer-definition tests: agreement with tfjs, and reading a rule's result. */
import { expect } from "vitest";
import { resolveParams } from "../../graph-ir/core/params.js";
import type { Params } from "../../graph-ir/core/document.js";
import { toKerasShape, type Shape } from "../../graph-ir/core/shape.js";
import type { AnyLayerDef, InferResult } from "../../graph-ir/layers/types.js";
import { tfjsOracle } from "./tfjs-oracle.js";

/** Our shapes and param count for (def, params, inputs) must equal what tfjs builds from toKeras(). */
export async function expectMatchesTfjs(def: AnyLayerDef, stored: Params, inputs: Shape[]): Promise<void> {
  const { values: q, problems } = resolveParams(def.params, stored);
  expect(problems).toEqual([]);
  const r = def.infer(inputs, q);
  if (!r.ok) throw new Error(`${def.kind} refused ${JSON.stringify(inputs)} ${JSON.stringify(stored)}: ${r.issues[0]!.message}`);
  const oracle = await tfjsOracle(def.toKeras(q, inputs), inputs);
  expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
  expect(def.paramCount(inputs, q)).toBe(oracle.paramCount);
}

/** Runs a layer's shape rule with stored params resolved against its specs. */
export const infer = (def: AnyLayerDef, stored: Params, inputs: Shape[]): InferResult => def.infer(inputs, resolveParams(def.params, stored).values);

/** The first issue of a rule that must fail. */
export const firstIssue = (r: InferResult) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.shapes)}`);
  return r.issues[0]!;
};
