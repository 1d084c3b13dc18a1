/**
 * Never lose a person's work: a child process saving and backing up in a loop (the desktop app's
 * own host services, see crash/saver.ts) is killed with SIGKILL at random moments, 200 times.
 * After every kill the file is whole (exactly the old or a newer complete version, never torn),
 * no confirmed save is lost, and the edits made since the last save come back from the backup;
 * the next run continues from what was recovered, as the app does after a crash.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { createHostServices } from "../../../electron/host/services.js";
import { tempDir } from "../host/temp.js";
import { BACKUP_KEY, WORKSPACE_FILE, editOf, graphText } from "./crash/document.js";

const KILLS = 200;
const SEED = 0x5eed1e55;

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the saver and kills it at a random point: after a random number (0 to 2) of completed
 * saves, plus a random part of the time one save takes on this disk, so kills land before,
 * during and between the steps of a save. Returns the last save and backup it confirmed.
 */
function runAndKill(script: string, args: string[], rand: () => number, saveMs: { value: number }): Promise<{ saved: number; backedUp: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const savesBeforeKill = Math.floor(rand() * 3);
    const extra = rand();
    let saved = -1;
    let backedUp = -1;
    let saves = 0;
    let lastAt = 0;
    let armed = false;
    let stderr = "";
    let buffered = "";
    const arm = () => {
      armed = true;
      setTimeout(() => child.kill("SIGKILL"), Math.floor(extra * 1.5 * saveMs.value));
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const [what, n] = line.split(" ");
        const now = performance.now();
        if (what === "ready") lastAt = now;
        if (what === "saved") {
          saved = Math.max(saved, Number(n));
          saves++;
          // Keep a running estimate of how long a save takes here.
          saveMs.value = 0.8 * saveMs.value + 0.2 * (now - lastAt);
          lastAt = now;
        }
        if (what === "backup") backedUp = Math.max(backedUp, Number(n));
        if (!armed && (what === "ready" || what === "saved") && saves >= savesBeforeKill) arm();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`The saver stopped by itself (code ${code}): ${stderr}`));
      else resolve({ saved, backedUp });
    });
  });
}

const CHAINS = 8;

/** Kills one saver after another on one workspace, checking what the next start finds each time. */
async function killChain(script: string, dir: string, seed: number, kills: number) {
  const workspace = join(dir, "ws");
  const state = join(dir, "state");
  await mkdir(workspace, { recursive: true });
  await writeFile(join(workspace, WORKSPACE_FILE), graphText(0));
  const rand = random(seed);
  const saveMs = { value: 20 };
  let resumeFrom = 0;
  let lastFileEdit = 0;
  let recoveredUnsaved = 0;
  for (let run = 0; run < kills; run++) {
    const context = `seed ${seed}, run ${run}`;
    const confirmed = await runAndKill(script, [workspace, state, String(resumeFrom)], rand, saveMs);

    // The next start: fresh services over the same folders, as the relaunched app has.
    const services = await createHostServices({ workspace, state, templates: join(state, "no-templates") });
    const file = await services.readFile(WORKSPACE_FILE);
    const fileEdit = editOf(file.text);
    expect(fileEdit, `${context}: the file is not one of the saved versions`).not.toBeNull();
    expect(file.text, `${context}: the file is torn`).toBe(graphText(fileEdit!));
    expect(parseGraphFile(file.text).ok, context).toBe(true);
    expect(fileEdit!, `${context}: a confirmed save was lost`).toBeGreaterThanOrEqual(Math.max(confirmed.saved, lastFileEdit));
    expect((await services.listFiles()).map((f) => f.path), `${context}: a temp file shows in the workspace`).toEqual([WORKSPACE_FILE]);

    const backup = await services.readBackup(BACKUP_KEY);
    let backupEdit = -1;
    if (confirmed.backedUp >= 0 || backup !== null) {
      expect(backup, `${context}: a confirmed backup is missing`).not.toBeNull();
      backupEdit = editOf(backup!.text) ?? -1;
      expect(backup!.text, `${context}: the backup is torn`).toBe(graphText(backupEdit));
      expect(backupEdit, `${context}: a confirmed backup was lost`).toBeGreaterThanOrEqual(confirmed.backedUp);
      expect(parseGraphFile(backup!.text).ok, context).toBe(true);
    }
    // Edits made after the last save: only the backup has them, and it brings them back.
    if (backupEdit > fileEdit!) recoveredUnsaved++;
    lastFileEdit = fileEdit!;
    resumeFrom = Math.max(fileEdit!, backupEdit);
  }
  // Temp files left by kills in the middle of a save: hidden from the workspace, never the file.
  const tempsLeft = (await readdir(workspace)).filter((n) => n.endsWith(".tmp")).length;
  return { kills, lastFileEdit, recoveredUnsaved, tempsLeft };
}

describe("crash safety", () => {
  it(`keeps the file whole and the unsaved edits backed up through ${KILLS} SIGKILLs`, async () => {
    const dir = await tempDir("layerloom-crash-");
    const script = join(dir, "saver.mjs");
    await build({ entryPoints: [fileURLToPath(new URL("./crash/saver.ts", import.meta.url))], bundle: true, platform: "node", format: "esm", target: "node20", outfile: script, logLevel: "error" });
    // Independent chains run side by side: a save waits on the disk, not the CPU.
    const results = await Promise.all(Array.from({ length: CHAINS }, (_, chain) => killChain(script, join(dir, `chain${chain}`), SEED + chain, KILLS / CHAINS)));
    const total = results.reduce((a, r) => ({ kills: a.kills + r.kills, saves: a.saves + r.lastFileEdit, recovered: a.recovered + r.recoveredUnsaved, midSave: a.midSave + r.tempsLeft }), { kills: 0, saves: 0, recovered: 0, midSave: 0 });
    expect(total.kills).toBe(KILLS);
    // The runs did real work, and crashes with unsaved edits happened and were recovered.
    expect(total.saves).toBeGreaterThan(KILLS);
    expect(total.recovered).toBeGreaterThan(KILLS / 20);
  }, 240_000);
});
