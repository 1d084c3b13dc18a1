/**
 * The node's label as an editable title: Enter or leaving the box renames (one undo step), an
 * empty box removes the label so the layer's kind shows again, Escape puts the text back.
 */
import { useState, type KeyboardEvent } from "react";
import { useRunCommand } from "../commands/use-commands.js";
import { useServices } from "../store/context.js";
import { historyCommandFor } from "./field-keys.js";
import styles from "./Inspector.module.css";

export function LabelField({ nodeId, label, placeholder }: { nodeId: string; label: string | undefined; placeholder: string }) {
  const { app } = useServices();
  const runCommand = useRunCommand();
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const next = draft.trim() === "" ? undefined : draft.trim();
    if (next === label) return;
    const r = app.getState().edit({ op: "rename", id: nodeId, label: next }, next === undefined ? `Remove the label of ${nodeId}` : `Rename ${nodeId} to ${next}`);
    if (!r.ok) setDraft(draft);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = historyCommandFor(e);
    if (history && draft === null) {
      e.preventDefault();
      runCommand(history);
    } else if (e.key === "Enter") {
      e.preventDefault();
      commit();
    } else if (e.key === "Escape" && draft !== null) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
    }
  };

  return (
    <input
      className={styles.labelInput}
      aria-label="Label"
      title="Rename this layer (Enter to apply; empty shows the layer's kind)"
      value={draft ?? label ?? ""}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
    />
  );
}
