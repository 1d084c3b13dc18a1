/**
 * The read-only editor that shows the export. Loaded lazily (React.lazy) with Monaco itself, so
 * the app starts without it. Keeps one editor for its lifetime: new text replaces the model's
 * content in place (keeping the scroll position), and the selection's lines get a band and are
 * scrolled into view.
 */
import { useEffect, useRef } from "react";
import { monaco, THEMES } from "./monaco-setup.js";
import { scrollToShow, type LineRange } from "./code-lines.js";
import styles from "./CodePanel.module.css";

export interface MonacoViewProps {
  readonly text: string;
  readonly ranges: readonly LineRange[];
  readonly theme: "light" | "dark";
  readonly label: string;
}

export default function MonacoView({ text, ranges, theme, label }: MonacoViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    const e = monaco.editor.create(host.current!, {
      value: text,
      language: "typescript",
      readOnly: true,
      domReadOnly: true,
      ariaLabel: label,
      theme: THEMES[theme],
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: "none",
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim() || undefined,
      fontSize: 13,
      tabSize: 2,
      // Tab leaves the editor, as from any read-only control; it must never trap keyboard users.
      tabFocusMode: true,
    });
    editor.current = e;
    decorations.current = e.createDecorationsCollection();
    return () => {
      e.getModel()?.dispose();
      e.dispose();
      editor.current = null;
      decorations.current = null;
    };
    // Created once; the effects below follow the props.
  }, []);

  useEffect(() => {
    const e = editor.current;
    if (!e || e.getValue() === text) return;
    const scroll = e.getScrollTop();
    e.getModel()?.setValue(text);
    e.setScrollTop(scroll);
  }, [text]);

  useEffect(() => {
    monaco.editor.setTheme(THEMES[theme]);
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    decorations.current?.set(
      ranges.map((r) => ({
        range: new monaco.Range(r.startLine, 1, r.endLine, 1),
        // The plain class names beside the module ones let tests find the band.
        options: { isWholeLine: true, className: `${styles.lit} code-lit`, linesDecorationsClassName: `${styles.litGutter} code-lit-gutter` },
      })),
    );
    // Monaco's own reveal left a short range's last line cut off in a low panel; this shows it whole.
    const first = ranges[0];
    if (!first) return;
    const to = scrollToShow(e.getScrollTop(), e.getLayoutInfo().height, e.getTopForLineNumber(first.startLine), e.getBottomForLineNumber(first.endLine));
    if (to !== null) e.setScrollTop(to, monaco.editor.ScrollType.Immediate);
  }, [ranges, text]);

  return <div ref={host} className={styles.editor} data-testid="code-editor" />;
}
