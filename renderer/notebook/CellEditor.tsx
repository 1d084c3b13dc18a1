/**
 * One code cell's editor: Monaco with TypeScript, typed against the cell scope (cell-types.ts:
 * completions, hovers, errors), as tall as its text. Shift+Enter runs the cell. Loaded lazily
 * with Monaco (React.lazy), like the code view.
 */
import { useEffect, useRef } from "react";
import { monaco, THEMES } from "../code/monaco-setup.js";
import { enableCellTypes } from "./cell-types.js";

export interface CellEditorProps {
  readonly value: string;
  readonly theme: "light" | "dark";
  readonly label: string;
  readonly onChange: (value: string) => void;
  readonly onRun: () => void;
}

export default function CellEditor({ value, theme, label, onChange, onRun }: CellEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef({ onChange, onRun });
  handlers.current = { onChange, onRun };

  useEffect(() => {
    const el = host.current!;
    void enableCellTypes();
    const e = monaco.editor.create(el, {
      value, language: "typescript", ariaLabel: label, theme: THEMES[theme],
      minimap: { enabled: false }, scrollBeyondLastLine: false, lineNumbers: "on", lineNumbersMinChars: 3,
      folding: false, glyphMargin: false, renderLineHighlight: "none", overviewRulerLanes: 0,
      scrollbar: { vertical: "hidden", alwaysConsumeMouseWheel: false }, wordWrap: "on",
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim() || undefined,
      fontSize: 13, tabSize: 2, automaticLayout: true, tabFocusMode: false,
      // A textarea rather than Chromium's EditContext, so the app's shortcuts see that keys are typing.
      editContext: false,
      // Suggestions come from the language service; Tab takes one, so Enter always breaks the line.
      wordBasedSuggestions: "off", acceptSuggestionOnEnter: "off",
      // Hovers and suggestions may be wider than the panel: let them overflow it, not be cut off.
      fixedOverflowWidgets: true,
    });
    editor.current = e;
    const fit = () => {
      el.style.height = `${Math.min(600, e.getContentHeight())}px`;
      e.layout();
    };
    e.onDidContentSizeChange(fit);
    fit();
    e.onDidChangeModelContent(() => handlers.current.onChange(e.getValue()));
    // Per editor: addCommand would bind one global key for every cell (the last editor made wins).
    e.onKeyDown((k) => {
      if (k.keyCode === monaco.KeyCode.Enter && k.shiftKey && !k.ctrlKey && !k.altKey && !k.metaKey) {
        k.preventDefault();
        k.stopPropagation();
        handlers.current.onRun();
      }
    });
    return () => {
      e.getModel()?.dispose();
      e.dispose();
      editor.current = null;
    };
    // Created once; the value below is only pushed when it changes from outside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const e = editor.current;
    if (e && e.getValue() !== value) e.setValue(value);
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(THEMES[theme]);
  }, [theme]);

  return <div ref={host} style={{ minHeight: 20 }} />;
}
