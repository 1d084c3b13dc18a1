/** Fixture documents loaded fresh for export tests. */
import { readFileSync } from "node:fs";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";

export function fixture(name: string): GraphDocument {
  const r = parseGraphFile(readFileSync(new URL(`../../fixtures/${name}.layerloom.json`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.doc;
}

export const lenet = (): GraphDocument => fixture("lenet5");
export const googlenet = (): GraphDocument => fixture("googlenet-mini");
export const toyGan = (): GraphDocument => fixture("toy-gan");

/** A document whose free text tries to end comments and strings and become code. */
export function hostileText(): GraphDocument {
  const doc = lenet();
  return {
    ...doc,
    name: 'Evil */ process.exit(1) /* """ \\x',
    description: 'line one\n*/ process.exit(2) /*\n""" import os; os.system("x") """ \\N{BAD} \\',
    nodes: doc.nodes.map((n) => (n.id === "c1" ? { ...n, label: "C1\nprocess.exit(3)\u2028process.exit(4)\r# also\u2029import os" } : n)),
    training: { ...doc.training!, dataset: "digits\nprocess.exit(5)" },
  };
}
