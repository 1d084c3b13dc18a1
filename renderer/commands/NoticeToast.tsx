/** The latest notice from a command (a refusal, a result), in the corner for a few seconds. */
import { useEffect } from "react";
import { useStore } from "zustand";
import { useCommands } from "./use-commands.js";
import styles from "./NoticeToast.module.css";

const SHOW_MS = 6000;

export function NoticeToast() {
  const { palette } = useCommands();
  const notice = useStore(palette, (s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => palette.getState().dismissNotice(), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [notice, palette]);
  // The live region stays mounted so screen readers announce each new message.
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {notice && (
        <div className={styles.toast} key={notice.seq}>
          <span>{notice.message}</span>
          <button type="button" className={styles.close} aria-label="Dismiss" onClick={() => palette.getState().dismissNotice()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
