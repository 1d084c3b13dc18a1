/**
 * Window layout: panel sizes, which panels are open, the bottom panel's tab and the theme.
 * Remembered in localStorage; whatever is stored is checked and clamped on load, so a stale or
 * hand-edited entry can never produce an unusable window.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";

export type PanelId = "palette" | "inspector" | "bottom" | "notebook";
export type ThemeChoice = "system" | "light" | "dark";

export interface PanelLayout {
  readonly open: boolean;
  /** Width (palette, inspector) or height (bottom panel) in CSS pixels. */
  readonly size: number;
}

export interface LayoutState {
  readonly panels: Readonly<Record<PanelId, PanelLayout>>;
  readonly bottomTab: string;
  readonly theme: ThemeChoice;
  setSize(panel: PanelId, size: number): void;
  toggle(panel: PanelId): void;
  setOpen(panel: PanelId, open: boolean): void;
  setBottomTab(tab: string): void;
  setTheme(theme: ThemeChoice): void;
}

export const PANEL_LIMITS: Readonly<Record<PanelId, { readonly min: number; readonly max: number; readonly initial: number }>> = {
  palette: { min: 180, max: 480, initial: 248 },
  inspector: { min: 220, max: 560, initial: 300 },
  bottom: { min: 96, max: 640, initial: 180 },
  notebook: { min: 320, max: 1100, initial: 460 },
};

export const LAYOUT_STORAGE_KEY = "layerloom.layout";
const THEMES: readonly ThemeChoice[] = ["system", "light", "dark"];

export function clampSize(panel: PanelId, size: number): number {
  const { min, max, initial } = PANEL_LIMITS[panel];
  return Number.isFinite(size) ? Math.round(Math.min(max, Math.max(min, size))) : initial;
}

type Persisted = Pick<LayoutState, "panels" | "bottomTab" | "theme">;

const initialLayout = (): Persisted => ({
  panels: {
    palette: { open: true, size: PANEL_LIMITS.palette.initial },
    inspector: { open: true, size: PANEL_LIMITS.inspector.initial },
    bottom: { open: true, size: PANEL_LIMITS.bottom.initial },
    notebook: { open: false, size: PANEL_LIMITS.notebook.initial },
  },
  bottomTab: "problems",
  theme: "system",
});

/** Takes what it can from a stored value and falls back to defaults for the rest. */
export function sanitizeLayout(stored: unknown): Persisted {
  const base = initialLayout();
  if (typeof stored !== "object" || stored === null) return base;
  const s = stored as { panels?: Record<string, { open?: unknown; size?: unknown }>; bottomTab?: unknown; theme?: unknown };
  const panel = (id: PanelId): PanelLayout => {
    const p = s.panels?.[id];
    return {
      open: typeof p?.open === "boolean" ? p.open : base.panels[id].open,
      size: typeof p?.size === "number" ? clampSize(id, p.size) : base.panels[id].size,
    };
  };
  return {
    panels: { palette: panel("palette"), inspector: panel("inspector"), bottom: panel("bottom"), notebook: panel("notebook") },
    bottomTab: typeof s.bottomTab === "string" && s.bottomTab.length <= 40 ? s.bottomTab : base.bottomTab,
    theme: THEMES.includes(s.theme as ThemeChoice) ? (s.theme as ThemeChoice) : base.theme,
  };
}

export type LayoutStore = StoreApi<LayoutState>;

export function createLayoutStore(storage: StateStorage): LayoutStore {
  return createStore<LayoutState>()(
    persist(
      (set) => {
        const update = (panel: PanelId, change: Partial<PanelLayout>) =>
          set((s) => ({ panels: { ...s.panels, [panel]: { ...s.panels[panel], ...change } } }));
        return {
          ...initialLayout(),
          setSize: (panel, size) => update(panel, { size: clampSize(panel, size), open: true }),
          toggle: (panel) => set((s) => ({ panels: { ...s.panels, [panel]: { ...s.panels[panel], open: !s.panels[panel].open } } })),
          setOpen: (panel, open) => update(panel, { open }),
          setBottomTab: (bottomTab) => set({ bottomTab }),
          setTheme: (theme) => set({ theme }),
        };
      },
      {
        name: LAYOUT_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (s): Persisted => ({ panels: s.panels, bottomTab: s.bottomTab, theme: s.theme }),
        merge: (stored, current) => ({ ...current, ...sanitizeLayout(stored) }),
      },
    ),
  );
}

/** localStorage where it can be used; private modes and sandboxes may refuse it. */
export function browserStorage(): StateStorage {
  try {
    const probe = "layerloom.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
  }
}
