/**
 * The template gallery's source: templates/<id>/ folders. A folder with a template.json lists
 * its configurations (the paper's sizes, a mini version that trains in seconds), each naming its
 * graph file beside it; a folder without one offers its first graph file (by name, a .json whose
 * "format" is "layerloom-graph") as its only configuration. Read-only.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { LIMITS, type TemplateConfiguration, type TemplateInfo } from "../../renderer/platform/contract.js";
import { HostError, errnoCode } from "./errors.js";

const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/i;
/** A graph file beside template.json: a plain name, never a path out of the folder. */
const GRAPH_FILE = /^[a-z0-9][a-z0-9_.-]{0,99}\.json$/i;
/** The configuration of a folder without template.json. */
export const SINGLE_CONFIGURATION = "default";

// Only what the gallery shows; the rest of template.json (paper, reference counts) is the
// templates' own business, checked by their tests.
const META = z.object({
  title: z.string().min(1).max(200),
  summary: z.string().max(2000).optional(),
  defaultConfiguration: z.string().regex(TEMPLATE_ID).optional(),
  configurations: z
    .array(z.object({ id: z.string().regex(TEMPLATE_ID), file: z.string().regex(GRAPH_FILE), title: z.string().min(1).max(200), summary: z.string().max(2000).optional() }))
    .min(1)
    .max(20),
});

interface Entry {
  readonly info: TemplateInfo;
  /** Graph file name by configuration id. */
  readonly files: ReadonlyMap<string, string>;
}

export interface Templates {
  list(): Promise<TemplateInfo[]>;
  /** A configuration's graph file as text; without a configuration, the template's default. */
  read(id: string, configuration?: string): Promise<string>;
  /** The template's notebook.ipynb as text, or null when it has none. */
  readNotebook(id: string): Promise<string | null>;
}

export function openTemplates(folder: string): Templates {
  async function readSmall(path: string): Promise<string | null> {
    try {
      const text = await readFile(path, "utf8");
      return text.length > LIMITS.fileBytes ? null : text;
    } catch (e) {
      if (errnoCode(e) === "ENOENT" || errnoCode(e) === "EISDIR") return null;
      throw e;
    }
  }

  const isGraph = (text: string): Record<string, unknown> | null => {
    try {
      const doc: unknown = JSON.parse(text);
      return typeof doc === "object" && doc !== null && (doc as Record<string, unknown>).format === "layerloom-graph" ? (doc as Record<string, unknown>) : null;
    } catch {
      return null; // not JSON: the folder may hold other files
    }
  };

  /** The folder's template, or null when it offers none (no graph, a broken template.json). */
  async function entryOf(id: string): Promise<Entry | null> {
    const dir = join(folder, id);
    const metaText = await readSmall(join(dir, "template.json"));
    if (metaText !== null) {
      let data: unknown;
      try {
        data = JSON.parse(metaText);
      } catch {
        return null;
      }
      const meta = META.safeParse(data);
      if (!meta.success) return null;
      const { title, summary, configurations } = meta.data;
      const ids = configurations.map((c) => c.id);
      if (new Set(ids).size !== ids.length) return null;
      const chosen = meta.data.defaultConfiguration ?? ids[0]!;
      if (!ids.includes(chosen)) return null;
      const infos = configurations.map((c): TemplateConfiguration => ({ id: c.id, title: c.title, ...(c.summary ? { description: c.summary } : {}) }));
      return {
        info: { id, name: title, ...(summary ? { description: summary } : {}), configurations: infos, defaultConfiguration: chosen },
        files: new Map(configurations.map((c) => [c.id, c.file])),
      };
    }
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && GRAPH_FILE.test(e.name)).map((e) => e.name).sort();
    } catch {
      return null;
    }
    for (const file of names) {
      const text = await readSmall(join(dir, file));
      const doc = text === null ? null : isGraph(text);
      if (!doc) continue;
      const name = typeof doc.name === "string" && doc.name ? doc.name : id;
      const description = typeof doc.description === "string" && doc.description ? doc.description : undefined;
      return {
        info: {
          id,
          name,
          ...(description ? { description } : {}),
          configurations: [{ id: SINGLE_CONFIGURATION, title: name, ...(description ? { description } : {}) }],
          defaultConfiguration: SINGLE_CONFIGURATION,
        },
        files: new Map([[SINGLE_CONFIGURATION, file]]),
      };
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
        const entry = await entryOf(id);
        if (entry) found.push(entry.info);
      }
      return found;
    },

    async read(id, configuration) {
      if (!TEMPLATE_ID.test(id)) throw new HostError("bad-request", `"${id}" is not a template name.`);
      if (configuration !== undefined && !TEMPLATE_ID.test(configuration)) throw new HostError("bad-request", `"${configuration}" is not a configuration name.`);
      const entry = await entryOf(id);
      if (!entry) throw new HostError("not-found", `There is no template "${id}".`);
      const chosen = configuration ?? entry.info.defaultConfiguration;
      const file = entry.files.get(chosen);
      if (!file) {
        throw new HostError("not-found", `The template "${entry.info.name}" has no configuration "${chosen}"; it has ${entry.info.configurations.map((c) => `"${c.id}"`).join(", ")}.`);
      }
      const text = await readSmall(join(folder, id, file));
      if (text === null || !isGraph(text)) throw new HostError("not-found", `The template "${entry.info.name}" lists ${file} for "${chosen}", but that is not a Layerloom graph file.`);
      return text;
    },

    async readNotebook(id) {
      if (!TEMPLATE_ID.test(id)) throw new HostError("bad-request", `"${id}" is not a template name.`);
      if (!(await entryOf(id))) throw new HostError("not-found", `There is no template "${id}".`);
      // The app parses and checks it (runtime/notebook/format.ts); over the size limit reads as none.
      return readSmall(join(folder, id, "notebook.ipynb"));
    },
  };
}
