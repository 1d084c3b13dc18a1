/** Where Layerloom keeps downloads and measurements on this machine, per platform conventions; LAYERLOOM_CACHE overrides it. */
import { homedir } from "node:os";
import { join } from "node:path";

export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LAYERLOOM_CACHE) return env.LAYERLOOM_CACHE;
  if (platform === "win32") return join(env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local"), "Layerloom", "Cache");
  if (platform === "darwin") return join(homedir(), "Library", "Caches", "Layerloom");
  return join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "layerloom");
}
