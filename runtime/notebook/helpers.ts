/**
 * `ll`, the notebook's helpers over the runtime: analysis and summary tables, building seeded
 * models, loading data, training with the document's own training section (any recipe, through
 * the same session and loop as the app and the CLI), evaluating on the test split and taking
 * batches as tensors. Remembers the last model and dataset for the scope's `model` and `data`.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { Dataset, Split } from "../data/types.js";
import { toTensor } from "../data/tensors.js";
import { materializeNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { partition } from "../train/data-order.js";
import { train as runLoop } from "../train/loop.js";
import { prepareTraining, type TrainingSession } from "../train/session.js";
import { table, type Table } from "./display.js";

export interface HelperEnv {
  readonly graph: () => GraphDocument;
  readonly loadDataset: (id: string) => Promise<Dataset>;
  /** Set while the cell is being interrupted; training stops at the next batch. */
  readonly interrupted: () => boolean;
}

export interface TrainOptions {
  readonly steps?: number;
  readonly epochs?: number;
  readonly seed?: number;
  readonly onStep?: (row: HistoryRow) => void;
}

export interface HistoryRow { step: number; loss: number; [column: string]: number }

export interface TrainResult {
  readonly history: HistoryRow[];
  readonly networks: Record<string, tf.LayersModel>;
  readonly columns: string[];
}

function isDoc(v: unknown): v is GraphDocument {
  return typeof v === "object" && v !== null && (v as { format?: unknown }).format === "layerloom-graph";
}

