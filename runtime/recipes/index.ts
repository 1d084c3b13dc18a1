/**
 * The training recipes, by the id a training section names. A new recipe is one file beside
 * this one and one line here; the loop does not change.
 */
import { TrainingError } from "../train/errors.js";
import type { Recipe } from "../train/recipe.js";
import { supervised } from "./supervised.js";
import { autoregressive } from "./autoregressive.js";
import { word2vec } from "./word2vec.js";
import { ssd } from "./ssd.js";
import { yolo } from "./yolo.js";
import { gan, hinge } from "./gan.js";
import { wganClip, wganGp } from "./wgan.js";
import { conditionalGan } from "./conditional.js";
import { pix2pix } from "./pix2pix.js";

export const RECIPES: Readonly<Record<string, Recipe>> = {
  supervised,
  gan,
  hinge,
  "wgan-clip": wganClip,
  "wgan-gp": wganGp,
  "conditional-gan": conditionalGan,
  pix2pix,
  yolo,
  ssd,
  autoregressive,
  word2vec,
};

export function recipeFor(id: string): Recipe {
  const r = Object.hasOwn(RECIPES, id) ? RECIPES[id] : undefined;
  if (!r) throw new TrainingError("unknown-recipe", `The training recipe "${id}" is not available in this version of Layerloom; available: ${Object.keys(RECIPES).join(", ")}.`);
  return r;
}
