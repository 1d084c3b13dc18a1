/**
 * One param in the inspector: the editor its spec calls for, the reason a value was refused,
 * the param's doc line, and any problem the analysis reports on it, with its fixes.
 */
import type { ParamValue } from "../../graph-ir/core/document.js";
import type { ParamSpec } from "../../graph-ir/core/params.js";
import type { PassDiagnostic } from "../../graph-ir/passes/types.js";
import { formatParamValue } from "../ui/format.js";
import { BoolSwitch, EnumSelect } from "./ChoiceFields.js";
import { FixButtons } from "./FixButtons.js";
import { NumberField } from "./NumberField.js";
import { TupleField } from "./TupleField.js";
import type { ParamEditing } from "./use-param-session.js";
import styles from "./Inspector.module.css";

interface Props {
  readonly nodeId: string;
  readonly name: string;
  readonly label: string;
  readonly spec: ParamSpec | undefined;
  /** The stored value where there is one (even a bad one, so the field shows what the file holds), else the default. */
  readonly value: ParamValue;
  readonly editing: ParamEditing;
  readonly problems: readonly PassDiagnostic[];
}

/** DOM ids for a param's input and its messages, safe for any id the file allows. */
export function fieldIds(nodeId: string, name: string) {
  const base = `param-${encodeURIComponent(nodeId)}-${encodeURIComponent(name)}`.replace(/%/g, "_");
  return { input: `${base}-input`, reason: `${base}-reason`, doc: `${base}-doc` };
}

export function ParamField({ nodeId, name, label, spec, value, editing, problems }: Props) {
  const ids = fieldIds(nodeId, name);
  const reason = editing.session?.param === name ? editing.session.reason : undefined;
  const describedBy = [reason ? ids.reason : "", spec?.doc ? ids.doc : ""].filter(Boolean).join(" ") || undefined;
  const invalid = reason !== undefined || problems.some((d) => d.severity === "error");
  const common = { name, label, editing, inputId: ids.input, describedBy, invalid };

  let control;
  if (spec?.type === "int" || spec?.type === "float") control = <NumberField {...common} spec={spec} value={typeof value === "number" ? value : spec.default} />;
  else if (spec?.type === "bool") control = <BoolSwitch {...common} spec={spec} value={value === true} />;
  else if (spec?.type === "enum") control = <EnumSelect {...common} spec={spec} value={typeof value === "string" ? value : spec.default} />;
  else if (spec?.type === "intTuple") {
    // A tuple of the wrong length cannot be mended box by box; show the default the analysis uses.
    const fits = Array.isArray(value) && value.length >= spec.minLength && value.length <= spec.maxLength;
    control = <TupleField {...common} spec={spec} value={fits ? (value as readonly (number | null)[]) : spec.default} />;
  }
  else {
    control = (
      <div className={styles.control}>
        <span className={styles.fieldName}>{label}</span>
        <span className="mono" title="Set inside the block">{formatParamValue(value)}</span>
      </div>
    );
  }

  return (
    <div className={styles.param} data-param-field={name}>
      {control}
      {reason && (
        <p id={ids.reason} className={styles.reason} role="alert">
          {reason}
        </p>
      )}
      {problems.map((d, i) => (
        <div key={i} className={styles.fieldProblem} data-severity={d.severity}>
          <p>{d.message}</p>
          <FixButtons diagnostic={d} />
        </div>
      ))}
      {spec?.doc && (
        <p id={ids.doc} className={styles.doc}>
          {spec.doc}
        </p>
      )}
    </div>
  );
}
