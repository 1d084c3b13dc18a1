/**
 * The names a notebook cell sees (runtime/notebook/kernel.ts builds that scope), as a TypeScript
 * declaration file for Monaco's language service: `tf` is the real tfjs API (from the bundled
 * .d.ts files, tf-types.generated.json); the notebook's own helpers are written out here by hand,
 * with the shapes of runtime/notebook/helpers.ts, display.ts and plot.ts. Cells are scripts in
 * one global scope, so what one cell declares the others see, as they do in the kernel.
 * tests/unit/renderer/notebook/cell-scope.test.ts checks these names against the kernel's.
 */

/** Where the scope declarations live in Monaco's virtual file system. */
export const SCOPE_LIB_PATH = "file:///node_modules/@types/layerloom-notebook/index.d.ts";

/** Every name the kernel puts in a cell's scope. */
export const SCOPE_NAMES = ["tf", "graph", "ll", "model", "data", "display", "plot", "table", "console"] as const;

export const SCOPE_LIB = `type Tf = typeof import("@tensorflow/tfjs");
declare namespace Layerloom {
  type Split = "train" | "validation" | "test";
  interface GraphDocument {
    readonly format: "layerloom-graph";
    readonly version: 1;
    readonly name: string;
    readonly description?: string;
    readonly nodes: readonly { readonly id: string; readonly kind: string; readonly params: Readonly<Record<string, any>> }[];
    readonly edges: readonly any[];
    readonly networks: readonly { readonly id: string }[];
    readonly training?: { readonly dataset: string; readonly [setting: string]: any };
    readonly [part: string]: any;
  }
  interface Dataset {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly inputShape: readonly number[];
    readonly target: { readonly kind: string; readonly shape: readonly number[]; readonly [k: string]: any };
    size(split: Split): number;
    readonly [part: string]: any;
  }
  interface HistoryRow { step: number; loss: number; [column: string]: number }
  interface TrainOptions { readonly steps?: number; readonly epochs?: number; readonly seed?: number; readonly onStep?: (row: HistoryRow) => void }
  interface TrainResult { readonly history: HistoryRow[]; readonly networks: Record<string, import("@tensorflow/tfjs").LayersModel>; readonly columns: string[] }
  interface Batch { x: import("@tensorflow/tfjs").Tensor; y?: import("@tensorflow/tfjs").Tensor; labels?: number[] }
  type CellValue = string | number;
  interface Table { readonly kind: "table"; readonly columns: readonly string[]; readonly rows: readonly Readonly<Record<string, CellValue>>[] }
  interface Plot { readonly kind: "plot"; readonly spec: { readonly type: "line" | "scatter" | "bar" | "images"; readonly [k: string]: any } }
  interface Series { readonly name: string; readonly values: readonly number[] }
  /** A tensor of shape [H, W], [H, W, 1] or [H, W, 3] (or 1×H×W×C), or pixels 0..1 with their shape. */
  type Image = import("@tensorflow/tfjs").Tensor | { readonly pixels: ArrayLike<number>; readonly shape: readonly number[] };
  interface Helpers {
    /** Shapes, parameters and diagnostics of a graph (the notebook's graph when none is given). */
    analyze(doc?: GraphDocument): { readonly order: readonly string[]; readonly totals: { readonly params: number }; readonly [k: string]: any };
    /** One row per node: id, kind, output shape, params, and a total. */
    summary(doc?: GraphDocument): Table;
    /** Builds a network of the graph (seed 0) as a tfjs model; it becomes \`model\`. */
    build(doc?: GraphDocument, network?: string): Promise<import("@tensorflow/tfjs").LayersModel>;
    /** Loads a dataset (the graph's training dataset when none is named); it becomes \`data\`. */
    loadData(id?: string): Promise<Dataset>;
    /** Trains with the graph's training section (any recipe), as the app and the CLI do. */
    train(doc?: GraphDocument, options?: TrainOptions): Promise<TrainResult>;
    /** Mean of each training column on the test split (the train split when there is none). */
    evaluate(doc?: GraphDocument, networks?: Record<string, import("@tensorflow/tfjs").LayersModel>): Promise<Record<string, number>>;
    /** One shuffled batch of a split as tensors (class labels too, for class targets). */
    batch(data: Dataset | undefined, options?: { split?: Split; size?: number; seed?: number }): Batch;
  }
  interface Plots {
    line(o: { x?: number[]; series: Series[]; title?: string; logY?: boolean }): Plot;
    scatter(o: { points: [number, number][]; labels?: number[]; title?: string }): Plot;
    bar(o: { labels: string[]; values: number[]; title?: string }): Plot;
    image(value: Image, o?: { title?: string; scale?: number }): Plot;
    images(list: Image[], o?: { columns?: number; titles?: string[]; scale?: number; title?: string }): Plot;
  }
}
/** TensorFlow.js, the same instance the app trains with. */
declare const tf: Tf;
/** The graph open on the canvas, as it was when the cell ran. */
declare var graph: Layerloom.GraphDocument;
/** The notebook helpers over the app's runtime. */
declare const ll: Layerloom.Helpers;
/** The model the last ll.build or ll.train made. */
declare var model: import("@tensorflow/tfjs").LayersModel | undefined;
/** The dataset the last ll.loadData or ll.train loaded. */
declare var data: Layerloom.Dataset | undefined;
/** Shows each value below the cell (tables, plots, tensors, anything as text). */
declare function display(...values: unknown[]): void;
/** Charts and images, drawn live below the cell. */
declare const plot: Layerloom.Plots;
/** A table of rows, each an object of column name -> text or number. */
declare function table(rows: readonly Readonly<Record<string, Layerloom.CellValue>>[]): Layerloom.Table;
`;

/**
 * Semantic errors stay off: tfjs's declarations are exact where cells are loose (predict returns
 * Tensor | Tensor[], arraySync a union of nested arrays), so the shipped notebooks, which run
 * fine, would show dozens of false errors. Syntax errors, completions and hover types remain.
 */
export const NO_SEMANTIC_VALIDATION = true;

/** Diagnostics that cannot fit cells (async function bodies sharing one scope), by code. */
export const IGNORED_DIAGNOSTICS = [
  1375, // 'await' at top level needs a module: cells are async function bodies
  1378, // top-level await needs module/target settings
  1108, // 'return' outside a function: a cell is a function body
  2451, // block-scoped name declared again: re-running or redefining across cells is normal
  2300, // duplicate identifier, the same across cells
  2393, // duplicate function implementation, the same across cells
] as const;
