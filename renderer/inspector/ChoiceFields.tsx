/**
 * Bool params as switches and enum params as selects. Each change is one undo step, refused
 * (with the reason shown) when it would break the graph.
 */
import type { BoolSpec, EnumSpec } from "../../graph-ir/core/params.js";
import { humanize } from "../ui/format.js";
import type { ParamEditing } from "./use-param-session.js";
import styles from "./Inspector.module.css";

interface Common {
  readonly name: string;
  readonly label: string;
  readonly editing: ParamEditing;
  readonly inputId: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

export function BoolSwitch({ name, label, value, editing, inputId, describedBy, invalid }: Common & { readonly spec: BoolSpec; readonly value: boolean }) {
  return (
    <div className={styles.control}>
      <label htmlFor={inputId} className={styles.fieldName}>
        {label}
      </label>
      <button
        id={inputId}
        type="button"
        role="switch"
        aria-checked={value}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={styles.switch}
        onClick={() => {
          editing.commit(name, !value, false);
        }}
        onBlur={() => editing.end(name)}
      >
        <span className={styles.knob} aria-hidden="true" />
      </button>
    </div>
  );
}

/** Enum options read as words ("same", "relu") in the select; the stored value stays the option. */
export function EnumSelect({ name, label, spec, value, editing, inputId, describedBy, invalid }: Common & { readonly spec: EnumSpec; readonly value: string }) {
  return (
    <div className={styles.control}>
      <label htmlFor={inputId} className={styles.fieldName}>
        {label}
      </label>
      <select
        id={inputId}
        className={`${styles.select} mono`}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-invalid={invalid || undefined}
        onChange={(e) => {
          editing.commit(name, e.target.value, false);
        }}
        onBlur={() => editing.end(name)}
      >
        {/* A stored value that is not an option still shows, so the select tells the truth. */}
        {!spec.options.includes(value) && (
          <option value={value} disabled>
            {value}
          </option>
        )}
        {spec.options.map((o) => (
          <option key={o} value={o} title={humanize(o)}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}
