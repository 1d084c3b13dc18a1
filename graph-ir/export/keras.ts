/**
 * Export as a Keras Python script: the document's networks in the functional API with the same
 * layer names, the training recipe's losses and loss weights, optimizer and clipping, and an
 * optional tf.distribute strategy, so a person who outgrows one machine can train the same
 * network on several GPUs (MirroredStrategy) or machines (MultiWorkerMirroredStrategy).
 *
 * Like the TypeScript export, it is printed from the compiled Keras topology (plan.ts). The
 * script targets TensorFlow 2.13 and later (Keras 2 and Keras 3 alike): it imports
 * `from tensorflow import keras` and uses only arguments both accept.
 */
import type { GraphDocument } from "../core/document.js";
import { formatShape, type Shape } from "../core/shape.js";
import type { KerasLayer } from "../passes/keras-topology.js";
import type { Analysis } from "../passes/types.js";
import { PYTHON_CLASSES } from "./keras-custom.js";
import { callText, commentText, pyDocText, pyLiteral, pyString } from "./literal.js";
import { NameScope, pyIdentifier } from "./names.js";
import { planExport, type ExportPlan, type PlannedLayer, type PlannedNetwork } from "./plan.js";
import { CodeWriter, type CodeSpan } from "./code-writer.js";
import { exportFileName, wrapComment, type CodeExportResult } from "./typescript.js";
import { INDENT, buildFunctionNamePy, trainingPy } from "./keras-training.js";

