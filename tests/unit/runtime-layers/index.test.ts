import { describe, expect, it } from "vitest";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { AnyLayerDef } from "../../../graph-ir/layers/types.js";
import { tf } from "./support.js";

describe("runtime/layers index", () => {
  it("registers a class for every class name the graph-ir registry compiles to", () => {
    const known = tf.serialization.SerializationMap.getMap().classNameMap;
    const missing = Object.values<AnyLayerDef>(LAYERS)
      .map((def) => def.toKeras(resolveParams(def.params, {}).values, []).className)
      .filter((name) => !(name in known));
    expect(missing).toEqual([]);
    for (const name of ["DilatedCausalConv1D", "LayerloomAttention", "NTMMemory", "SpectralNormalization", "LocalResponseNormalization"]) {
      expect(known).toHaveProperty(name);
    }
  });
});
