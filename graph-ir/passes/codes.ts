/**
 * The catalogue of diagnostic codes the passes emit. Codes are stable: tools, tests, docs and
 * the Problems panel refer to them, so a code is never renamed or reused for another meaning.
 * Each has a default severity and one line of help (shown as the code's tooltip and in docs).
 */
import type { Severity } from "../core/diagnostics.js";

interface CodeInfo {
  readonly severity: Severity;
  readonly help: string;
}

export const CODES = {
  "unknown-kind": { severity: "error", help: "The node's kind is not a layer, a block defined in this document, or a standard block. Pick a kind from the palette." },
  "bad-param": { severity: "error", help: "A stored param value is out of range or of the wrong type; the default stands in until it is fixed." },
  "unknown-param": { severity: "error", help: "The node stores a param its layer or block does not have (a typo, or a param of another kind)." },
  "duplicate-id": { severity: "error", help: "Two nodes share one id; ids must be unique so wires and networks can name them." },
  "missing-input": { severity: "error", help: "An input port has no wire into it; every input of a layer must be fed." },
  "dangling-edge": { severity: "error", help: "A wire names a node that does not exist (it was deleted or renamed); remove the wire." },
  "unknown-port": { severity: "error", help: "A wire names a port the node does not have (ports can depend on params, such as an RNN's state outputs)." },
  "duplicate-input": { severity: "error", help: "Two wires feed one input port; a port takes exactly one tensor. Keep one wire, or merge the tensors first." },
  "cycle": { severity: "error", help: "Wires form a loop; data must flow one way from inputs to outputs. Remove one wire of the loop." },
  "shape-mismatch": { severity: "error", help: "The layer cannot accept the shapes it receives, or its params do not fit them." },
  "empty-output": { severity: "error", help: "The layer would produce a tensor with a dimension of size 0: its input is too small for its window or stride." },
  "too-large": { severity: "error", help: "A layer would hold more than 2 billion weights or produce a dimension beyond the size limit; nothing could train or even allocate it." },
  "internal": { severity: "error", help: "A layer or block rule failed unexpectedly. This is a bug in Layerloom, not in the graph; please report it." },
  "unconnected-output": { severity: "warning", help: "A node's output goes nowhere: connect it, make it a network output, or delete the node." },
  "block-recursive": { severity: "error", help: "A block contains an instance of itself (directly or through other blocks), so it would never end." },
  "block-too-deep": { severity: "error", help: "Blocks are nested deeper than the limit; flatten some of them." },
  "block-bad-binding": { severity: "error", help: "A block param is bound to an inner node that the block does not contain." },
  "block-shadowed": { severity: "warning", help: "A block defined in this document has the name of a layer or standard block, which takes precedence; rename the block." },
  "network-unknown-node": { severity: "error", help: "A network names an input or output node that does not exist." },
  "network-bad-input": { severity: "error", help: "A network input must be an Input or Latent noise node." },
  "network-missing-input": { severity: "error", help: "A network output depends on an input node the network does not list, so it cannot be computed from the network's inputs." },
  "network-no-outputs": { severity: "error", help: "A network lists no outputs, so there is nothing to compute or train." },
  "network-duplicate-id": { severity: "error", help: "Two networks share one id; training and export refer to networks by id." },
  "unknown-network": { severity: "error", help: "The network asked for does not exist in this document." },
  "training-unknown-network": { severity: "error", help: "The training section binds a role to a network id that does not exist." },
  "loss-unknown-output": { severity: "error", help: "A loss names a node that is not an output of any network the training section binds." },
  "id-collision": { severity: "error", help: "Expanding a block gives an inner node the id of an existing node; rename one of them." },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

export function severityOf(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}

export function helpFor(code: string): string | undefined {
  return isDiagnosticCode(code) ? CODES[code].help : undefined;
}
