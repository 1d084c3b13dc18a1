/**
 * Which model an inspection looks at, inside the training worker: the running run's networks,
 * else the last finished run's (kept for this), else the untrained model of the open graph,
 * built with the run seed. A trained model is used only while the open graph still compiles to
 * the same topology; after an edit the untrained model of the graph as it is now is used, and the
 * note says so.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { compileNetwork } from "../../graph-ir/passes/compile.js";
import { hashSeed } from "../../runtime/data/rng.js";
import type { Dataset } from "../../runtime/data/types.js";
import { prepareTraining, type TrainingSession } from "../../runtime/train/session.js";

export interface ModelSource {
  readonly session: TrainingSession;
  readonly dataset: Dataset;
  readonly step: number;
  readonly trained: boolean;
  /** Whether the source belongs to a run still going (its session must not be disposed here). */
  readonly live: boolean;
}

export interface Chosen {
  readonly source: ModelSource;
  readonly note: string;
}

const topologyOf = (networks: readonly { readonly topology: unknown }[]) => JSON.stringify(networks.map((n) => n.topology));

/** The open graph's topologies for the networks a session holds, or undefined when one does not compile. */
function docTopology(doc: GraphDocument, ids: readonly string[]): string | undefined {
  const out: unknown[] = [];
  for (const id of ids) {
    const c = compileNetwork(doc, id);
    if (!c.ok) return undefined;
    out.push(c.topology);
  }
  return JSON.stringify(out);
}

export class ModelSources {
  private kept: ModelSource | undefined;
  private untrained: { key: string; source: ModelSource } | undefined;

  /** A finished run's networks, kept for inspection until the next run finishes. */
  keep(source: ModelSource): void {
    if (this.kept && this.kept.session !== source.session) this.kept.session.dispose();
    this.kept = source;
  }

  async choose(doc: GraphDocument, datasetId: string, seed: number, live: ModelSource | undefined, load: (id: string) => Promise<Dataset>): Promise<Chosen> {
    let changed = false;
    for (const s of [live, this.kept]) {
      if (!s) continue;
      if (docTopology(doc, s.session.networks.map((n) => n.id)) === topologyOf(s.session.networks)) {
        return { source: s, note: s.live ? `The model of the current run, at step ${s.step}.` : `The trained model of the last run (${s.step} steps).` };
      }
      changed = true;
    }
    const key = `${hashSeed(JSON.stringify({ nodes: doc.nodes, edges: doc.edges, blocks: doc.blocks, networks: doc.networks, training: doc.training })).toString(16)}:${datasetId}:${seed}`;
    if (this.untrained?.key !== key) {
      const dataset = await load(datasetId);
      const session = await prepareTraining(doc, { dataset, seed, epochs: 1 });
      this.untrained?.source.session.dispose();
      this.untrained = { key, source: { session, dataset, step: 0, trained: false, live: false } };
    }
    const note = changed
      ? `The graph changed since the last run, so this is the untrained model of the graph as it is now (weights seeded with ${seed}).`
      : `No training has run yet: this is the untrained model (weights seeded with ${seed}). Train to see what it learns.`;
    return { source: this.untrained.source, note };
  }
}
