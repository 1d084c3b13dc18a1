/**
 * The inspector for one node: its label (editable), what it is, its shapes and param count
 * (before -> after while a param is being edited), its params as editors generated from their
 * specs (a block instance's exposed params), the layer's docs, and its problems with fixes.
 */
import type { NodeAnalysis, PassDiagnostic } from "../../graph-ir/passes/types.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import { useCommandView, useRunCommand } from "../commands/use-commands.js";
import { useApp } from "../store/context.js";
import { CATEGORY_LABEL, categoryColor } from "../ui/categories.js";
import { formatCount } from "../ui/format.js";
import { FixButtons } from "./FixButtons.js";
import { LabelField } from "./LabelField.js";
import { factsOf, type NodeFacts } from "./param-preview.js";
import { paramLabel, specsFor } from "./param-specs.js";
import { ParamField } from "./ParamField.js";
import { useParamEditing, type ParamSession } from "./use-param-session.js";
import styles from "./Inspector.module.css";

export function NodeDetails({ node }: { node: NodeAnalysis }) {
  const doc = useApp((s) => s.document.doc);
  const stored = doc.nodes.find((n) => n.id === node.id);
  const editing = useParamEditing(node.id);
  const r = node.resolved;
  const category = r ? (r.type === "layer" ? r.def.category : "block") : undefined;
  const summary = r?.type === "layer" ? r.def.summary : r?.type === "standard" ? r.block.summary : r?.block.summary;
  const specs = specsFor(doc, r);
  const names = Object.keys(specs);
  const byParam = (name: string) => node.diagnostics.filter((d) => d.param === name);
  const general = node.diagnostics.filter((d) => d.param === undefined || !names.includes(d.param));
  const isBlock = r !== undefined && r.type !== "layer";

  return (
    <div className={styles.section}>
      <div className={styles.heading}>
        <span className={styles.swatch} style={{ background: categoryColor(category) }} aria-hidden="true" />
        <h2 className={styles.title}>
          <LabelField nodeId={node.id} label={stored?.label} placeholder={r?.title ?? node.kind} />
        </h2>
      </div>
      <p className={`${styles.subtle} mono`}>
        {node.id} · {r?.title ?? node.kind}
        {category ? ` · ${CATEGORY_LABEL[category]}` : ""}
      </p>
      {summary && <p className={styles.summary}>{summary}</p>}
      {r?.type === "block" && <UngroupButton />}

      {general.length > 0 && <Problems diagnostics={general} />}

      <h3 className={styles.subheading}>Shapes</h3>
      <Shapes node={node} session={editing.session} />

      {names.length > 0 && (
        <>
          <h3 className={styles.subheading}>{isBlock ? "Block parameters" : "Parameters"}</h3>
          <div className={styles.params}>
            {names.map((name) => (
              <ParamField
                key={name}
                nodeId={node.id}
                name={name}
                label={paramLabel(name, specs[name])}
                spec={specs[name]}
                value={(stored && Object.prototype.hasOwnProperty.call(stored.params, name) ? stored.params[name] : undefined) ?? node.params[name] ?? specs[name]?.default ?? ""}
                editing={editing}
                problems={byParam(name)}
              />
            ))}
          </div>
        </>
      )}
      {isBlock && names.length === 0 && <p className={styles.note}>This block exposes no parameters.</p>}
    </div>
  );
}

/** Input and output shapes and the param count; while editing, before -> after. */
function Shapes({ node, session }: { node: NodeAnalysis; session: ParamSession | null }) {
  const now = factsOf(node);
  const before: NodeFacts = session?.before ?? now;
  const after: NodeFacts = session?.preview?.after ?? now;
  const downstream = session?.preview?.downstreamChanged ?? 0;
  return (
    <div aria-live="polite">
      <dl className={styles.facts}>
        {Object.entries(node.inputs).map(([port, shape]) => (
          <Fact key={`in-${port}`} name={`in ${port}`} value={formatShape(shape)} />
        ))}
        {after.outputs.map(([port, shape]) => (
          <Fact key={`out-${port}`} name={`out ${port}`} before={before.outputs.find(([p]) => p === port)?.[1]} value={shape} />
        ))}
        <Fact name="parameters" before={formatCount(before.params)} value={formatCount(after.params)} />
      </dl>
      {session?.preview && (
        <p className={styles.previewNote}>
          Preview, not applied yet{downstream > 0 ? ` · ${downstream} layer${downstream === 1 ? "" : "s"} downstream change shape` : ""}
        </p>
      )}
    </div>
  );
}

function Fact({ name, value, before }: { name: string; value: string; before?: string }) {
  const changed = before !== undefined && before !== value;
  return (
    <>
      <dt>{name}</dt>
      <dd className="mono" data-changed={changed || undefined}>
        {changed ? (
          <>
            <span className={styles.was}>{before}</span>
            <span aria-label="becomes"> → </span>
            {value}
          </>
        ) : (
          value
        )}
      </dd>
    </>
  );
}

function Problems({ diagnostics }: { diagnostics: readonly PassDiagnostic[] }) {
  return (
    <ul className={styles.problems} aria-label="Problems of this layer">
      {diagnostics.map((d, i) => (
        <li key={i} data-severity={d.severity}>
          {d.message}
          <FixButtons diagnostic={d} />
        </li>
      ))}
    </ul>
  );
}

function UngroupButton() {
  const view = useCommandView("edit.ungroup", "Ungroup");
  const run = useRunCommand();
  return (
    <p className={styles.actions}>
      <button type="button" className={styles.action} title={view.hint} disabled={!view.enabled} onClick={() => run("edit.ungroup")}>
        Ungroup{view.shortcut ? <kbd>{view.shortcut}</kbd> : null}
      </button>
    </p>
  );
}
