/**
 * Which layers can take a wire's tensor: the menu that opens when a wire is dropped on empty
 * canvas lists only these. Each candidate's own shape rule runs with the wire's shape on its
 * first input, as canConnect would judge the wire once the layer exists; a problem that only
 * says another input is still missing does not count against it.
 */
import type { Shape } from "../../graph-ir/core/shape.js";
import { resolveParams } from "../../graph-ir/core/params.js";
import type { AnyLayerDef } from "../../graph-ir/layers/types.js";
import type { PaletteItem } from "../palette/palette-items.js";

export function acceptsShape(def: AnyLayerDef, params: PaletteItem["params"], shape: Shape | undefined): boolean {
  try {
    const values = resolveParams(def.params, params).values;
    const inputs = def.ports(values).inputs;
    if (inputs.length === 0) return false;
    if (!shape) return true;
    const given = inputs.map((_, i) => (i === 0 ? shape : undefined));
    const r = def.infer(given as Shape[], values);
    if (r.ok) return true;
    const othersKnown = inputs.length === 1;
    return !r.issues.some((issue) => issue.port === inputs[0] || (issue.port === undefined && othersKnown));
  } catch {
    return false; // a rule that throws on this shape cannot take it
  }
}

/** The palette items whose layer accepts `shape` (all that take an input when it is unknown). */
export function acceptingItems(items: readonly PaletteItem[], layers: Readonly<Record<string, AnyLayerDef>>, shape: Shape | undefined): PaletteItem[] {
  return items.filter((item) => {
    const def = layers[item.kind];
    return def !== undefined && acceptsShape(def, item.params, shape);
  });
}