export function makeHelpers(env: HelperEnv) {
  const state: { model?: tf.LayersModel; data?: Dataset } = {};
  // Sessions of earlier ll.train calls, so ll.evaluate can reuse their recipe with trained weights.
  const sessions: { session: TrainingSession; networks: Record<string, tf.LayersModel> }[] = [];
  const docOf = (d: unknown): GraphDocument => {
    if (d === undefined) return env.graph();
    if (!isDoc(d)) throw new TypeError("Pass a graph document (such as graph), or nothing to use the notebook's graph.");
    return d;
  };
  const trainingOf = (doc: GraphDocument) => {
    if (!doc.training) throw new Error(`"${doc.name}" has no training section; open the template's mini configuration, which has one.`);
    return doc.training;
  };

  const ll = {
    analyze(doc?: GraphDocument): Analysis {
      return analyze(docOf(doc));
    },
    summary(doc?: GraphDocument): Table {
      const a = analyze(docOf(doc));
      const rows = a.order.map((id) => {
        const n = a.nodes.get(id)!;
        const shapes = Object.values(n.outputs).map((s) => formatShape(s));
        return { id, kind: n.kind, "output shape": shapes.join(", ") || "?", params: n.paramCount };
      });
      rows.push({ id: "total", kind: "", "output shape": "", params: a.totals.params });
      return table(rows);
    },
    async build(doc?: GraphDocument, network?: string): Promise<tf.LayersModel> {
      const d = docOf(doc);
      const id = network ?? d.training?.networks.model ?? d.networks[0]?.id;
      if (!id) throw new Error(`"${d.name}" has no network to build.`);
      const built = await materializeNetwork(d, id, { seed: 0 });
      state.model = built.model;
      return built.model;
    },
    async loadData(id?: string): Promise<Dataset> {
      const name = id ?? env.graph().training?.dataset;
      if (!name) throw new Error("Name a dataset (for example ll.loadData(\"shipped:digits\")): the notebook's graph has no training section.");
      const data = await env.loadDataset(name);
      state.data = data;
      return data;
    },
    async train(doc?: GraphDocument, options: TrainOptions = {}): Promise<TrainResult> {
      const d = docOf(doc);
      const training = trainingOf(d);
      const dataset = state.data?.id === training.dataset ? state.data : await env.loadDataset(training.dataset);
      state.data = dataset;
      const seed = options.seed ?? 0;
      let epochs = options.epochs;
      const probe = await prepareTraining(d, { dataset, seed });
      const { batchSize, validationSplit } = probe.settings;
      probe.dispose();
      const trainCount = partition(dataset.size("train"), validationSplit, seed).train.length;
      const perEpoch = Math.max(1, Math.ceil(trainCount / batchSize));
      if (options.steps !== undefined && epochs === undefined) epochs = Math.ceil(options.steps / perEpoch);
      const session = await prepareTraining(d, { dataset, seed, ...(epochs !== undefined ? { epochs } : {}) });
      const columns = session.prepared.columns.map((c) => c.name);
      const history: HistoryRow[] = [];
      const signal = { aborted: false };
      let prevMeans: Record<string, number> = {}, prevSamples = 0;
      await runLoop({
        recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint, signal, readLag: 0,
        onBatch: (p) => {
          // The loop reports running means per epoch; the step's own value is the difference.
          const size = p.batch === p.batches ? trainCount - (p.batches - 1) * batchSize : batchSize;
          const samples = p.batch === 1 ? size : prevSamples + size;
          const row: HistoryRow = { step: p.step, loss: NaN };
          for (const c of columns) {
            const mean = p.values[c]!;
            row[c] = p.batch === 1 ? mean : (mean * samples - (prevMeans[c] ?? 0) * prevSamples) / size;
          }
          prevMeans = { ...p.values };
          prevSamples = samples;
          history.push(row);
          options.onStep?.(row);
          if ((options.steps !== undefined && history.length >= options.steps) || env.interrupted()) signal.aborted = true;
        },
      });
      if (env.interrupted()) throw new Error("Interrupted.");
      const networks: Record<string, tf.LayersModel> = {};
      for (const [role, net] of Object.entries(session.roles)) networks[role] = net.model;
      sessions.push({ session, networks });
      state.model = networks.model ?? Object.values(networks)[0];
      return { history, networks, columns };
    },
    async evaluate(doc?: GraphDocument, networks?: Record<string, tf.LayersModel>): Promise<Record<string, number>> {
      const d = docOf(doc);
      const training = trainingOf(d);
      const matches = sessions.filter((s) => (networks ? s.networks === networks || Object.values(networks).every((m) => Object.values(s.networks).includes(m)) : true));
      const known = matches[matches.length - 1];
      let session = known?.session;
      let own: TrainingSession | undefined;
      const dataset = state.data?.id === training.dataset ? state.data : await env.loadDataset(training.dataset);
      if (!session) {
        own = session = await prepareTraining(d, { dataset, seed: 0 });
        // Someone else's models: copy their weights into the recipe's networks.
        for (const [role, m] of Object.entries(networks ?? {})) session.roles[role]?.model.setWeights(m.getWeights());
      }
      try {
        const split: Split = dataset.size("test") > 0 ? "test" : "train";
        const cols = session.prepared.columns;
        const sums = new Array<number>(cols.length).fill(0);
        let count = 0;
        for (const batch of dataset.batches(split, { batchSize: session.settings.batchSize, seed: 0, shuffle: false })) {
          const values = tf.tidy(() => session!.prepared.evaluate(batch));
          const v = await values.data();
          values.dispose();
          cols.forEach((_, k) => { sums[k]! += v[k]! * batch.size; });
          count += batch.size;
          if (env.interrupted()) throw new Error("Interrupted.");
        }
        const out: Record<string, number> = {};
        cols.forEach((c, k) => { out[c.name] = count ? sums[k]! / count : NaN; });
        return out;
      } finally {
        own?.dispose();
      }
    },
    batch(data: Dataset | undefined, o: { split?: Split; size?: number; seed?: number } = {}): { x: tf.Tensor; y?: tf.Tensor; labels?: number[] } {
      const ds = data ?? state.data;
      if (!ds || typeof ds.batches !== "function") throw new TypeError("ll.batch needs a dataset: call ll.loadData() first and pass its result.");
      const split = o.split ?? "train";
      const size = Math.max(1, Math.min(Math.round(o.size ?? 8), ds.size(split)));
      const first = ds.batches(split, { batchSize: size, seed: o.seed ?? 0, shuffle: true })[Symbol.iterator]().next();
      if (first.done) throw new Error(`The ${split} split of ${ds.id} is empty.`);
      const b = first.value;
      const x = toTensor(b.x);
      const y = toTensor(b.y);
      const labels = ds.target.kind === "classes" && ds.target.shape.length === 0 ? Array.from(b.y.data) : undefined;
      return { x, y, ...(labels ? { labels } : {}) };
    },
  };
  return { ll, state, dispose: () => { for (const s of sessions) s.session.dispose(); sessions.length = 0; } };
}

export type Helpers = ReturnType<typeof makeHelpers>["ll"];
