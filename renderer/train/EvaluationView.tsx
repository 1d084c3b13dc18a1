/** After a run: test-split values, the confusion matrix of a classifier, and sample predictions. */
import { SampleImage } from "./SampleImage.js";
import type { Evaluation } from "./train-store.js";
import styles from "./TrainPanel.module.css";

export function EvaluationView({ evaluation }: { evaluation: Evaluation }) {
  const { confusion, classNames } = evaluation;
  const max = confusion ? Math.max(1, ...confusion.flat()) : 1;
  return (
    <section className={styles.evaluation} aria-label="Evaluation on the test split">
      <h3>Test split ({evaluation.samples} samples)</h3>
      <p className={styles.values}>
        {Object.entries(evaluation.values).map(([k, v]) => (
          <span key={k}>
            {k} <strong>{v.toFixed(4)}</strong>
          </span>
        ))}
      </p>
      <div className={styles.evalRow}>
        {confusion && classNames && (
          <table className={styles.confusion} aria-label="Confusion matrix (rows: true class, columns: predicted)">
            <thead>
              <tr>
                <th scope="col">true ╲ predicted</th>
                {classNames.map((n) => (
                  <th key={n} scope="col">{n}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {confusion.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{classNames[i]}</th>
                  {row.map((v, j) => (
                    <td key={j} style={{ background: `color-mix(in srgb, ${i === j ? "var(--accent)" : "var(--danger)"} ${Math.round((v / max) * 70)}%, transparent)` }}>
                      {v || ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className={styles.grid} aria-label="Sample predictions">
          {evaluation.predictions.map((p, i) => (
            <SampleImage key={i} sample={p.sample} caption={`${p.predicted}${p.correct ? "" : ` (is ${p.sample.label})`}`} tone={p.correct ? "good" : "bad"} />
          ))}
        </div>
      </div>
    </section>
  );
}
