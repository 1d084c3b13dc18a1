// Type-checks each top-level folder under its own tsconfig, so each folder's globals are its own
// (graph-ir sees neither DOM nor Node). Folders without a tsconfig yet are skipped.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const folders = ["graph-ir", "runtime", "renderer", "electron", "cli", "tests"];
let failed = false;
for (const f of folders) {
  if (!existsSync(`${f}/tsconfig.json`)) continue;
  try {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", f], { stdio: "inherit" });
    console.log(`typecheck ${f}: ok`);
  } catch {
    console.error(`typecheck ${f}: failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
