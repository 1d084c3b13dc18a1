/**
 * An int-tuple param (kernel size, strides, an input shape): one small number box per entry,
 * committed together on Enter or when focus leaves the group; arrow keys step one entry; an
 * empty box means "any size" where the param allows it; entries are added or removed where the
 * length may vary.
 */
import { useState, type FocusEvent, type KeyboardEvent } from "react";
import type { IntTupleSpec } from "../../graph-ir/core/params.js";
import { useRunCommand } from "../commands/use-commands.js";
import { historyCommandFor } from "./field-keys.js";
import { parseNumber } from "./number-text.js";
import type { ParamEditing } from "./use-param-session.js";
import styles from "./Inspector.module.css";

interface Props {
  readonly name: string;
  readonly label: string;
  readonly spec: IntTupleSpec;
  readonly value: readonly (number | null)[];
  readonly editing: ParamEditing;
  readonly inputId: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

const show = (v: number | null) => (v === null ? "" : String(v));

export function TupleField({ name, label, spec, value, editing, inputId, describedBy, invalid }: Props) {
  const [draft, setDraft] = useState<readonly string[] | null>(null);
  const runCommand = useRunCommand();
  const texts = draft ?? value.map(show);

  const read = (t: readonly string[]) => t.map((s) => (s.trim() === "" && spec.nullable ? null : parseNumber(s)));
  const edit = (i: number, text: string) => {
    const next = texts.map((t, k) => (k === i ? text : t));
    setDraft(next);
    editing.preview(name, read(next));
  };
  const commit = (entries: readonly (number | null)[]) => {
    const ok = editing.commit(name, entries, true);
    if (ok) setDraft(null);
    return ok;
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const history = historyCommandFor(e);
    if (history && draft === null) {
      e.preventDefault();
      editing.end(name);
      runCommand(history);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (draft === null || commit(read(draft))) e.currentTarget.select();
    } else if (e.key === "Escape" && draft !== null) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      editing.cancel(name);
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      const base = read(texts);
      const v = base[i];
      const next = (typeof v === "number" && Number.isFinite(v) ? v : (spec.min ?? 1)) + (e.key === "ArrowUp" ? 1 : -1) * (e.shiftKey ? 10 : 1);
      commit(base.map((x, k) => (k === i ? next : x)));
    }
  };

  // One session for the whole group: moving between its boxes is still the same edit.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    if (draft !== null && !commit(read(draft))) setDraft(null);
    editing.end(name);
  };

  const resize = (length: number) => {
    const base = read(texts);
    const fill = spec.default[base.length] ?? spec.default[spec.default.length - 1] ?? 1;
    commit(length > base.length ? [...base, fill] : base.slice(0, length));
    editing.end(name);
  };

  return (
    <div className={styles.control}>
      <label htmlFor={inputId} className={styles.fieldName}>
        {label}
      </label>
      <div className={styles.tuple} role="group" aria-label={label} data-invalid={invalid || undefined} onBlur={onBlur}>
        {texts.map((t, i) => (
          <input
            key={i}
            id={i === 0 ? inputId : undefined}
            type="text"
            inputMode="numeric"
            className={`${styles.tupleInput} mono`}
            value={t}
            placeholder={spec.nullable ? "?" : undefined}
            aria-label={`${label}, entry ${i + 1} of ${texts.length}`}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => edit(i, e.target.value)}
            onKeyDown={onKeyDown(i)}
          />
        ))}
        {spec.minLength < spec.maxLength && (
          <span className={styles.tupleButtons}>
            <button type="button" aria-label={`Remove the last entry of ${label.toLowerCase()}`} disabled={texts.length <= spec.minLength} onClick={() => resize(texts.length - 1)}>
              −
            </button>
            <button type="button" aria-label={`Add an entry to ${label.toLowerCase()}`} disabled={texts.length >= spec.maxLength} onClick={() => resize(texts.length + 1)}>
              +
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
