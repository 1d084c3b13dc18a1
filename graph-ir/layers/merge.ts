/**
 * Merge layers: Add, Multiply, Average (elementwise, equal shapes) and Concatenate (along one
 * axis). They take a variable number of inputs: the `inputs` param sets the ports in0..in{n-1}.
 * Elementwise merges require equal shapes rather than tfjs's broadcasting, so a residual branch
 * of the wrong size is reported instead of silently broadcast.
 */
import { p } from "../core/params.js";
import { dimNames, formatShape, isKnown, type Dim, type Shape } from "../core/shape.js";
import { knownProduct } from "./common.js";
import { offsetDim, scaleDim } from "./conv.js";
import { defineLayer, ok, type FixHint, type InferResult, type ShapeIssue } from "./types.js";

const inputsParam = () => p.int(2, 2, 16, "Number of inputs (ports in0, in1, ...).");
const portName = (i: number): string => `in${i}`;
const mergePorts = (n: number) => ({ inputs: Array.from({ length: n }, (_, i) => portName(i)), outputs: ["y"] });

/** The connected inputs, or one issue per unconnected port. */
function readInputs(inputs: readonly (Shape | undefined)[], n: number): { ok: true; xs: Shape[] } | { ok: false; r: InferResult } {
  const xs: Shape[] = [];
  const issues: ShapeIssue[] = [];
  for (let i = 0; i < n; i++) {
    const x = inputs[i];
    if (x) xs.push(x);
    else issues.push({ message: `needs an input on ${portName(i)}`, port: portName(i) });
  }
  return issues.length ? { ok: false, r: { ok: false, issues } } : { ok: true, xs };
}

/** Two sizes conflict only when both are known and differ; a symbol may turn out either way. */
const conflict = (a: Dim, b: Dim): boolean => isKnown(a) && isKnown(b) && a !== b;

/** Per position, a known size wins over a symbol (it says more). */
const unify = (a: Dim, b: Dim): Dim => (isKnown(a) ? a : b);

const PLURAL: Readonly<Record<string, string>> = {
  height: "heights", width: "widths", time: "lengths", channels: "channel counts", features: "feature counts",
};
const plural = (name: string): string => PLURAL[name] ?? `${name} sizes`;

/** Shrinks `big` to `small` the way ResNet's projection shortcut does: a strided 1x1 Conv2D. */
function projectionFix(big: Shape, small: Shape, port: string): FixHint | undefined {
  if (big.length !== 4 || !big.slice(1).every(isKnown) || !small.slice(1).every(isKnown)) return undefined;
  const strides: number[] = [];
  for (const axis of [1, 2]) {
    const [b, s] = [big[axis] as number, small[axis] as number];
    const r = Math.max(1, Math.round(b / s));
    if (Math.ceil(b / r) !== s) return undefined;
    strides.push(r);
  }
  const filters = small[3] as number;
  const strided = strides.some((s) => s > 1) ? ` stride ${strides.join("x")}` : "";
  return {
    label: `Insert a 1x1 Conv2D (${filters} filters${strided}) before ${port}`,
    action: "insertBefore", port, layer: "Conv2D",
    params: { filters, kernelSize: [1, 1], strides, padding: "same" },
  };
}

/** Dense (per time step for sequences) mapping the last axis of `port`'s input to `units`. */
function denseFix(units: number, port: string): FixHint {
  return { label: `Insert Dense (${units} units) before ${port}`, action: "insertBefore", port, layer: "Dense", params: { units } };
}

function elementwiseIssue(kind: string, a: Shape, b: Shape, port: string): ShapeIssue | undefined {
  const mismatch = a.length !== b.length || a.some((d, i) => conflict(d, b[i]!));
  if (!mismatch) return undefined;
  const fixes: FixHint[] = [];
  let detail = "";
  if (a.length === b.length) {
    const names = dimNames(a);
    const differ = a.flatMap((d, i) => (conflict(d, b[i]!) ? [`${plural(names[i]!)} ${d} vs ${b[i]}`] : []));
    detail = ` (${differ.join(", ")})`;
    const c0 = a[a.length - 1]!;
    const onlyLast = a.every((d, i) => i === a.length - 1 || !conflict(d, b[i]!));
    if (a.length === 4) {
      const fix = projectionFix(b, a, port) ?? projectionFix(a, b, portName(0));
      if (fix) fixes.push(fix);
    } else if (onlyLast && isKnown(c0)) {
      fixes.push(denseFix(c0, port));
    }
  }
  return {
    message: `${kind} needs equal shapes: ${formatShape(a)} vs ${formatShape(b)}${detail} on ${portName(0)} and ${port}`,
    port,
    fixes,
  };
}

type ElementwiseKind = "Add" | "Multiply" | "Average";
const ELEMENTWISE: Readonly<Record<ElementwiseKind, { title: string; summary: string; cost: (n: number) => number }>> = {
  Add: { title: "Add", summary: "Sums its inputs elementwise, e.g. a residual branch and its shortcut.", cost: (n) => n - 1 },
  Multiply: { title: "Multiply", summary: "Multiplies its inputs elementwise, e.g. to gate one signal by another.", cost: (n) => n - 1 },
  Average: { title: "Average", summary: "Averages its inputs elementwise, e.g. to ensemble branches.", cost: (n) => n },
};

