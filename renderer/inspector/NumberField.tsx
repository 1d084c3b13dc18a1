/**
 * An int or float param: a text box that previews as you type and commits on Enter or when
 * focus leaves, steppers, arrow keys (Shift: x10), and drag-scrub on the name (Shift: x10,
 * Alt: x0.1). Every change goes through the session, so refused values never reach the document.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { FloatSpec, IntSpec } from "../../graph-ir/core/params.js";
import { useRunCommand } from "../commands/use-commands.js";
import { historyCommandFor } from "./field-keys.js";
import { formatNumber, parseNumber, stepped } from "./number-text.js";
import type { ParamEditing } from "./use-param-session.js";
import styles from "./Inspector.module.css";

interface Props {
  readonly name: string;
  readonly label: string;
  readonly spec: IntSpec | FloatSpec;
  readonly value: number;
  readonly editing: ParamEditing;
  readonly inputId: string;
  readonly describedBy: string | undefined;
  /** A value was refused, or the stored one has an error: shown on the box. */
  readonly invalid: boolean;
}

/** Pixels of pointer travel per step while scrubbing. */
const PX_PER_STEP = 4;
/** Travel before a press on the name becomes a scrub rather than a click. */
const SCRUB_THRESHOLD = 3;

export function NumberField({ name, label, spec, value, editing, inputId, describedBy, invalid }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const scrub = useRef<{ x: number; start: number; last: number; active: boolean } | null>(null);
  const runCommand = useRunCommand();
  const shown = draft ?? formatNumber(value, spec);

  const stepBy = (steps: number) => {
    setDraft(null);
    editing.commit(name, stepped(spec, value, steps), true);
  };

  const commitDraft = () => {
    if (draft === null) return true;
    const ok = editing.commit(name, parseNumber(draft), true);
    if (ok) setDraft(null);
    return ok;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = historyCommandFor(e);
    if (history && draft === null) {
      e.preventDefault();
      editing.end(name);
      runCommand(history);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (commitDraft()) e.currentTarget.select();
    } else if (e.key === "Escape" && draft !== null) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      editing.cancel(name);
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      stepBy((e.key === "ArrowUp" ? 1 : -1) * (e.shiftKey ? 10 : 1));
    }
  };

  const onBlur = () => {
    // Leaving the field keeps a good value and drops a refused one, as a form field would.
    if (draft !== null && !commitDraft()) setDraft(null);
    editing.end(name);
  };

  const onPointerDown = (e: PointerEvent<HTMLLabelElement>) => {
    if (e.button !== 0) return;
    scrub.current = { x: e.clientX, start: value, last: value, active: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLLabelElement>) => {
    const s = scrub.current;
    if (!s) return;
    const dx = e.clientX - s.x;
    if (!s.active) {
      if (Math.abs(dx) < SCRUB_THRESHOLD) return;
      s.active = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      setDraft(null);
    }
    const fine = spec.type === "float" && e.altKey ? 0.1 : 1;
    const steps = Math.round((dx / PX_PER_STEP) * fine) * (e.shiftKey ? 10 : 1);
    const next = stepped(spec, s.start, steps);
    if (next === s.last) return;
    if (editing.commit(name, next, true)) s.last = next;
  };
  const onPointerUp = (e: PointerEvent<HTMLLabelElement>) => {
    const s = scrub.current;
    scrub.current = null;
    if (!s?.active) return;
    e.preventDefault();
    editing.end(name);
  };

  return (
    <div className={styles.control}>
      <label
        htmlFor={inputId}
        className={styles.scrubLabel}
        title={`Drag sideways to change ${label.toLowerCase()} (Shift: faster)`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {label}
      </label>
      <div className={styles.number} data-invalid={invalid || undefined}>
        <input
          id={inputId}
          type="text"
          inputMode={spec.type === "int" ? "numeric" : "decimal"}
          className={`${styles.numberInput} mono`}
          value={shown}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setDraft(e.target.value);
            editing.preview(name, parseNumber(e.target.value));
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        <span className={styles.steppers}>
          <button type="button" tabIndex={-1} aria-label={`Increase ${label.toLowerCase()}`} onClick={() => stepBy(1)} onBlur={() => editing.end(name)}>
            ▴
          </button>
          <button type="button" tabIndex={-1} aria-label={`Decrease ${label.toLowerCase()}`} onClick={() => stepBy(-1)} onBlur={() => editing.end(name)}>
            ▾
          </button>
        </span>
      </div>
    </div>
  );
}
