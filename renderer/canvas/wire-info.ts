/** The canvas's answer to "what does this wire carry": its shape and the arithmetic behind it. */
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { OpenedBlock } from "./block-view.js";
import type { WireInfo } from "./canvas-look.js";
import { shapeArithmetic } from "./wire-label.js";

/** What a wire carries, by its source node and port: inside an open block, from the block's body. */
export function wireInfoFor(analysis: Analysis, opened: OpenedBlock | undefined): WireInfo {
  if (opened) {
    return (source, port) => {
      if (source === "$in") {
        const shape = opened.instance.inputs[port];
        return shape && { shape, maths: [] };
      }
      const node = opened.body.nodes.find((n) => n.id === source);
      const shape = node?.outputs[port];
      return node && shape && { shape, maths: shapeArithmetic(node, port) };
    };
  }
  return (source, port) => {
    const node = analysis.nodes.get(source);
    const shape = node?.outputs[port];
    return node && shape && { shape, maths: shapeArithmetic(node, port) };
  };
}
