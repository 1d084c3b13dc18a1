/**
 * `layerloom` command dispatch. Each command lives in cli/commands/<name>.ts and returns its
 * exit code; nothing here ever lets a stack trace reach the person at the terminal.
 */
import { runCheck } from "./commands/check.js";
import { runExport } from "./commands/export.js";
import { runImport } from "./commands/import.js";
import { runInspect } from "./commands/inspect.js";
import { runNotebookCommand } from "./commands/notebook.js";
import { runSample } from "./commands/sample.js";
import { runServe } from "./commands/serve.js";
import { runTrain } from "./commands/train.js";

import { processIo, type Io } from "./io.js";

export type { Io };

const COMMANDS: Record<string, { summary: string; run(args: string[], io: Io): Promise<number> }> = {
  check: { summary: "check FILE [--json]   validate a graph, print shapes, params and problems", run: runCheck },
  train: { summary: "train FILE [--epochs N] [--backend cpu|wasm|webgpu|auto] [--seed S] [--out DIR] [--resume DIR]   train the file's training section; Ctrl-C checkpoints", run: runTrain },
  export: { summary: "export FILE [--ts OUT.ts] [--keras OUT.py [--strategy none|mirrored|multiworker]] [--model DIR [--network ID] [--from RUN_FOLDER|GRAPH.weights.json] [--seed S]]   write readable TypeScript, a Keras script, or tfjs model.json + weights.bin", run: runExport },
  import: { summary: "import MODEL.json OUT.layerloom.json [--name NAME] [--force]   turn a tfjs or Keras model.json into an editable graph", run: runImport },
  inspect: { summary: "inspect FILE [--weights RUN_FOLDER|GRAPH.weights.json] --tool activations|saliency|guided|gradcam|optimize|tsne|pca [--node ID] [--class K] [--input-index I] [--unit U] [--penalty W] [--steps N] [--count N] [--out DIR]   look inside a (trained) network; writes PNG files", run: runInspect },
  notebook: { summary: "notebook run FILE.ipynb [--out OUT.ipynb] [--timeout S] [--graph FILE]   run a notebook's code cells in order and write their outputs back", run: runNotebookCommand },
  sample: { summary: "sample FILE [--weights RUN_FOLDER|GRAPH.weights.json] [--n N] [--seed S] [--temperature T] [--prompt TEXT] [--words a,b,c] [--out OUT.png|OUT.txt]   draw images, text or nearest words from a (trained) model", run: runSample },
  serve: { summary: "serve [--port N] [--workspace DIR] [--no-open]   open the app in a browser, served on 127.0.0.1", run: runServe },
};

export const EXIT = { ok: 0, graphErrors: 1, usage: 2 } as const;

function usage(io: Io): void {
  io.out("Usage: layerloom <command> [options]\n\nCommands:");
  for (const c of Object.values(COMMANDS)) io.out(`  ${c.summary}`);
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    usage(io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`layerloom: unknown command "${name}". Run "layerloom help" to see the commands.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // A bug of ours: say so plainly, without a stack trace.
    io.err(`layerloom ${name}: internal error: ${e instanceof Error ? e.message : String(e)}. Please report this.`);
    return EXIT.usage;
  }
}
