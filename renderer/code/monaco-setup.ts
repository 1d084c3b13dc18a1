/**
 * The parts of Monaco the code view needs, loaded only when the Code tab first opens: the editor
 * core, TypeScript colouring (the tokenizer only: no language service, the code is read-only)
 * and the editor's own worker, bundled by vite. The notebook's cells add a TypeScript service
 * (renderer/notebook/cell-types.ts) and its worker through setWorkerFactory.
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/languages/definitions/typescript/register.js";
// The suggest, hover and parameter-hint widgets, for the notebook's typed cells: here, because
// they register services that must exist before Monaco's first editor (the code view's or a cell's).
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/editor/contrib/parameterHints/browser/parameterHints.js";
// Services some contributions ask for when the TypeScript features load (code lens, drag and
// drop); without them Monaco throws "depends on UNKNOWN service" into the page.
import "monaco-editor/editor/common/services/treeViewsDndService.js";
import "monaco-editor/editor/contrib/codelens/browser/codeLensCache.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";

/** Workers by Monaco's label ("typescript" ...), added by the parts that load a language service. */
const workerFactories = new Map<string, () => Worker>();

/** Lets a lazily loaded part (the notebook's typed cells) supply the worker for a label. */
export function setWorkerFactory(label: string, make: () => Worker): void {
  workerFactories.set(label, make);
}

(self as unknown as { MonacoEnvironment: { getWorker(moduleId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker: (_moduleId, label) => workerFactories.get(label)?.() ?? new EditorWorker(),
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
