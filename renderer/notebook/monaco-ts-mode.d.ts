// Monaco ships no declarations for the module that wires its TypeScript service to a language.
declare module "monaco-editor/languages/features/typescript/tsMode.js" {
  export function setupTypeScript(defaults: typeof import("monaco-editor/languages/features/typescript/register.js").typescriptDefaults): void;
}

// Vite's `?raw` imports: the file's text.
declare module "*?raw" {
  const text: string;
  export default text;
}
