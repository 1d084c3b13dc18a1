/**
 * The system clipboard, with an in-memory copy to fall back on: a browser may refuse to let a
 * page read the clipboard (permission denied, an insecure origin, an old engine), and copy and
 * paste inside the app must work anyway.
 */

export interface ClipboardPort {
  /** Puts text on the system clipboard where allowed, and always in memory. */
  write(text: string): Promise<void>;
  /** The system clipboard's text where it can be read; else what was last written here. */
  read(): Promise<string | undefined>;
  /** Records text that reached the system clipboard another way (a native copy event). */
  remember(text: string): void;
}

interface TextClipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export function createClipboardPort(system: TextClipboard | undefined): ClipboardPort {
  let memory: string | undefined;
  return {
    async write(text) {
      memory = text;
      try {
        await system?.writeText(text);
      } catch {
        // Refused (no permission, page not focused): the memory copy serves pastes in the app.
      }
    },
    async read() {
      try {
        const text = await system?.readText();
        if (text) return text;
      } catch {
        // Refused: fall back to what this app copied last.
      }
      return memory;
    },
    remember(text) {
      memory = text;
    },
  };
}

/** A clipboard that never leaves memory, for tests and hosts without one. */
export function memoryClipboard(): ClipboardPort {
  return createClipboardPort(undefined);
}
