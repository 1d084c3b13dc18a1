/**
 * The Inspect tab: the live statistics of the current run with the scrubber that picks the
 * snapshot the canvas bars show, the settings of the next inspection (input from the test split,
 * class, realism penalty, ...), and the running or last inspection: progress with Cancel, its
 * result, or why it could not run, in one line and never a stack trace.
 */
import type { ReactNode } from "react";
import { useServices } from "../store/context.js";
import type { InspectParams } from "./protocol.js";
import type { Job } from "./inspect-store.js";
import { shownIndex } from "./scrubber.js";
import { TOOL_TITLES } from "./tools.js";
import { inspectNode, useInspect, useInspector } from "./use-inspect.js";
import { FeatureGrid, HeatmapView, InputImage, ObjectiveCurve, OptimizedView, ScatterView } from "./views.js";
import styles from "./InspectPanel.module.css";

const LEGEND = [
  { key: "act", text: "activation std" },
  { key: "dead", text: "dead ReLUs" },
  { key: "grad", text: "gradient norm" },
  { key: "update", text: "update / weight" },
] as const;

function StatsSection() {
  const inspector = useInspector();
  const snapshots = useInspect((s) => s.snapshots);
  const scrub = useInspect((s) => s.scrub);
  const i = shownIndex(scrub, snapshots.length);
  const step = i === undefined ? undefined : snapshots[i]?.step;
  return (
    <section className={styles.section} aria-label="Training statistics">
      <h3>Training statistics</h3>
      {snapshots.length === 0 ? (
        <p className={styles.note}>Train the graph: each layer's card then shows four small bars, updated every few steps.</p>
      ) : (
        <>
          <label className={styles.field}>
            <span>
              Snapshot at step {step} ({(i ?? 0) + 1} of {snapshots.length}){scrub.follow ? " · following the run" : ""}
            </span>
            <input
              type="range" min={0} max={snapshots.length - 1} value={i ?? 0} aria-label="Statistics snapshot"
              aria-valuetext={`step ${step}`} onChange={(e) => inspector.scrub(Number(e.currentTarget.value))}
            />
          </label>
          <ul className={styles.barLegend}>
            {LEGEND.map((l) => (
              <li key={l.key}><span className={styles.swatch} data-key={l.key} />{l.text}</li>
            ))}
          </ul>
          <p className={styles.note}>Red: worth a look (most units dead, updates far from 1/1000 of the weights, non-finite values). Hover a card's bars for its numbers.</p>
        </>
      )}
    </section>
  );
}

function Settings({ job }: { job: Job | undefined }) {
  const inspector = useInspector();
  const { app, layout } = useServices();
  const params = useInspect((s) => s.params);
  const classNames = useInspect((s) => s.classNames);
  const running = job?.status === "running";
  const num = (label: string, key: keyof InspectParams, min: number, step = 1, placeholder?: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input
        type="number" min={min} step={step} value={params[key] ?? ""} placeholder={placeholder}
        onChange={(e) => {
          const v = e.currentTarget.value === "" ? undefined : Number(e.currentTarget.value);
          inspector.setParams({ [key]: v !== undefined && Number.isFinite(v) ? Math.max(min, v) : undefined });
        }}
      />
    </label>
  );
  return (
    <section className={styles.section} aria-label="Inspection settings">
      <h3>Inspection</h3>
      <div className={styles.fields}>
        {num("Test sample", "sample", 0)}
        <label className={styles.field}>
          <span>Class</span>
          {classNames ? (
            <select value={params.classIndex ?? ""} onChange={(e) => inspector.setParams({ classIndex: e.currentTarget.value === "" ? undefined : Number(e.currentTarget.value) })}>
              <option value="">Predicted</option>
              {classNames.map((n, k) => <option key={k} value={k}>{n}</option>)}
            </select>
          ) : (
            <input type="number" min={0} value={params.classIndex ?? ""} placeholder="predicted" onChange={(e) => inspector.setParams({ classIndex: e.currentTarget.value === "" ? undefined : Math.max(0, Math.floor(Number(e.currentTarget.value))) })} />
          )}
        </label>
        {num("Realism penalty", "penaltyWeight", 0, 0.1)}
        {num("Unit", "unit", 0)}
        {num("Points (t-SNE, PCA)", "points", 10, 10, "300")}
        {num("Steps (optimise)", "steps", 1, 10, "60")}
      </div>
      <div className={styles.buttons}>
        <button type="button" disabled={!job || running} onClick={() => job && inspectNode(app, layout, job.tool, job.node)}>
          Run again
        </button>
        <button type="button" disabled={!running} onClick={() => inspector.cancel()}>
          Cancel
        </button>
      </div>
      <p className={styles.note}>Right-click a layer on the canvas (or select it and press Shift+F10) to choose a tool.</p>
    </section>
  );
}

