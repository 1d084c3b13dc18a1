/**
 * The parts of Monaco the code view needs, loaded only when the Code tab first opens: the editor
 * core, TypeScript colouring (the tokenizer only: no language service, the code is read-only)
 * and the editor's own worker, bundled by vite.
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/languages/definitions/typescript/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";

(self as unknown as { MonacoEnvironment: { getWorker(): Worker } }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/**
 * Monaco's own themes with the few token colours that fall under WCAG AA (4.5:1) on the band
 * behind the selected lines (CodePanel.module.css .lit) made a little stronger.
 */
export const THEMES = { dark: "layerloom-dark", light: "layerloom-light" } as const;

monaco.editor.defineTheme(THEMES.dark, {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "7FB069" },
    { token: "keyword", foreground: "6CA6E0" },
  ],
  colors: {},
});
monaco.editor.defineTheme(THEMES.light, {
  base: "vs",
  inherit: true,
  rules: [
    { token: "comment", foreground: "006B00" },
    { token: "number", foreground: "076B45" },
    { token: "type", foreground: "1F6B80" },
    { token: "keyword.flow", foreground: "9000B5" },
  ],
  colors: {},
});

export { monaco };
