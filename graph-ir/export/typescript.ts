/**
 * Export as TypeScript: one self-contained file that imports only @tensorflow/tfjs, builds every
 * network of the document with readable tf.layers.* calls in topological order (variables named
 * after the graph's nodes, a comment per block instance), inlines the custom layer classes it
 * uses (the code the app runs), and holds a training function for the document's recipe.
 *
 * Everything comes from the compiled Keras topology (see plan.ts), so the exported model and the
 * app's model are built from one description. Alongside the text comes a map from graph nodes
 * to line ranges, for a code view that lights up the lines of the selected node.
 */
import type { GraphDocument } from "../core/document.js";
import { formatShape, type Shape } from "../core/shape.js";
import type { Analysis, PassDiagnostic } from "../passes/types.js";
import { customLayerClasses, customLayerCode, helperNames, isCustomLayerClass } from "./custom-layers.js";
import { commentText, tsKey, tsLiteral } from "./literal.js";
import { NameScope, pascalCase, tsIdentifier } from "./names.js";
import { planExport, type ExportPlan, type PlannedLayer, type PlannedNetwork } from "./plan.js";
import { layerCall, type LayerCall } from "./tfjs-calls.js";
import { trainingCode } from "./ts-training.js";
import { CodeWriter, type CodeSpan } from "./code-writer.js";

export type { CodeSpan };

export interface CodeExport {
  readonly text: string;
  /** A file name to offer when saving ("lenet-5.ts"). */
  readonly fileName: string;
  readonly spans: readonly CodeSpan[];
  /** What the file leaves out or changes, in the user's terms. */
  readonly warnings: readonly string[];
}

export type CodeExportResult = ({ readonly ok: true } & CodeExport) | { readonly ok: false; readonly diagnostics: readonly PassDiagnostic[] };

const WIDTH = 110;

/** The file name offered for a document: its name in lower case, words joined by "-". */
export function exportFileName(doc: GraphDocument, extension: string): string {
  const base = doc.name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  return `${base || "network"}.${extension}`;
}

const shapeText = (s: Shape | undefined): string => (s ? formatShape(s) : "?");
const count = (n: number): string => Math.round(n).toLocaleString("en-US");

