/**
 * From a graph document and a dataset to a run ready for the loop: settings checked, the bound
 * networks built with seeded weights, the recipe prepared, and the fingerprint a checkpoint must
 * match. The CLI and the app's training worker both start here.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { Dataset } from "../data/types.js";
import { hashSeed } from "../data/rng.js";
import { MaterializeError, materializeNetwork, type MaterializedNetwork } from "../materialize/materialize.js";
import { recipeFor } from "../recipes/index.js";
import { TrainingError } from "./errors.js";
import { refuseDilatedConvolutions } from "./dilation-check.js";
import type { PreparedRecipe, Recipe } from "./recipe.js";
import { parseSettings, type SettingsOverrides, type TrainSettings } from "./settings.js";

export interface TrainingSession {
  readonly recipe: Recipe;
  readonly prepared: PreparedRecipe;
  readonly settings: TrainSettings;
  /** Networks by role, as the recipe sees them. */
  readonly roles: Readonly<Record<string, MaterializedNetwork>>;
  /** The same networks, once each. */
  readonly networks: readonly MaterializedNetwork[];
  readonly fingerprint: string;
  readonly warnings: readonly string[];
  /** Frees the networks and the recipe's optimisers. */
  dispose(): void;
}

export interface SessionOptions extends SettingsOverrides {
  readonly dataset: Dataset;
  readonly analysis?: Analysis;
}

export async function prepareTraining(doc: GraphDocument, options: SessionOptions): Promise<TrainingSession> {
  const training = doc.training;
  if (!training) throw new TrainingError("no-training", `"${doc.name}" has no training section: add one that names the recipe, the network, the dataset and the losses.`);
  const recipe = recipeFor(training.recipe);
  const { settings, warnings } = parseSettings(training, recipe.options, options);

  const missing = recipe.roles.filter((r) => training.networks[r] === undefined);
  if (missing.length) {
    throw new TrainingError("bad-settings", `The ${recipe.id} recipe needs training.networks to bind ${recipe.roles.map((r) => `"${r}"`).join(" and ")}; "${missing.join('", "')}" ${missing.length === 1 ? "is" : "are"} missing.`);
  }
  const analysis = options.analysis && options.analysis.doc === doc ? options.analysis : analyze(doc);
  const built = new Map<string, MaterializedNetwork>();
  const roles: Record<string, MaterializedNetwork> = {};
  try {
    for (const role of recipe.roles) {
      const id = training.networks[role]!;
      let net = built.get(id);
      if (!net) {
        net = await materializeNetwork(doc, id, { seed: settings.seed, analysis });
        built.set(id, net);
        refuseDilatedConvolutions(net);
      }
      roles[role] = net;
    }
  } catch (e) {
    for (const n of built.values()) n.model.dispose();
    if (e instanceof MaterializeError) throw new TrainingError("graph", e.message);
    throw e;
  }
  const networks = [...built.values()];
  let prepared: PreparedRecipe;
  try {
    prepared = recipe.prepare({ doc, training, settings, networks: roles, dataset: options.dataset });
  } catch (e) {
    for (const n of networks) n.model.dispose();
    throw e;
  }
  const fingerprint = hashSeed(
    JSON.stringify({
      networks: networks.map((n) => n.topology),
      recipe: training.recipe, roles: training.networks, losses: training.losses, optimizer: training.optimizer.kind,
      batchSize: settings.batchSize, validationSplit: settings.validationSplit, seed: settings.seed, dataset: options.dataset.id,
    }),
  ).toString(16);
  return {
    recipe, prepared, settings, roles, networks, fingerprint,
    warnings: [...warnings, ...prepared.warnings],
    dispose() {
      prepared.dispose();
      for (const n of networks) n.model.dispose();
    },
  };
}
