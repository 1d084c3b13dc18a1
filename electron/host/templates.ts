/**
 * The template gallery's source: templates/<id>/ folders, each holding one graph file (the first
 * .json file, by name, whose "format" is "layerloom-graph"). Read-only.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { LIMITS, type TemplateInfo } from "../../renderer/platform/contract.js";
import { HostError, errnoCode } from "./errors.js";

const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/i;

export interface Templates {
  list(): Promise<TemplateInfo[]>;
  read(id: string): Promise<string>;
}

export function openTemplates(folder: string): Templates {
  async function graphOf(id: string): Promise<{ text: string; doc: Record<string, unknown> } | null> {
    let names: string[];
    try {
      names = (await readdir(join(folder, id), { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => e.name).sort();
    } catch {
      return null;
    }
    for (const name of names) {
      const text = await readFile(join(folder, id, name), "utf8");
      if (text.length > LIMITS.fileBytes) continue;
      try {
        const doc: unknown = JSON.parse(text);
        if (typeof doc === "object" && doc !== null && (doc as Record<string, unknown>).format === "layerloom-graph") return { text, doc: doc as Record<string, unknown> };
      } catch {
        // not a graph file; the folder may hold other JSON
      }
    }
    return null;
  }

  return {
    async list() {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (e) {
        if (errnoCode(e) === "ENOENT") return [];
        throw e;
      }
      const ids = entries.filter((e) => e.isDirectory() && TEMPLATE_ID.test(e.name)).map((e) => e.name).sort();
      const found: TemplateInfo[] = [];
      for (const id of ids) {
        const graph = await graphOf(id);
        if (!graph) continue;
        const { name, description } = graph.doc;
        found.push({ id, name: typeof name === "string" && name ? name : id, ...(typeof description === "string" ? { description } : {}) });
      }
      return found;
    },

    async read(id) {
      if (!TEMPLATE_ID.test(id)) throw new HostError("bad-request", `"${id}" is not a template name.`);
      const graph = await graphOf(id);
      if (!graph) throw new HostError("not-found", `There is no template "${id}".`);
      return graph.text;
    },
  };
}
