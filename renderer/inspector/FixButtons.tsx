/** A diagnostic's one-click fixes; each applies as one undoable step. */
import type { PassDiagnostic } from "../../graph-ir/passes/types.js";
import { applyFix } from "../commands/apply-fix.js";
import { useCommands } from "../commands/use-commands.js";
import styles from "./Inspector.module.css";

export function FixButtons({ diagnostic, className }: { diagnostic: PassDiagnostic; className?: string }) {
  const { ctx } = useCommands();
  if (!diagnostic.fixes?.length) return null;
  return (
    <span className={className ?? styles.fixes}>
      {diagnostic.fixes.map((fix, i) => (
        <button
          key={i}
          type="button"
          className={styles.fix}
          title={`Fix: ${fix.label} (one undo step)`}
          onClick={() => {
            const r = applyFix(ctx.app, fix);
            if (!r.ok) ctx.notify(`${fix.label} could not be applied: ${r.error}`);
          }}
        >
          {fix.label}
        </button>
      ))}
    </span>
  );
}
