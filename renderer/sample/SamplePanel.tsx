/**
 * The Sample tab: what the open graph's model can draw (or why it cannot), the inputs that
 * sampler takes (count, temperature, prompt, words, seed), Draw and Cancel, progress for
 * PixelCNN's pixel-by-pixel passes and text's characters, which model answered (the last run's
 * trained one or the untrained seeded one), and the samples. Errors are one line, never a trace.
 */
import { useMemo, type ReactNode } from "react";
import type { SamplerKind } from "../../runtime/sample/types.js";
import { useApp, useServices } from "../store/context.js";
import type { SampleJob } from "./sample-store.js";
import { fieldLabel, fieldsFor, progressText, type Field, type SampleForm } from "./sample-view.js";
import { choiceFor, drawSamples, useSample, useSampler } from "./use-sample.js";
import { ImageGridView, NeighboursView, PointsView, TextView } from "./views.js";
import styles from "./SamplePanel.module.css";

const NUMBER_FIELD: Readonly<Record<Exclude<Field, "prompt" | "words">, { min: number; step: number }>> = {
  count: { min: 1, step: 1 }, length: { min: 1, step: 50 }, temperature: { min: 0.05, step: 0.1 }, seed: { min: 0, step: 1 },
};

function Settings({ kind, job }: { kind: SamplerKind; job: SampleJob | undefined }) {
  const sampler = useSampler();
  const { app, layout } = useServices();
  const form = useSample((s) => s.form);
  const running = job?.status === "running";
  const input = (field: Field): ReactNode => {
    const label = fieldLabel(kind, field);
    if (field === "prompt" || field === "words") {
      return (
        <label key={field} className={`${styles.field} ${styles.wide}`}>
          <span>{label}</span>
          <input
            type="text" value={form[field]} placeholder={field === "prompt" ? "The " : "a few frequent words"} spellCheck={false}
            onChange={(e) => sampler.setForm({ [field]: e.currentTarget.value } as Partial<SampleForm>)}
          />
        </label>
      );
    }
    const { min, step } = NUMBER_FIELD[field];
    return (
      <label key={field} className={styles.field}>
        <span>{label}</span>
        <input
          type="number" min={min} step={step} value={Number.isFinite(form[field]) ? form[field] : ""}
          onChange={(e) => sampler.setForm({ [field]: e.currentTarget.value === "" ? NaN : Number(e.currentTarget.value) } as Partial<SampleForm>)}
        />
      </label>
    );
  };
  return (
    <>
      <div className={styles.fields}>{fieldsFor(kind).map(input)}</div>
      <div className={styles.buttons}>
        <button type="button" disabled={running} onClick={() => drawSamples(app, layout)}>Draw</button>
        <button type="button" disabled={!running} onClick={() => sampler.cancel()}>Cancel</button>
      </div>
      <p className={styles.note}>
        {kind === "text" ? "Temperature below 1 is more cautious, above 1 wilder. " : kind === "pixels" ? "Each image takes one pass per pixel. " : ""}
        {fieldsFor(kind).includes("seed") ? "The same seed draws the same samples from the same model." : "Words not in the training text are said to be unknown."}
      </p>
    </>
  );
}

function Result({ job }: { job: SampleJob }): ReactNode {
  const reply = job.reply;
  if (!reply) return null;
  const r = reply.result;
  switch (r.kind) {
    case "images":
      return <ImageGridView result={r} />;
    case "points":
      return <PointsView result={r} {...(reply.reference ? { reference: reply.reference } : {})} />;
    case "text":
      return <TextView result={r} />;
    case "neighbours":
      return <NeighboursView result={r} />;
  }
}

function JobView({ job, none }: { job: SampleJob | undefined; none: string | undefined }) {
  const sampler = useSampler();
  if (!job) return <p className={styles.empty}>{none ?? "Nothing drawn yet. Press Draw, or Sample… in the Train tab after a run."}</p>;
  return (
    <div className={styles.job} data-status={job.status}>
      {job.status === "running" && (
        <div className={styles.progress} role="status" aria-label="Sampling progress">
          {job.total > 1 ? <progress value={job.done} max={job.total} aria-label="Sampling progress" /> : <progress aria-label="Sampling progress" />}
          <span>{progressText(job.kind, job.done, job.total)}</span>
          <button type="button" className={styles.cancel} onClick={() => sampler.cancel()}>Cancel</button>
        </div>
      )}
      {job.status === "cancelled" && <p className={styles.note}>Cancelled.</p>}
      {job.error && <p className={styles.error} role="alert">{job.error}</p>}
      {job.reply && <p className={styles.model} data-trained={job.reply.model.trained}>{job.reply.model.note}</p>}
      {job.status === "done" && <Result job={job} />}
    </div>
  );
}

export function SamplePanel() {
  const doc = useApp((s) => s.document.doc);
  const choice = useMemo(() => choiceFor(doc), [doc]);
  const job = useSample((s) => s.job);
  return (
    <div className={styles.panel}>
      <aside className={styles.side} aria-label="Sample settings">
        <h3>{choice.kind === "none" ? "Nothing to sample" : choice.title}</h3>
        {choice.kind === "none" ? <p className={styles.note}>This graph's model makes no samples; the reason is beside this.</p> : <Settings kind={choice.kind} job={job} />}
      </aside>
      <section className={styles.main} aria-label="Samples">
        <JobView job={job} none={choice.kind === "none" ? choice.reason : undefined} />
      </section>
    </div>
  );
}