function defineElementwise(kind: ElementwiseKind) {
  const info = ELEMENTWISE[kind];
  return defineLayer({
    kind,
    title: info.title,
    category: "merge",
    summary: info.summary,
    params: { inputs: inputsParam() },
    ports: (q) => mergePorts(q.inputs),
    infer: (inputs, q) => {
      const r = readInputs(inputs, q.inputs);
      if (!r.ok) return r.r;
      const [first, ...rest] = r.xs;
      const issues = rest.flatMap((x, i) => elementwiseIssue(kind, first!, x, portName(i + 1)) ?? []);
      if (issues.length) return { ok: false, issues };
      return ok(rest.reduce<Shape>((acc, x) => acc.map((d, i) => unify(d, x[i]!)), first!));
    },
    paramCount: () => 0,
    flops: (_in, [y], q) => (y ? info.cost(q.inputs) * knownProduct(y.slice(1)) : 0),
    toKeras: () => ({ className: kind, config: {} }),
    describe: (q) => (q.inputs > 2 ? `${q.inputs} inputs` : ""),
  });
}

export const Add = defineElementwise("Add");
export const Multiply = defineElementwise("Multiply");
export const Average = defineElementwise("Average");

/** Center-crops the larger image to the smaller one's height and width, as U-Net does for skips. */
function cropFix(big: Shape, small: Shape, port: string): FixHint | undefined {
  const dh = Number(big[1]) - Number(small[1]);
  const dw = Number(big[2]) - Number(small[2]);
  if (!(dh >= 0 && dw >= 0 && dh + dw > 0)) return undefined;
  const cropping = [Math.floor(dh / 2), Math.ceil(dh / 2), Math.floor(dw / 2), Math.ceil(dw / 2)];
  return {
    label: `Crop ${port} to ${small[1]}×${small[2]} (insert Cropping2D)`,
    action: "insertBefore", port, layer: "Cropping2D", params: { cropping },
  };
}

export const Concatenate = defineLayer({
  kind: "Concatenate",
  title: "Concatenate",
  category: "merge",
  summary: "Joins its inputs along one axis (by default the channels), e.g. the branches of an inception module.",
  params: {
    inputs: inputsParam(),
    axis: p.int(-1, -8, 8, "Axis to join along; -1 is the last (channels)."),
  },
  ports: (q) => mergePorts(q.inputs),
  infer: (inputs, q) => {
    const r = readInputs(inputs, q.inputs);
    if (!r.ok) return r.r;
    const [first, ...rest] = r.xs;
    const rank = first!.length;
    const axis = q.axis < 0 ? q.axis + rank : q.axis;
    const names = dimNames(first!);
    if (axis <= 0 || axis >= rank) {
      return {
        ok: false,
        issues: [{
          message: `Concatenate axis ${q.axis} does not name a feature axis of ${formatShape(first!)}; use 1..${rank - 1}, or -1 for the last (${names[rank - 1]})`,
          param: "axis",
          fixes: [{ label: "Join along the last axis (-1)", action: "setParam", param: "axis", value: -1 }],
        }],
      };
    }
    const issues: ShapeIssue[] = [];
    rest.forEach((x, k) => {
      const port = portName(k + 1);
      if (x.length !== rank) {
        issues.push({ message: `Concatenate needs inputs of the same rank: ${formatShape(first!)} on in0 vs ${formatShape(x)} on ${port}`, port });
        return;
      }
      const differ = first!.flatMap((d, i) => (i !== axis && conflict(d, x[i]!) ? [`${plural(names[i]!)} differ (${d} vs ${x[i]})`] : []));
      if (differ.length === 0) return;
      const spatialOnly = rank === 4 && first!.every((d, i) => i === axis || i === 1 || i === 2 || !conflict(d, x[i]!));
      const fix = spatialOnly ? cropFix(x, first!, port) ?? cropFix(first!, x, portName(0)) : undefined;
      issues.push({
        message: `Concatenate along ${names[axis]} needs all other dimensions equal, but ${differ.join(" and ")} between in0 ${formatShape(first!)} and ${port} ${formatShape(x)}`,
        port,
        fixes: fix ? [fix] : [],
      });
    });
    if (issues.length) return { ok: false, issues };
    let known = 0;
    const symbols: string[] = [];
    for (const x of r.xs) {
      const d = x[axis]!;
      if (isKnown(d)) known += d;
      else symbols.push(d);
    }
    const counts = new Map<string, number>();
    for (const sym of symbols) counts.set(sym, (counts.get(sym) ?? 0) + 1);
    const terms = [...counts].map(([sym, n]) => String(scaleDim(sym, n)));
    const joined: Dim = terms.length ? offsetDim(terms.join("+"), known) : known;
    const out = rest.reduce<Shape>((acc, x) => acc.map((d, i) => unify(d, x[i]!)), first!);
    return ok(out.map((d, i) => (i === axis ? joined : d)));
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "Concatenate", config: { axis: q.axis } }),
  describe: (q) => [q.axis === -1 ? "" : `axis ${q.axis}`, q.inputs > 2 ? `${q.inputs} inputs` : ""].filter(Boolean).join(", "),
});

export const mergeLayers = { Add, Concatenate, Multiply, Average };
