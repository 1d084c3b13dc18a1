/**
 * The Train tab: dataset and preview, the run's settings (from the graph's training section,
 * changeable for the next run), start/pause/resume/stop, live charts with a log-scale toggle,
 * CSV export and an overlay of an earlier run, the log, and the evaluation after a run.
 */
import { memo, useEffect, useMemo, useState } from "react";
import { DATASET_IDS } from "../../runtime/data/registry.js";
import { isStandardId } from "../../runtime/data/standard.js";
import { useRunCommand } from "../commands/use-commands.js";
import { useApp } from "../store/context.js";
import { choiceFor } from "../sample/use-sample.js";
import { saveExport } from "../code/save-export.js";
import { chartsFor, runCsv } from "./chart-data.js";
import { Chart } from "./Chart.js";
import { EvaluationView } from "./EvaluationView.js";
import { BACKENDS } from "./protocol.js";
import { SampleImage } from "./SampleImage.js";
import type { Preview } from "./train-store.js";
import { runOptionsFor, useTrain, useTraining } from "./use-training.js";
import styles from "./TrainPanel.module.css";

// Standard sets are downloaded by the desktop host or the CLI; the browser trains on the rest.
const BROWSER_DATASETS = DATASET_IDS.filter((id) => !isStandardId(id));

const MemoEvaluation = memo(EvaluationView);

/** Memoised: the panel re-renders on every progress message, the samples never change with it. */
const PreviewGrid = memo(function PreviewGrid({ preview }: { preview: Preview }) {
  return (
    <div aria-label={`Samples of ${preview.title}`}>
      <p className={styles.note}>{preview.description}</p>
      <div className={styles.grid}>
        {preview.samples.map((s, i) => (
          <SampleImage key={i} sample={s} caption={s.label} />
        ))}
      </div>
    </div>
  );
});

