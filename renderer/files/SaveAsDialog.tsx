/**
 * Save As where the host has no Save dialog of its own (the browser): a workspace file name,
 * checked as it is typed with the same rules the host applies, ".json" added when left off, and
 * a plain warning, with the button saying Replace, when the name is taken. Enter saves, Escape
 * cancels, and focus returns where it was.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { parseWorkspacePath } from "../platform/paths.js";
import { usePlatform } from "../store/context.js";
import { completeFileName } from "./file-names.js";
import type { SaveAsRequest } from "./files.js";
import styles from "./SaveAsDialog.module.css";

export function SaveAsDialog({ request }: { request: SaveAsRequest }) {
  const platform = usePlatform();
  const [typed, setTyped] = useState(request.suggested);
  const [existing, setExisting] = useState<ReadonlySet<string>>(new Set());
  const input = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const ids = { title: useId(), hint: useId(), input: useId() };

  useEffect(() => {
    let live = true;
    platform.listFiles().then((files) => live && setExisting(new Set(files.map((f) => f.path))), () => undefined);
    return () => {
      live = false;
    };
  }, [platform]);

  useLayoutEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const field = input.current;
    if (field) {
      field.focus();
      // As system dialogs do: the name is selected, the extension is not.
      const dot = field.value.toLowerCase().lastIndexOf(".json");
      field.setSelectionRange(field.value.lastIndexOf("/") + 1, dot > 0 ? dot : field.value.length);
    }
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  const path = completeFileName(typed);
  const check = parseWorkspacePath(path);
  const taken = check.ok && existing.has(path);
  const hint = !check.ok
    ? check.message
    : taken ? `${path} already exists. Saving replaces it.`
    : path !== typed.trim() ? `Saves as ${path}.`
    : "A path like nets/lenet.json saves into a folder, made if needed.";

  const cancel = () => request.resolve(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === "Tab") {
      // Focus stays in the dialog.
      const stops = [...(form.current?.querySelectorAll<HTMLElement>("input, button:not(:disabled)") ?? [])];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };

  return (
    <div className={styles.overlay} onMouseDown={(e) => e.target === e.currentTarget && cancel()}>
      <form
        ref={form}
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (check.ok) request.resolve({ path, replace: taken });
        }}
      >
        <h2 id={ids.title} className={styles.title}>Save as</h2>
        <label htmlFor={ids.input} className={styles.label}>File name in the workspace</label>
        <input
          ref={input}
          id={ids.input}
          className={styles.input}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={!check.ok || undefined}
          aria-describedby={ids.hint}
          spellCheck={false}
          autoComplete="off"
        />
        <p id={ids.hint} className={styles.hint} data-tone={!check.ok ? "error" : taken ? "warning" : undefined} role={!check.ok ? "alert" : undefined}>
          {hint}
        </p>
        <div className={styles.buttons}>
          <button type="button" className={styles.button} onClick={cancel}>Cancel</button>
          <button type="submit" className={styles.submit} disabled={!check.ok}>{taken ? "Replace" : "Save"}</button>
        </div>
      </form>
    </div>
  );
}
