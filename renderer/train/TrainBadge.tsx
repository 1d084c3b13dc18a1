/**
 * The top bar's training controls: the backend badge (which backend trains, and why the others
 * were skipped, in its tooltip and accessible description) and the Train button, which runs
 * train.toggle. It also registers the training commands, since the top bar is always there.
 */
import { useCommandView, useRegisterCommands, useRunCommand } from "../commands/use-commands.js";
import { trainCommands } from "./train-commands.js";
import { useTrain } from "./use-training.js";
import styles from "./TrainBadge.module.css";

const LABEL: Record<string, string> = { webgpu: "WebGPU", webgl: "WebGL", wasm: "WASM", cpu: "CPU" };

export function TrainBadge() {
  useRegisterCommands(trainCommands, []);
  const backend = useTrain((s) => s.backend);
  const status = useTrain((s) => s.status);
  const view = useCommandView("train.toggle", "Train");
  const run = useRunCommand();
  const skipped = backend?.attempts.filter((a) => !a.ok).map((a) => `Skipped ${a.reason ?? a.name}`) ?? [];
  const why = backend ? [backend.summary, ...skipped].join("\n") : "";
  const action = status === "running" ? "Pause" : status === "paused" ? "Resume" : "Train";
  return (
    <div className={styles.group}>
      {backend && (
        <span className={styles.badge} role="status" aria-label={`Training backend: ${LABEL[backend.name] ?? backend.name}`} aria-description={why} title={why} data-backend={backend.name}>
          {LABEL[backend.name] ?? backend.name}
        </span>
      )}
      <button type="button" className={styles.button} title={view.shortcut ? `${action} training (${view.shortcut})` : `${action} training`} aria-label={action} disabled={!view.enabled || status === "starting" || status === "stopping"} onClick={() => run("train.toggle")}>
        {status === "running" ? "❚❚" : "▶"} {action}
      </button>
    </div>
  );
}
