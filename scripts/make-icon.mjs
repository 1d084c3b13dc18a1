// One-off: renders renderer/public/icon.svg to build/icon.png (1024x1024), the icon
// electron-builder turns into each OS's format (.icns, .ico, the Linux sizes). Needs Chromium:
//   node scripts/make-icon.mjs [path-to-chromium]   (default /usr/bin/chromium)
// The output file is committed.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const SIZE = 1024;
const svg = readFileSync(new URL("../renderer/public/icon.svg", import.meta.url), "utf8");
const browser = await chromium.launch({ executablePath: process.argv[2] ?? "/usr/bin/chromium" });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  // The SVG's 18-unit box has a 1-unit margin; OS icon grids expect about that much air.
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${SIZE}" height="${SIZE}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  const target = new URL("../build/icon.png", import.meta.url);
  writeFileSync(target, png);
  console.log(`wrote ${target.pathname} (${png.length} bytes)`);
} finally {
  await browser.close();
}
