/**
 * Which graph node a Keras layer came from, so runtime errors can name what the person drew.
 * compileNetwork names a top-level node's layer after its id and a block's inner layer after its
 * flat id ("inc4a/b3_5x5" -> "inc4a__b3_5x5"); this map goes back.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";

export interface NodeRef {
  /** The top-level node id: the node on the canvas. */
  readonly nodeId: string;
  /** Inner node ids from the instance down, for a layer inside a block; empty otherwise. */
  readonly inner: readonly string[];
  /** The top-level node's kind (a layer kind or a block name). */
  readonly kind: string;
  readonly label?: string;
  /** The Keras class of the layer itself (the inner layer's, inside a block). */
  readonly layerClass: string;
}

/** A NodeRef per Keras layer name, from compile's flat-id -> layer-name map. */
export function nodeRefs(doc: GraphDocument, layerNames: ReadonlyMap<string, string>, classOf: (layer: string) => string): Map<string, NodeRef> {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, NodeRef>();
  for (const [flatId, layer] of layerNames) {
    const [nodeId = flatId, ...inner] = flatId.split("/");
    const node = nodes.get(nodeId);
    out.set(layer, {
      nodeId,
      inner,
      kind: node?.kind ?? classOf(layer),
      ...(node?.label !== undefined ? { label: node.label } : {}),
      layerClass: classOf(layer),
    });
  }
  return out;
}

/** "'c3' (Conv2D)", "'inc4a' (Inception, \"Inception (4a)\") › b3_5x5 (Conv2D)". */
export function describeNode(ref: NodeRef): string {
  const label = ref.label !== undefined && ref.label !== ref.nodeId ? `, "${ref.label}"` : "";
  const head = `'${ref.nodeId}' (${ref.kind}${label})`;
  return ref.inner.length ? `${head} › ${ref.inner.join(" › ")} (${ref.layerClass})` : head;
}