/** Wraps prose to a width, as comment lines with a prefix. */
export function wrapComment(text: string, prefix: string, width = 100): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n+/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(prefix + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(prefix + line);
  }
  return out.map((l) => l.replace(/\*\//g, "* /"));
}

/** A layer's object literal argument, on one line or packed over several; a nested layer (Bidirectional's RNN) likewise. */
function argsLines(args: Record<string, unknown>, nested: { key: string; head: string; args: Record<string, unknown> } | undefined, head: string, tail: string, indent: string): string[] {
  const entries = (extra: string) => Object.entries(args).map(([k, v]) => (nested && k === nested.key ? extra : `${tsKey(k)}: ${tsLiteral(v)}`));
  const inline = (a: Record<string, unknown>) => Object.entries(a).map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v)}`);
  const nestedOne = nested ? `${nested.key}: ${nested.head}{ ${inline(nested.args).join(", ")} })` : "";
  const one = `${indent}${head}{ ${entries(nestedOne).join(", ")} }${tail}`;
  if (one.length <= WIDTH) return [one];
  const inner = `${indent}  `;
  if (!nested || inner.length + nestedOne.length + 1 <= WIDTH) return [`${indent}${head}{`, ...packed(entries(nestedOne), inner), `${indent}}${tail}`];
  const lines = [`${indent}${head}{`];
  const before = Object.keys(args).slice(0, Object.keys(args).indexOf(nested.key));
  const after = Object.keys(args).slice(before.length + 1);
  const part = (keys: string[]) => keys.map((k) => `${tsKey(k)}: ${tsLiteral(args[k])}`);
  lines.push(...packed(part(before), inner), `${inner}${nested.key}: ${nested.head}{`, ...packed(inline(nested.args), `${inner}  `), `${inner}}),`, ...packed(part(after), inner), `${indent}}${tail}`);
  return lines;
}

/** Entries filled into lines of at most WIDTH characters, each line ending with a comma. */
function packed(entries: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const e of entries) {
    const next = line ? `${line} ${e},` : `${indent}${e},`;
    if (line && next.length > WIDTH) {
      lines.push(line);
      line = `${indent}${e},`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The expression that makes the layer, before .apply(). */
function makerHead(call: LayerCall): string {
  switch (call.type) {
    case "input": return "tf.input(";
    case "factory": return `tf.layers.${call.factory}(`;
    case "custom": return `new ${call.className}(`;
  }
}

function nestedCall(call: LayerCall): { key: string; head: string; args: Record<string, unknown> } | undefined {
  if (call.type !== "factory" || !call.nested) return undefined;
  return { key: call.nested.key, head: `tf.layers.${call.nested.factory}(`, args: call.nested.args };
}

/** Variable names per Keras tensor: layer name -> one name per output. */
type TensorNames = Map<string, string[]>;

function layerLines(layer: PlannedLayer, vars: TensorNames, scope: NameScope, indent: string): string[] {
  const call = layerCall(layer.keras);
  const base = tsIdentifier(layer.keras.name);
  const outs = layer.outputPorts.map((port, i) => scope.claim(i === 0 ? base : tsIdentifier(`${layer.keras.name}_${port}`)));
  vars.set(layer.keras.name, outs);
  const inputs = layer.inputs.map(([name, index]) => vars.get(name)?.[index] ?? "undefined");
  const target = outs.length === 1 ? `const ${outs[0]}` : `const [${outs.join(", ")}]`;
  const head = `${target} = ${makerHead(call)}`;
  if (call.type === "input") return argsLines(call.args, undefined, head, ");", indent);
  const applied = inputs.length === 1 ? inputs[0]! : `[${inputs.join(", ")}]`;
  const type = outs.length === 1 ? "tf.SymbolicTensor" : `[${outs.map(() => "tf.SymbolicTensor").join(", ")}]`;
  return argsLines(call.args, nestedCall(call), head, `).apply(${applied}) as ${type};`, indent);
}

/** The comment line that opens a block instance's layers. */
function blockComment(net: PlannedNetwork, path: readonly string[], indent: string): string {
  const b = net.blocks.get(path.join("/"));
  const label = b?.label && b.label !== path[path.length - 1] ? ` "${commentText(b.label)}"` : "";
  const what = b ? `${b.title}${label}, ${count(b.paramCount)} parameters` : "block";
  return `${indent}// Block ${path.join(" › ")} (${what})`;
}

/** Comment for a top-level node whose label says more than its id. */
function nodeComment(layer: PlannedLayer, indent: string): string | undefined {
  if (layer.path.length > 0 || layer.label === undefined || layer.label === layer.nodeId) return undefined;
  return `${indent}// ${commentText(layer.label)}: ${layer.title}${layer.describe ? ` ${commentText(layer.describe)}` : ""}`;
}

function networkSignature(net: PlannedNetwork): string {
  const ins = net.inputs.map((i) => `${i.nodeId} ${shapeText(i.shape)}`).join(", ");
  const outs = net.outputs.map((o) => `${o.nodeId}${o.port !== "y" ? `.${o.port}` : ""} ${shapeText(o.shape)}`).join(", ");
  return `${ins} → ${outs}`;
}

export function buildFunctionName(networkId: string): string {
  return `build${pascalCase(networkId)}`;
}

function writeNetwork(w: CodeWriter, net: PlannedNetwork, reserved: readonly string[]): void {
  const fn = buildFunctionName(net.id);
  w.push(
    "/**",
    ` * Network "${net.id}": ${networkSignature(net)}.`,
    ` * ${count(net.paramCount)} parameters.`,
    " */",
    `export function ${fn}(): tf.LayersModel {`,
  );
  const scope = new NameScope(reserved);
  const vars: TensorNames = new Map();
  let openPath: readonly string[] = [];
  const indent = "  ";
  for (const layer of net.layers) {
    // Open a comment for each block level this layer enters.
    let common = 0;
    while (common < openPath.length && common < layer.path.length && openPath[common] === layer.path[common]) common++;
    const entering = layer.path.length > common;
    const leaving = openPath.length > common;
    const previous = w.lines[w.lines.length - 1] ?? "";
    if ((entering || leaving) && previous !== "" && !previous.endsWith("{")) w.push("");
    w.forNode(layer.nodeId, net.id, () => {
      for (let depth = common + 1; depth <= layer.path.length; depth++) w.push(blockComment(net, layer.path.slice(0, depth), indent));
      const comment = nodeComment(layer, indent);
      if (comment) w.push(comment);
      w.push(...layerLines(layer, vars, scope, indent));
    });
    openPath = layer.path;
  }
  const ins = net.inputs.map((i) => vars.get(i.layer)![i.tensorIndex]!);
  const outs = net.outputs.map((o) => vars.get(o.layer)![o.tensorIndex]!);
  if (openPath.length) w.push("");
  w.push(
    `  return tf.model({ name: ${JSON.stringify(net.topology.config.name)}, inputs: [${ins.join(", ")}], outputs: [${outs.join(", ")}] });`,
    "}",
  );
}

const RULE = "// " + "-".repeat(97);

/** The document as one TypeScript file; refuses (with the diagnostics) while a network has errors. */
export function exportTypeScript(doc: GraphDocument, options: { readonly analysis?: Analysis } = {}): CodeExportResult {
  const planned = planExport(doc, options.analysis);
  if (!planned.ok) return planned;
  return { ok: true, ...writeTypeScript(planned.plan) };
}

export function writeTypeScript(plan: ExportPlan): CodeExport {
  const { doc } = plan;
  const training = trainingCode(plan);
  const customs = [...new Set(plan.networks.flatMap((n) => n.layers.map((l) => l.keras.class_name)).filter(isCustomLayerClass))].sort();
  const buildNames = plan.networks.map((n) => buildFunctionName(n.id));
  // Module-level names a local variable must never shadow.
  const reserved = ["tf", ...customLayerClasses(), ...helperNames(), ...buildNames, ...training.names];
  const w = new CodeWriter();
  w.push("/**", ...wrapComment(doc.name, " * "));
  if (doc.description) w.push(" *", ...wrapComment(doc.description, " * "));
  w.push(
    " *",
    " * Exported from Layerloom. Self-contained: it needs only @tensorflow/tfjs.",
    ...plan.networks.map((n) => ` *   ${buildFunctionName(n.id)}()  network "${n.id}": ${networkSignature(n)}`),
    ...(training.summary ? [` *   ${training.summary}`] : []),
    " */",
    `import * as tf from "@tensorflow/tfjs";`,
    "",
  );
  if (customs.length) {
    w.push(
      RULE,
      ...wrapComment(`Custom layers tfjs lacks (${customs.join(", ")}): the code Layerloom runs, registered with tf.serialization so that a saved model loads again with tf.loadLayersModel.`, "// "),
      "",
      customLayerCode(customs),
      "",
    );
  }
  w.push(RULE, "// Networks", "");
  plan.networks.forEach((net, i) => {
    if (i > 0) w.push("");
    writeNetwork(w, net, reserved);
  });
  if (training.lines.length) w.push("", RULE, ...training.lines);
  const warnings = [...training.warnings];
  if (training.lines.length === 0 && training.warnings.length) w.push("", RULE, ...training.warnings.map((t) => `// Note: ${commentText(t, 400)}.`));
  return { text: w.lines.join("\n") + "\n", fileName: exportFileName(doc, "ts"), spans: w.spans, warnings };
}

/** Line ranges of a node in an export, for highlighting the selection. */
export function linesOfNode(spans: readonly CodeSpan[], nodeId: string): { startLine: number; endLine: number }[] {
  return spans.filter((s) => s.nodeId === nodeId).map((s) => ({ startLine: s.startLine, endLine: s.endLine }));
}
