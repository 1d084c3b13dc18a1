/**
 * What the command palette shows (nothing, the command list, or a question from a command) and
 * the latest notice. A store of its own: commands ask questions from outside React.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { PickItem, PickRequest } from "./registry.js";

export type PaletteMode =
  | { readonly kind: "commands" }
  | { readonly kind: "pick"; readonly request: PickRequest; readonly resolve: (item: PickItem | undefined) => void };

export interface Notice {
  readonly message: string;
  /** Grows with each notice, so the same message twice still shows twice. */
  readonly seq: number;
}

export interface PaletteState {
  readonly mode: PaletteMode | null;
  readonly notice: Notice | null;
  showCommands(): void;
  /** Opens the palette with a question; a question still open is answered "cancelled". */
  pick(request: PickRequest): Promise<PickItem | undefined>;
  /** Closes the palette, answering an open question with `item` (undefined: cancelled). */
  close(item?: PickItem): void;
  notify(message: string): void;
  dismissNotice(): void;
}

export type PaletteStore = StoreApi<PaletteState>;

export function createPaletteStore(): PaletteStore {
  let seq = 0;
  return createStore<PaletteState>()((set, get) => {
    const settle = (item: PickItem | undefined) => {
      const mode = get().mode;
      if (mode?.kind === "pick") mode.resolve(item);
    };
    return {
      mode: null,
      notice: null,
      showCommands() {
        settle(undefined);
        set({ mode: { kind: "commands" } });
      },
      pick(request) {
        settle(undefined);
        return new Promise((resolve) => set({ mode: { kind: "pick", request, resolve } }));
      },
      close(item) {
        settle(item);
        set({ mode: null });
      },
      notify: (message) => set({ notice: { message, seq: ++seq } }),
      dismissNotice: () => set({ notice: null }),
    };
  });
}
