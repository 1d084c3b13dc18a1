/**
 * The bottom panel: a tab strip and the chosen tab's content. Tabs are listed in TABS;
 * Notebook and Runs join as those features land.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useAnalysis } from "../analysis/use-analysis.js";
import { useLayout, useServices } from "../store/context.js";
import { TrainPanel } from "../train/TrainPanel.js";
import { CodePanel } from "../code/CodePanel.js";
import { ProblemsPanel } from "./ProblemsPanel.js";
import { InspectPanel } from "../inspect/InspectPanel.js";
import { SamplePanel } from "../sample/SamplePanel.js";
import styles from "./BottomPanel.module.css";

interface Tab {
  readonly id: string;
  readonly title: string;
  readonly render: () => ReactNode;
}

const TABS: readonly Tab[] = [
  { id: "problems", title: "Problems", render: () => <ProblemsPanel /> },
  { id: "train", title: "Train", render: () => <TrainPanel /> },
  { id: "code", title: "Code", render: () => <CodePanel /> },
  { id: "inspect", title: "Inspect", render: () => <InspectPanel /> },
  { id: "sample", title: "Sample", render: () => <SamplePanel /> },
];

export function BottomPanel() {
  const stored = useLayout((s) => s.bottomTab);
  const { layout } = useServices();
  const active = TABS.find((t) => t.id === stored) ?? TABS[0]!;
  const problems = useAnalysis().diagnostics.length;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(active) + step + TABS.length) % TABS.length]!;
    layout.getState().setBottomTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <section className={styles.panel} aria-label="Bottom panel">
      <div className={styles.tabs} role="tablist" aria-label="Bottom panel tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
              else tabRefs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t === active}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={t === active ? 0 : -1}
            className={styles.tab}
            onClick={() => layout.getState().setBottomTab(t.id)}
          >
            {t.title}
            {t.id === "problems" && problems > 0 && <span className={styles.count}>{problems}</span>}
          </button>
        ))}
      </div>
      <div className={styles.content} role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        {active.render()}
      </div>
    </section>
  );
}
