/**
 * The param specs the inspector edits for a node: a layer's or standard block's own specs, and
 * for an instance of a block defined in the document, its exposed params with the spec of the
 * inner param each one sets (so "filters" of a block gets Conv2D's bounds), falling back to a
 * spec read off the default value when the binding leads nowhere known.
 */
import type { BlockDef, GraphDocument, ParamValue } from "../../graph-ir/core/document.js";
import type { ParamSpec, ParamSpecs } from "../../graph-ir/core/params.js";
import { layerDef } from "../../graph-ir/layers/registry.js";
import { standardBlock } from "../../graph-ir/blocks/library.js";
import type { Resolved } from "../../graph-ir/passes/types.js";
import { humanize } from "../ui/format.js";

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Blocks nest; a chain longer than this is refused by analysis anyway. */
const MAX_DEPTH = 16;

function innerSpec(doc: GraphDocument, block: BlockDef, name: string, depth: number): ParamSpec | undefined {
  if (depth > MAX_DEPTH || !own(block.params, name)) return undefined;
  for (const [nodeId, param] of block.params[name]!.bind) {
    const inner = block.nodes.find((n) => n.id === nodeId);
    if (!inner) continue;
    const spec = layerDef(inner.kind)?.params[param] ?? standardBlock(inner.kind)?.params[param]
      ?? (own(doc.blocks, inner.kind) ? innerSpec(doc, doc.blocks[inner.kind]!, param, depth + 1) : undefined);
    if (spec) return spec;
  }
  return undefined;
}

/** A spec that accepts what the default looks like, for a block param bound to nothing known. */
function specFromValue(value: ParamValue): ParamSpec | undefined {
  if (typeof value === "boolean") return { type: "bool", default: value };
  if (typeof value === "number") return Number.isInteger(value) ? { type: "int", default: value } : { type: "float", default: value };
  if (Array.isArray(value)) {
    const entries = value as readonly (number | null)[];
    return { type: "intTuple", default: entries, minLength: entries.length, maxLength: entries.length, nullable: entries.includes(null) };
  }
  return undefined; // free text has no safe editor: shown, not edited
}

export function blockParamSpecs(doc: GraphDocument, block: BlockDef): Record<string, ParamSpec | undefined> {
  const out: Record<string, ParamSpec | undefined> = {};
  for (const [name, bp] of Object.entries(block.params)) {
    const spec = innerSpec(doc, block, name, 0);
    out[name] = spec ? ({ ...spec, default: bp.default } as ParamSpec) : specFromValue(bp.default);
  }
  return out;
}

/** Specs by param name; an entry is undefined when the param can be shown but not edited. */
export function specsFor(doc: GraphDocument, resolved: Resolved | undefined): Readonly<Record<string, ParamSpec | undefined>> {
  if (!resolved) return {};
  if (resolved.type === "layer") return resolved.def.params as ParamSpecs;
  if (resolved.type === "standard") return resolved.block.params as ParamSpecs;
  return blockParamSpecs(doc, resolved.block);
}

/** The name a param goes by in the inspector and in undo labels. */
export function paramLabel(name: string, spec: ParamSpec | undefined): string {
  return spec?.label ?? humanize(name);
}
