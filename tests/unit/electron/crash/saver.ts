/**
 * The child process of the crash test: the desktop app's save path, doing nothing but edit and
 * save, until it is killed. It edits the document every millisecond or so; edits are backed up
 * through the backup scheduler, and every eighth is saved with the version check, so most of the
 * time some edits are not saved yet. It reports each save and backup on stdout once completed.
 *   node saver.mjs <workspace> <state folder> <first edit number>
 */
import { join } from "node:path";
import { createBackupScheduler } from "../../../../renderer/platform/backup-scheduler.js";
import { createHostServices } from "../../../../electron/host/services.js";
import { BACKUP_KEY, WORKSPACE_FILE, graphText } from "./document.js";

const [workspace, state, first] = process.argv.slice(2);
if (!workspace || !state || first === undefined) throw new Error("usage: saver <workspace> <state> <first edit>");
const services = await createHostServices({ workspace, state, templates: join(state, "no-templates") });
const say = (line: string) => process.stdout.write(`${line}\n`);

let edit = Number(first);
let { version } = await services.readFile(WORKSPACE_FILE);
let taken = edit;
const backups = createBackupScheduler({
  read: () => {
    taken = edit;
    return graphText(taken);
  },
  write: async (text) => {
    const n = taken;
    await services.writeBackup(BACKUP_KEY, text);
    say(`backup ${n}`);
  },
  remove: () => services.removeBackup(BACKUP_KEY),
  // The real app waits up to a second; a short delay gives the test many backups per run.
  delayMs: 3,
});

say("ready");
for (;;) {
  edit++;
  backups.edited();
  if (edit % 8 === 0) {
    ({ version } = await services.writeFile(WORKSPACE_FILE, graphText(edit), { ifVersion: version }));
    say(`saved ${edit}`);
  } else {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
