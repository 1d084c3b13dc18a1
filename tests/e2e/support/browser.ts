/**
 * Debian's Chromium under playwright-core (Playwright cannot download its own browser here).
 * The flags keep it from calling home, so a run touches nothing but 127.0.0.1.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.LAYERLOOM_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * Waits for the browser binary (CI may still be installing it), then starts it headless.
 * `args`: more flags, e.g. --enable-unsafe-webgpu for the training tests.
 */
export async function launchChromium({ waitMs = 120_000, args = [] as readonly string[] } = {}): Promise<Browser> {
  const deadline = Date.now() + waitMs;
  while (!existsSync(CHROMIUM)) {
    if (Date.now() > deadline) throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with "apt-get install chromium", or set LAYERLOOM_CHROMIUM to its path.`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...args] });
}