function Result({ job }: { job: Job }): ReactNode {
  const msg = job.result;
  if (!msg) return null;
  const r = msg.result;
  const name = (k: number) => `'${msg.classNames?.[k] ?? k}'`;
  switch (r.kind) {
    case "activations":
      return (
        <div className={styles.pair}>
          {msg.input && <figure className={styles.figure}><InputImage input={msg.input} size={120} /><figcaption>Input: {msg.input.label}</figcaption></figure>}
          <FeatureGrid result={r} layer={msg.layer} />
        </div>
      );
    case "heatmap":
      return <HeatmapView result={r} {...(msg.input ? { input: msg.input } : {})} className={`${name(r.classIndex)}${msg.predicted !== undefined ? ` (predicted ${name(msg.predicted)})` : ""}`} />;
    case "optimized":
      return <OptimizedView result={r} layer={msg.layer} unit={job.params.unit ?? 0} />;
    case "embedding":
      return <ScatterView result={r} {...(msg.classNames ? { classNames: msg.classNames } : {})} />;
  }
}

function JobView({ job }: { job: Job | undefined }) {
  const inspector = useInspector();
  if (!job) {
    return <p className={styles.empty}>Nothing inspected yet. Right-click a layer on the canvas and choose a tool: feature maps, saliency, Grad-CAM, input optimisation, t-SNE or PCA.</p>;
  }
  const title = `${TOOL_TITLES[job.tool]} · ${job.node}`;
  const progressive = job.tool === "tsne" || job.tool === "optimize";
  return (
    <div className={styles.job} data-status={job.status}>
      <h3 className={styles.jobTitle}>
        {title}
        {job.result && <span className={styles.layer}> (layer {job.result.layer})</span>}
      </h3>
      {job.status === "running" && (
        <div className={styles.progress} role="status" aria-label="Inspection progress">
          {progressive && job.total > 0 ? <progress value={job.done} max={job.total} aria-label={`${TOOL_TITLES[job.tool]} progress`} /> : <progress aria-label={`${TOOL_TITLES[job.tool]} progress`} />}
          <span>{progressive && job.total > 0 ? `${job.tool === "tsne" ? "Iteration" : "Step"} ${job.done} of ${job.total}` : "Working…"}</span>
          <button type="button" className={styles.cancel} onClick={() => inspector.cancel()}>Cancel</button>
        </div>
      )}
      {job.status === "running" && job.objective.length > 1 && <ObjectiveCurve objective={job.objective} />}
      {job.status === "cancelled" && <p className={styles.note}>Cancelled.</p>}
      {job.error && <p className={styles.error} role="alert">{job.error}</p>}
      {job.result && (
        <p className={styles.model} data-trained={job.result.model.trained}>
          {job.result.model.note}
        </p>
      )}
      {job.status === "done" && <Result job={job} />}
    </div>
  );
}

export function InspectPanel() {
  const job = useInspect((s) => s.job);
  return (
    <div className={styles.panel}>
      <aside className={styles.side} aria-label="Inspect settings">
        <Settings job={job} />
        <StatsSection />
      </aside>
      <section className={styles.main} aria-label="Inspection result">
        <JobView job={job} />
      </section>
    </div>
  );
}
