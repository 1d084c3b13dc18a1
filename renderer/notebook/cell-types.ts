/**
 * Typed notebook cells: Monaco's TypeScript language service (its own worker) with tfjs's
 * declarations and the cell scope (cell-scope.ts) as extra libraries, so cells get completions,
 * hover types and syntax errors. Loaded with the cell editor, i.e. only once a notebook shows a
 * code cell; the tfjs declarations (~1 MB of text) come in a chunk of their own after that.
 */
import TsWorker from "monaco-editor/language/typescript/ts.worker.js?worker";
import { monaco, setWorkerFactory } from "../code/monaco-setup.js";
import { IGNORED_DIAGNOSTICS, NO_SEMANTIC_VALIDATION, SCOPE_LIB, SCOPE_LIB_PATH } from "./cell-scope.js";

let ready: Promise<void> | undefined;

/** Sets the service up once; later calls share the first. */
export function enableCellTypes(): Promise<void> {
  return (ready ??= setUp());
}

async function setUp(): Promise<void> {
  setWorkerFactory("typescript", () => new TsWorker());
  // Marks TypeScript as requested before Monaco's registration module loads, so its own
  // on-first-use hook never fires: the service is set up exactly once, below, whether or not
  // the code view has already made a TypeScript model.
  monaco.editor.createModel("", "typescript").dispose();
  const [ts, mode, libsText] = await Promise.all([
    import("monaco-editor/languages/features/typescript/register.js"),
    import("monaco-editor/languages/features/typescript/tsMode.js"),
    import("./tf-types.generated.json?raw").then((m) => m.default),
  ]);
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    // Cells are quick experiments: `model` may be unset, and untyped values are fine.
    strict: false,
    noImplicitAny: false,
  });
  defaults.setDiagnosticsOptions({ noSemanticValidation: NO_SEMANTIC_VALIDATION, noSyntaxValidation: false, diagnosticCodesToIgnore: [...IGNORED_DIAGNOSTICS] });
  const files = JSON.parse(libsText) as Record<string, string>;
  defaults.setExtraLibs([
    ...Object.entries(files).map(([path, content]) => ({ filePath: `file:///${path}`, content })),
    { filePath: SCOPE_LIB_PATH, content: SCOPE_LIB },
  ]);
  mode.setupTypeScript(defaults);
}