export const STRATEGIES = ["none", "mirrored", "multiworker"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface KerasExportOptions {
  /** The tf.distribute strategy the script uses unless --strategy says otherwise (default "none"). */
  readonly strategy?: Strategy;
  readonly analysis?: Analysis;
}


const count = (n: number): string => Math.round(n).toLocaleString("en-US");
const shapeText = (s: Shape | undefined): string => (s ? formatShape(s).replace(/×/g, "x") : "?");

/** An initializer object with no settings as Keras's identifier: GlorotUniform -> "glorot_uniform". */
function initializerName(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as { class_name?: unknown; config?: unknown };
  if (typeof o.class_name !== "string" || !o.config || typeof o.config !== "object") return v;
  if (Object.entries(o.config).some(([k, x]) => !(k === "seed" && x === null))) return v;
  return o.class_name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

const CONVOLUTIONS: ReadonlySet<string> = new Set(["Conv1D", "Conv2D", "DepthwiseConv2D", "SeparableConv2D", "Conv2DTranspose"]);
const allOnes = (v: unknown): boolean => Array.isArray(v) && v.every((x) => x === 1);

/** Config entries left out because Keras uses the same value when they are absent. */
function isKerasDefault(className: string, key: string, value: unknown): boolean {
  if (key === "data_format") return value === "channels_last";
  if (key === "bias_initializer") return value === "zeros";
  if (key === "kernel_initializer" || key === "depthwise_initializer" || key === "pointwise_initializer") return value === "glorot_uniform";
  if (key === "use_bias") return value === true;
  if (key === "activation" && className !== "Activation") return value === "linear";
  if (className === "BatchNormalization") {
    if (key === "axis") return value === -1;
    if (key === "momentum") return value === 0.99;
    if (key === "epsilon") return value === 0.001;
    if (key === "center" || key === "scale") return value === true;
  }
  if (CONVOLUTIONS.has(className)) {
    if (key === "strides" || key === "dilation_rate") return allOnes(value);
    if (key === "padding") return value === "valid";
  }
  return false;
}

/**
 * Where tfjs's default differs from Keras's for an entry the compiled config leaves out, the
 * tfjs value is written so the script builds the network the app trains (tfjs's Dense draws its
 * kernel from glorotNormal, Keras's from glorotUniform).
 */
const TFJS_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  Dense: { kernel_initializer: "glorot_normal" },
};

function kwargs(className: string, config: Readonly<Record<string, unknown>>, skip: readonly string[] = []): string[] {
  const merged: Record<string, unknown> = { ...config };
  for (const [k, v] of Object.entries(TFJS_DEFAULTS[className] ?? {})) if (!(k in merged)) merged[k] = v;
  const out: string[] = [];
  for (const [k, raw] of Object.entries(merged)) {
    if (k === "name" || skip.includes(k)) continue;
    const v = k.endsWith("_initializer") ? initializerName(raw) : raw;
    if (isKerasDefault(className, k, v)) continue;
    out.push(`${k}=${pyLiteral(v)}`);
  }
  return out;
}

/** The Python expression that makes a layer (before it is called on its inputs). */
function layerMaker(layer: KerasLayer): { head: string; args: string[] } {
  const c = layer.config as Readonly<Record<string, unknown>>;
  const name = `name=${pyString(layer.name)}`;
  switch (layer.class_name) {
    case "LeakyReLU":
      // Positional: Keras 2 calls it alpha, Keras 3 negative_slope.
      return { head: "layers.LeakyReLU(", args: [pyLiteral(c["alpha"]), name] };
    case "Bidirectional": {
      const inner = c["layer"] as { class_name: string; config: Record<string, unknown> };
      return { head: "layers.Bidirectional(", args: [`layers.${inner.class_name}(${kwargs(inner.class_name, inner.config).join(", ")})`, ...kwargs("Bidirectional", c, ["layer"]), name] };
    }
    case "SpectralNormalization": {
      const inner = c["layer"] as { class_name: string; config: Record<string, unknown> };
      return { head: "layers.SpectralNormalization(", args: [`layers.${inner.class_name}(${kwargs(inner.class_name, inner.config).join(", ")})`, ...kwargs("SpectralNormalization", c, ["layer"]), name] };
    }
    case "DilatedCausalConv1D":
      // Keras's causal Conv1D: left-padded by (k-1)·d, the same weights and outputs.
      return { head: "layers.Conv1D(", args: [...kwargs("Conv1D", c), name] };
    default: {
      const head = PYTHON_CLASSES[layer.class_name] ? `${layer.class_name}(` : `layers.${layer.class_name}(`;
      return { head, args: [...kwargs(layer.class_name, c), name] };
    }
  }
}

function networkLine(net: PlannedNetwork): string {
  const ins = net.inputs.map((i) => `${i.nodeId} ${shapeText(i.shape)}`).join(", ");
  const outs = net.outputs.map((o) => `${o.nodeId}${o.port !== "y" ? `.${o.port}` : ""} ${shapeText(o.shape)}`).join(", ");
  return `${ins} -> ${outs}`;
}

function writeNetwork(w: CodeWriter, net: PlannedNetwork, reserved: readonly string[]): void {
  w.push(`def ${buildFunctionNamePy(net.id)}():`, `${INDENT}"""Network "${net.id}": ${networkLine(net)}; ${count(net.paramCount)} parameters."""`);
  const scope = new NameScope(reserved);
  const vars = new Map<string, string[]>();
  let openPath: readonly string[] = [];
  for (const layer of net.layers) {
    let common = 0;
    while (common < openPath.length && common < layer.path.length && openPath[common] === layer.path[common]) common++;
    const previous = w.lines[w.lines.length - 1] ?? "";
    if ((layer.path.length > common || openPath.length > common) && previous.trim() !== "" && !previous.trimEnd().endsWith('"""')) w.push("");
    w.forNode(layer.nodeId, net.id, () => {
      for (let depth = common + 1; depth <= layer.path.length; depth++) {
        const b = net.blocks.get(layer.path.slice(0, depth).join("/"));
        const label = b?.label && b.label !== layer.path[depth - 1] ? ` "${commentText(b.label)}"` : "";
        w.push(`${INDENT}# Block ${layer.path.slice(0, depth).join(" > ")} (${b ? `${b.title}${label}, ${count(b.paramCount)} parameters` : "block"})`);
      }
      if (layer.path.length === 0 && layer.label !== undefined && layer.label !== layer.nodeId) w.push(`${INDENT}# ${commentText(layer.label)}: ${layer.title}${layer.describe ? ` ${commentText(layer.describe)}` : ""}`);
      w.push(...layerLines(layer, vars, scope));
    });
    openPath = layer.path;
  }
  const ins = net.inputs.map((i) => vars.get(i.layer)![i.tensorIndex]!);
  const outs = net.outputs.map((o) => vars.get(o.layer)![o.tensorIndex]!);
  if (openPath.length) w.push("");
  w.push(`${INDENT}return keras.Model(inputs=[${ins.join(", ")}], outputs=[${outs.join(", ")}], name=${pyString(net.topology.config.name)})`);
}

function layerLines(layer: PlannedLayer, vars: Map<string, string[]>, scope: NameScope): string[] {
  const base = pyIdentifier(layer.keras.name);
  const outs = layer.outputPorts.map((port, i) => scope.claim(i === 0 ? base : pyIdentifier(`${layer.keras.name}_${port}`)));
  vars.set(layer.keras.name, outs);
  const target = outs.join(", ");
  if (layer.keras.class_name === "InputLayer") {
    const c = layer.keras.config as Readonly<Record<string, unknown>>;
    const shape = (c["batch_input_shape"] as readonly (number | null)[]).slice(1);
    return callText(`${target} = keras.Input(`, [`shape=${pyLiteral(shape)}`, `dtype=${pyString(String(c["dtype"] ?? "float32"))}`, `name=${pyString(layer.keras.name)}`], ")", INDENT);
  }
  const inputs = layer.inputs.map(([name, index]) => vars.get(name)?.[index] ?? "None");
  const applied = inputs.length === 1 && !["Add", "Multiply", "Average", "Concatenate"].includes(layer.keras.class_name) && layer.keras.class_name !== "LayerloomAttention" ? inputs[0]! : `[${inputs.join(", ")}]`;
  const called = layer.keras.class_name === "LayerloomAttention" && inputs.length === 1 ? inputs[0]! : applied;
  const { head, args } = layerMaker(layer.keras);
  return callText(`${target} = ${head}`, args, `)(${called})`, INDENT);
}

export function exportKeras(doc: GraphDocument, options: KerasExportOptions = {}): CodeExportResult {
  const planned = planExport(doc, options.analysis);
  if (!planned.ok) return planned;
  return { ok: true, ...writeKeras(planned.plan, options.strategy ?? "none") };
}

export function writeKeras(plan: ExportPlan, strategy: Strategy): { text: string; fileName: string; spans: CodeSpan[]; warnings: string[] } {
  const { doc } = plan;
  const training = trainingPy(plan);
  const classes = [...new Set(plan.networks.flatMap((n) => n.layers.map((l) => l.keras.class_name)).filter((c) => PYTHON_CLASSES[c] !== undefined))].sort();
  const builders = plan.networks.map((n) => buildFunctionNamePy(n.id));
  const reserved = [...classes, ...builders, ...training.names, "make_strategy", "main", "STRATEGY", "strategy", "args", "data", "model"];
  const t = doc.training;
  const w = new CodeWriter();
  w.push(`"""${pyDocText(commentText(doc.name, 400))}`, "");
  if (doc.description) w.push(...wrapComment(doc.description, "").map(pyDocText), "");
  w.push(
    "Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).",
    ...plan.networks.map((n) => `  ${buildFunctionNamePy(n.id)}()  network "${n.id}": ${networkLine(n)}`),
  );
  if (training.main.length) {
    w.push(
      "",
      "Train on one machine, on every GPU of this machine, or on several machines:",
      `  python ${exportFileName(doc, "py")} --data ${training.dataFile ?? "DATA.npz"} [--strategy none|mirrored|multiworker]`,
      "For multiworker, start the script on every machine with TF_CONFIG describing the cluster",
      "(https://www.tensorflow.org/guide/distributed_training). --batch-size is per replica.",
    );
  }
  w.push(
    '"""',
    "import argparse",
    ...(training.imports ?? []).map((m) => `import ${m}`),
    "",
    "import numpy as np",
    "import tensorflow as tf",
    "from tensorflow import keras",
    "",
    "layers = keras.layers",
    "",
    `# The tf.distribute strategy chosen at export; --strategy overrides it.`,
    `STRATEGY = ${pyString(strategy)}`,
  );
  for (const cls of classes) w.push("", "", PYTHON_CLASSES[cls]!);
  for (const net of plan.networks) {
    w.push("", "");
    writeNetwork(w, net, reserved);
  }
  if (training.lines.length) w.push("", "", ...training.lines);
  w.push(
    "",
    "",
    "def make_strategy(name):",
    `${INDENT}"""none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""`,
    `${INDENT}if name == "mirrored":`,
    `${INDENT}${INDENT}return tf.distribute.MirroredStrategy()`,
    `${INDENT}if name == "multiworker":`,
    `${INDENT}${INDENT}return tf.distribute.MultiWorkerMirroredStrategy()`,
    `${INDENT}return tf.distribute.get_strategy()`,
  );
  if (training.main.length && t) {
    const saveName = exportFileName(doc, "keras");
    w.push(
      "",
      "",
      "def main():",
      `${INDENT}parser = argparse.ArgumentParser(description=${pyString(`Train ${doc.name} as the Layerloom document sets it up.`)})`,
      `${INDENT}parser.add_argument("--data", required=True, help=${pyString(training.dataHelp ?? "an .npz file")})`,
      `${INDENT}parser.add_argument("--epochs", type=int, default=${t.epochs})`,
      `${INDENT}parser.add_argument("--batch-size", type=int, default=${t.batchSize}, help="examples per replica and step")`,
      `${INDENT}parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)`,
      `${INDENT}parser.add_argument("--save", default=${pyString(saveName)}, help="where to save the trained model")`,
      `${INDENT}args = parser.parse_args()`,
      `${INDENT}strategy = make_strategy(args.strategy)`,
      `${INDENT}global_batch = args.batch_size * strategy.num_replicas_in_sync`,
      ...training.main,
      "",
      "",
      'if __name__ == "__main__":',
      `${INDENT}main()`,
    );
  } else {
    w.push(
      "",
      "",
      'if __name__ == "__main__":',
      `${INDENT}with make_strategy(STRATEGY).scope():`,
      ...builders.map((b) => `${INDENT}${INDENT}${b}().summary()`),
    );
  }
  const warnings = [...training.warnings];
  return { text: w.lines.join("\n") + "\n", fileName: exportFileName(doc, "py"), spans: w.spans, warnings };
}
