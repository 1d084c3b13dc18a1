/**
 * Everything the app asks of its host, as plain async functions over the workspace, the state
 * folder and the templates. The web host maps HTTP routes onto these; Electron main maps IPC.
 */
import { join } from "node:path";
import type { Platform } from "../../renderer/platform/platform.js";
import { parseWorkspacePath } from "../../renderer/platform/paths.js";
import { HostError } from "./errors.js";
import { openHostState } from "./host-state.js";
import { openTemplates } from "./templates.js";
import { openWorkspace, type Workspace } from "./workspace.js";

export type HostServices = Omit<Platform, "kind"> & { readonly workspace: Workspace };

export interface HostFolders {
  readonly workspace: string;
  /** Recent files and backups; defaults to ".layerloom" inside the workspace. */
  readonly state?: string;
  readonly templates: string;
}

export async function createHostServices(folders: HostFolders): Promise<HostServices> {
  const workspace = await openWorkspace(folders.workspace);
  const state = openHostState(folders.state ?? join(workspace.root, ".layerloom"));
  const templates = openTemplates(folders.templates);

  async function existing(paths: readonly string[]): Promise<string[]> {
    const kept: string[] = [];
    for (const p of paths) if (await workspace.exists(p)) kept.push(p);
    return kept;
  }

  return {
    workspace,
    listFiles: () => workspace.list(),
    readFile: (path) => workspace.read(path),
    readFileIfExists: (path) => workspace.readIfExists(path),
    writeFile: (path, text, options) => workspace.write(path, text, options),
    recentFiles: async () => existing(await state.recentFiles()),
    async addRecentFile(path) {
      // Only files that exist and may be opened are remembered.
      const parsed = parseWorkspacePath(path);
      if (!parsed.ok) throw new HostError("invalid-path", parsed.message);
      if (!(await workspace.exists(path))) throw new HostError("not-found", `"${path}" was not found in the workspace.`);
      return existing(await state.addRecentFile(path));
    },
    listTemplates: () => templates.list(),
    readTemplate: (id, configuration) => templates.read(id, configuration),
    readTemplateNotebook: (id) => templates.readNotebook(id),
    writeBackup: (key, text) => state.writeBackup(key, text),
    readBackup: (key) => state.readBackup(key),
    listBackups: () => state.listBackups(),
    removeBackup: (key) => state.removeBackup(key),
  };
}
