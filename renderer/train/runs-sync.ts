/**
 * Keeps a graph's runs and its last trained weights beside the graph file:
 *   nets/lenet.layerloom.json  ->  nets/lenet.runs.json, nets/lenet.weights.json
 * When a graph opens, its runs are read back (the charts can overlay them again); when a run
 * ends, the runs file is rewritten and the run's weights replace the previous ones. A graph
 * without a file keeps its runs in memory and writes them on its first save.
 *
 * A runs file that cannot be read is never overwritten: new runs stay in memory and the log
 * says why. Writes go one at a time, through the host's atomic save.
 */
import { serializeWeights, siblingPath, type TrainedWeights } from "../../runtime/train/weights-file.js";
import { isPlatformError, type Platform } from "../platform/platform.js";
import { EMPTY_HISTORY } from "../store/history.js";
import type { AppState, AppStore } from "../store/app-store.js";
import { parseRuns, serializeRuns, storedRuns } from "./runs-file.js";
import type { RunRecord, TrainController, WeightsMsg } from "./train-store.js";

export interface RunsSync {
  /** Give the controller's run and weights events here (createTrainController's options). */
  runsChanged(runs: readonly RunRecord[]): void;
  weights(run: RunRecord, msg: WeightsMsg): void;
  /** Resolves when every write asked for so far is done (tests, closing). */
  idle(): Promise<void>;
  dispose(): void;
}

export function startRunsSync(app: AppStore, platform: Platform, controller: () => TrainController): RunsSync {
  let path = app.getState().document.path;
  /** The runs file beside `path` could not be read, so it is left as it is. */
  let blocked = false;
  /** Weights of a run on a graph without a file yet, written on its first save. */
  let pending: TrainedWeights | undefined;
  let queue: Promise<void> = Promise.resolve();
  const note = (line: string) => controller().note(line);
  const later = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((e: unknown) => note(`Could not keep the runs beside the graph: ${isPlatformError(e) ? e.message : String(e)}`));
  };

  const writeRuns = (at: string) => {
    later(async () => {
      // Read when the write runs, so marks made by earlier writes in the queue are in it.
      if (blocked || path !== at) return;
      await platform.writeFile(siblingPath(at, "runs"), serializeRuns(storedRuns(controller().store.getState().runs)));
    });
  };

  const writeWeights = (at: string, w: TrainedWeights) => {
    later(async () => {
      await platform.writeFile(siblingPath(at, "weights"), serializeWeights(w));
      controller().markWeights(w.run.id);
      note(`Saved the weights of ${w.run.label} beside the graph (${siblingPath(at, "weights")}).`);
    });
    writeRuns(at);
  };

  const load = (at: string) => {
    later(async () => {
      const runsPath = siblingPath(at, "runs");
      const unreadable = (why: string) => {
        blocked = true;
        controller().loadRuns([]);
        note(`The runs beside this graph (${runsPath}) could not be read: ${why.replace(/\.$/, "")}. New runs are kept for this session only; the file is left as it is.`);
      };
      let file;
      try {
        // Most graphs have no runs file: that is null here, not an error.
        file = await platform.readFileIfExists(runsPath);
      } catch (e) {
        return unreadable(isPlatformError(e) ? e.message : String(e)); // there, but too large, not text, ...
      }
      if (!file) return controller().loadRuns([]);
      const parsed = parseRuns(file.text);
      if (!parsed.ok) return unreadable(parsed.message);
      controller().loadRuns(parsed.runs);
      if (parsed.runs.length) note(`Loaded ${parsed.runs.length} earlier run${parsed.runs.length === 1 ? "" : "s"} of this graph.`);
    });
  };

  // A document was opened (or a new one started) when the history is the fresh one again and
  // the document changed; edits never put the empty history back.
  const opened = (s: AppState, prev: AppState) => s.history === EMPTY_HISTORY && (prev.history !== EMPTY_HISTORY || s.document.doc !== prev.document.doc);

  const unsubscribe = app.subscribe((s, prev) => {
    const next = s.document.path;
    if (opened(s, prev)) {
      path = next;
      blocked = false;
      pending = undefined;
      if (next) load(next);
      else controller().loadRuns([]);
      return;
    }
    if (next !== path) {
      // Saved under a new name: the runs (and weights) so far go beside the new file.
      path = next;
      blocked = false;
      if (!next) return;
      if (pending) writeWeights(next, pending);
      else if (controller().store.getState().runs.length) writeRuns(next); // no file for a graph never trained
      pending = undefined;
    }
  });
  if (path) load(path);

  return {
    runsChanged() {
      if (path) writeRuns(path);
    },
    weights(run, msg) {
      const w: TrainedWeights = {
        format: "layerloom-weights", version: 1, graphHash: run.graphHash,
        run: { id: run.id, label: run.label, steps: msg.step, savedAt: new Date().toISOString() },
        networks: msg.networks,
      };
      if (path) writeWeights(path, w);
      else pending = w;
    },
    idle: () => queue,
    dispose: unsubscribe,
  };
}
