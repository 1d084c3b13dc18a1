/**
 * The four small statistics bars at the foot of a node card (activation spread, dead ReLU
 * fraction, gradient norm, update/weight ratio) for the snapshot the Inspect tab's scrubber
 * chose. Drawn inside the card's bottom padding, absolutely placed, so the card's fixed size
 * (to-flow.ts nodeSize) never changes. Each card subscribes to its own node's bars only.
 */
import { useInspect } from "./use-inspect.js";
import styles from "./NodeStatBars.module.css";

export function NodeStatBars({ id }: { id: string }) {
  const bars = useInspect((s) => s.shown?.bars.get(id));
  const text = useInspect((s) => s.shown?.text.get(id));
  if (!bars) return null;
  return (
    <div className={styles.bars} role="img" aria-label={text} title={text} data-stat-bars>
      {bars.map((b) => (
        <span key={b.key} className={styles.track} data-key={b.key} data-warn={b.warn || undefined} data-na={b.fraction === null || undefined}>
          {b.fraction !== null && <span className={styles.fill} style={{ width: `${Math.round(b.fraction * 100)}%` }} />}
        </span>
      ))}
    </div>
  );
}
