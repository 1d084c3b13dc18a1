/** Layer categories in the order the palette lists them, with their names and stripe colours. */
import type { Category } from "../../graph-ir/layers/types.js";

export const CATEGORY_ORDER: readonly Category[] = [
  "input", "core", "convolution", "pooling", "normalization", "activation",
  "reshape", "recurrent", "attention", "memory", "merge", "block",
];

export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  input: "Inputs",
  core: "Core",
  convolution: "Convolution",
  pooling: "Pooling",
  normalization: "Normalisation",
  activation: "Activation",
  reshape: "Reshape",
  recurrent: "Recurrent",
  attention: "Attention",
  memory: "Memory",
  merge: "Merge",
  block: "Blocks",
};

/** The CSS colour token of a category (defined in theme/tokens.css). */
export function categoryColor(category: Category | undefined): string {
  return category ? `var(--cat-${category})` : "var(--cat-unknown)";
}
