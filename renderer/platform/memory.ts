/**
 * A Platform held in memory, for tests and for trying the app without a host. It keeps the
 * same rules as the real hosts (allowed names, version checks on save, recent files limited and
 * pruned) so code tested against it behaves the same against them.
 */
import { LIMITS, type Backup, type TemplateConfiguration, type TemplateInfo } from "./contract.js";
import { parseWorkspacePath } from "./paths.js";
import { PlatformError, type Platform } from "./platform.js";

/** A template with one graph file (`text`), or with several configurations, each with its own. */
export type MemoryTemplate = (
  | (Pick<TemplateInfo, "id" | "name" | "description"> & { readonly text: string })
  | (Omit<TemplateInfo, "configurations"> & { readonly configurations: readonly (TemplateConfiguration & { readonly text: string })[] })
) & { readonly notebook?: string };

export interface MemoryPlatformSeed {
  /** Workspace files by path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly templates?: readonly MemoryTemplate[];
  /** The clock for backups and modification times; tests pass a fixed one. */
  readonly now?: () => number;
}

export interface MemoryPlatform extends Platform {
  /** The workspace as it is now, for assertions. */
  snapshot(): Record<string, string>;
  /** Changes (or, with null, deletes) a file as another program would, for conflict tests. */
  changeOutside(path: string, text: string | null): void;
}

interface StoredFile {
  readonly text: string;
  readonly version: string;
  readonly modified: number;
}

export function createMemoryPlatform(seed: MemoryPlatformSeed = {}): MemoryPlatform {
  const now = seed.now ?? Date.now;
  let counter = 0;
  const files = new Map<string, StoredFile>();
  const store = (path: string, text: string): StoredFile => {
    const file = { text, version: `v${++counter}`, modified: now() };
    files.set(path, file);
    return file;
  };
  for (const [path, text] of Object.entries(seed.files ?? {})) store(checkPath(path), text);
  const templates = [...(seed.templates ?? [])];
  let recent: string[] = [];
  const backups = new Map<string, Backup>();

  function existing(path: string): StoredFile {
    const file = files.get(checkPath(path));
    if (!file) throw new PlatformError("not-found", `"${path}" was not found in the workspace.`);
    return file;
  }

  return {
    kind: "memory",
    snapshot: () => Object.fromEntries([...files].map(([p, f]) => [p, f.text])),
    changeOutside(path, text) {
      if (text === null) files.delete(checkPath(path));
      else store(checkPath(path), text);
    },

    listFiles: async () =>
      [...files].map(([path, f]) => ({ path, size: new TextEncoder().encode(f.text).length, modified: f.modified })).sort((a, b) => (a.path < b.path ? -1 : 1)),

    async readFile(path) {
      const file = existing(path);
      return { path, text: file.text, version: file.version };
    },

    async readFileIfExists(path) {
      const file = files.get(checkPath(path));
      return file ? { path, text: file.text, version: file.version } : null;
    },

    async writeFile(path, text, options = {}) {
      checkPath(path);
      if (new TextEncoder().encode(text).length > LIMITS.fileBytes) throw new PlatformError("too-large", "The graph is too large to save.");
      const current = files.get(path);
      if (options.ifVersion === null && current) throw new PlatformError("conflict", `"${path}" already exists. Choose another name, or open it and save over it.`);
      if (typeof options.ifVersion === "string" && current?.version !== options.ifVersion) {
        throw new PlatformError("conflict", current ? `"${path}" changed on disk since it was opened.` : `"${path}" was deleted or moved since it was opened.`);
      }
      return { version: store(path, text).version };
    },

    recentFiles: async () => recent.filter((p) => files.has(p)),

    async addRecentFile(path) {
      existing(path);
      recent = [path, ...recent.filter((p) => p !== path)].slice(0, LIMITS.recentFiles);
      return recent.filter((p) => files.has(p));
    },

    listTemplates: async () => templates.map(templateInfo),

    async readTemplate(id, configuration) {
      const t = templates.find((x) => x.id === id);
      if (!t) throw new PlatformError("not-found", `There is no template "${id}".`);
      if ("text" in t) {
        if (configuration !== undefined && configuration !== SINGLE) throw new PlatformError("not-found", `The template "${t.name}" has no configuration "${configuration}".`);
        return t.text;
      }
      const chosen = configuration ?? t.defaultConfiguration;
      const c = t.configurations.find((x) => x.id === chosen);
      if (!c) throw new PlatformError("not-found", `The template "${t.name}" has no configuration "${chosen}".`);
      return c.text;
    },

    async readTemplateNotebook(id) {
      const t = templates.find((x) => x.id === id);
      if (!t) throw new PlatformError("not-found", `There is no template "${id}".`);
      return t.notebook ?? null;
    },

    async writeBackup(key, text) {
      backups.set(checkKey(key), { key, text, savedAt: now() });
    },
    readBackup: async (key) => backups.get(checkKey(key)) ?? null,
    listBackups: async () => [...backups.values()].map(({ key, savedAt }) => ({ key, savedAt })).sort((a, b) => b.savedAt - a.savedAt),
    async removeBackup(key) {
      backups.delete(checkKey(key));
    },
  };
}

/** The configuration id of a template seeded with one graph file, as the host names it. */
const SINGLE = "default";

function templateInfo(t: MemoryTemplate): TemplateInfo {
  const head = { id: t.id, name: t.name, ...(t.description !== undefined ? { description: t.description } : {}) };
  if ("text" in t) return { ...head, configurations: [{ id: SINGLE, title: t.name }], defaultConfiguration: SINGLE };
  return { ...head, configurations: t.configurations.map(({ text: _text, ...c }) => c), defaultConfiguration: t.defaultConfiguration };
}

function checkPath(path: string): string {
  const parsed = parseWorkspacePath(path);
  if (!parsed.ok) throw new PlatformError("invalid-path", parsed.message);
  return path;
}

function checkKey(key: string): string {
  if (key.length === 0 || key.length > LIMITS.backupKeyLength || /\p{Cc}/u.test(key)) {
    throw new PlatformError("bad-request", `A backup key must be 1 to ${LIMITS.backupKeyLength} printable characters.`);
  }
  return key;
}
