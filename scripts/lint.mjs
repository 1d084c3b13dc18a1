// Runs the import-boundary lint (dependency-cruiser) over the top-level folders that exist.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const folders = ["graph-ir", "runtime", "renderer", "electron", "cli", "tests"].filter((f) => existsSync(f));
try {
  execFileSync(process.execPath, ["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", "--config", ".dependency-cruiser.cjs", ...folders], { stdio: "inherit" });
} catch {
  process.exit(1);
}