export function TrainPanel() {
  const t = useTraining();
  const doc = useApp((s) => s.document.doc);
  const status = useTrain((s) => s.status);
  const draft = useTrain((s) => s.draft);
  const runs = useTrain((s) => s.runs);
  const current = useTrain((s) => s.current);
  const version = useTrain((s) => s.version);
  const overlayId = useTrain((s) => s.overlay);
  const preview = useTrain((s) => s.preview);
  const log = useTrain((s) => s.log);
  const error = useTrain((s) => s.error);
  const fault = useTrain((s) => s.fault);
  const runCommand = useRunCommand();
  const [logScale, setLogScale] = useState(false);

  const options = runOptionsFor(doc, draft);
  const dataset = typeof options === "string" ? undefined : options.dataset;
  useEffect(() => {
    if (dataset && preview?.dataset !== dataset) t.preview(dataset);
  }, [dataset, preview?.dataset, t]);

  const shown = runs.find((r) => r.id === current) ?? runs[runs.length - 1];
  const overlay = runs.find((r) => r.id === overlayId && r.id !== shown?.id);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the run objects grow in place; version says when
  // A run that is starting has no columns yet: borrow the previous run's, so the charts keep
  // their shape (rebuilding them costs the page a long task) until its own arrive.
  const columns = shown?.columns.length ? shown.columns : ([...runs].reverse().find((r) => r.columns.length)?.columns ?? []);
  const charts = useMemo(() => (shown ? chartsFor({ ...shown, columns }, overlay) : []), [shown, overlay, version, columns]);

  if (typeof options === "string") return <p className={styles.empty}>{options}</p>;
  const training = doc.training!;
  const busy = status === "starting" || status === "running" || status === "paused" || status === "stopping";
  const last = shown?.points[shown.points.length - 1];

  const exportCsv = async () => {
    if (!shown) return;
    const name = `${shown.graphName || "graph"}-${shown.label.replace(/\s+/g, "-").toLowerCase()}.csv`;
    t.note(await saveExport(name, runCsv(shown), "text/csv"));
  };
  const num = (label: string, value: number | undefined, set: (v: number | undefined) => void, min: number, placeholder?: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input
        type="number" min={min} value={value ?? ""} placeholder={placeholder} disabled={busy}
        onChange={(e) => {
          const v = e.currentTarget.value === "" ? undefined : Math.max(min, Math.floor(Number(e.currentTarget.value)));
          set(v !== undefined && Number.isFinite(v) ? v : undefined);
        }}
      />
    </label>
  );

  return (
    <div className={styles.panel}>
      <aside className={styles.side} aria-label="Training settings">
        <label className={styles.field}>
          <span>Dataset</span>
          <select value={options.dataset} disabled={busy} onChange={(e) => t.setDraft({ dataset: e.currentTarget.value })}>
            {!BROWSER_DATASETS.includes(options.dataset as never) && <option value={options.dataset}>{options.dataset}</option>}
            {BROWSER_DATASETS.map((id) => (
              <option key={id} value={id}>{id}</option>
            ))}
          </select>
        </label>
        {preview && preview.dataset === options.dataset && <PreviewGrid preview={preview} />}
        <label className={styles.field}>
          <span>Backend</span>
          <select value={draft.backend ?? ""} disabled={busy} onChange={(e) => t.setDraft({ backend: (e.currentTarget.value || undefined) as (typeof BACKENDS)[number] | undefined })}>
            <option value="">Best that works</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>{`${b} first`}</option>
            ))}
          </select>
        </label>
        <div className={styles.fields}>
          {num("Epochs", draft.epochs, (v) => t.setDraft({ epochs: v }), 1, String(training.epochs))}
          {num("Batch size", draft.batchSize, (v) => t.setDraft({ batchSize: v }), 1, String(training.batchSize))}
          {num("Stop after steps", draft.maxSteps, (v) => t.setDraft({ maxSteps: v }), 1, "all")}
          {num("Seed", draft.seed, (v) => t.setDraft({ seed: v }), 0, "0")}
          {num("Test samples", draft.testSamples, (v) => t.setDraft({ testSamples: v }), 0, "1000")}
        </div>
        <p className={styles.note}>
          {training.recipe} · {training.optimizer.kind} lr {training.optimizer.learningRate} · {training.losses.map((l) => `${l.output}: ${l.loss}${l.weight !== 1 ? ` ×${l.weight}` : ""}`).join(", ")}
        </p>
        <div className={styles.buttons}>
          <button type="button" onClick={() => runCommand("train.toggle")} disabled={status === "starting" || status === "stopping"}>
            {status === "running" ? "Pause" : status === "paused" ? "Resume" : "Start"}
          </button>
          <button type="button" onClick={() => t.stop()} disabled={!busy || status === "stopping"}>
            Stop
          </button>
          {runs.length > 0 && !busy && choiceFor(doc).kind !== "none" && (
            <button type="button" onClick={() => runCommand("sample.draw")} title="Draw samples from the trained model (Sample tab)">
              Sample…
            </button>
          )}
        </div>
      </aside>
      <div className={styles.main}>
        <div className={styles.toolbar}>
          <span className={styles.status} role="status" aria-label="Training status" data-status={status}>
            {status}
            {last && ` · step ${last.step} · epoch ${last.epoch} · loss ${last.values.loss?.toFixed(4) ?? "–"} · ${last.samplesPerSecond.toFixed(0)} samples/s`}
          </span>
          <label className={styles.check}>
            <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.currentTarget.checked)} /> Log scale
          </label>
          <label className={styles.field}>
            <span>Overlay</span>
            <select value={overlayId ?? ""} onChange={(e) => t.setOverlay(e.currentTarget.value || undefined)}>
              <option value="">None</option>
              {runs.filter((r) => r.id !== shown?.id).map((r) => (
                <option key={r.id} value={r.id}>{`${r.label} (${r.options.dataset}, ${r.backend ?? "?"})`}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void exportCsv()} disabled={!shown?.points.length}>
            Export CSV
          </button>
        </div>
        {error && <p className={styles.error} role="alert">{error}</p>}
        {fault && <p className={styles.error} role="alert">{fault.message}</p>}
        <div className={styles.charts}>
          {charts.map((c, i) => (
            <Chart key={c.id} chart={c} log={logScale && c.id !== "speed"} version={version} order={i} />
          ))}
        </div>
        {shown?.evaluation && <MemoEvaluation evaluation={shown.evaluation} />}
        <ol className={styles.log} aria-label="Training log">
          {log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}
