/** Picks the Platform for where the app runs: the Electron bridge when present, else the web host. */
import { createElectronPlatform } from "./electron.js";
import type { Platform } from "./platform.js";
import { createWebPlatform, takeWebToken } from "./web.js";

export function choosePlatform(win: Window): Platform {
  if (win.layerloom) return createElectronPlatform(win.layerloom);
  // Without a token every API call is refused with a message that says where to get one.
  const token = takeWebToken(win.location, win.history, win.sessionStorage) ?? "";
  return createWebPlatform({ origin: win.location.origin, token });
}
