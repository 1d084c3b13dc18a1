import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { LAYOUT_STORAGE_KEY, PANEL_LIMITS, createLayoutStore, sanitizeLayout } from "../../../renderer/store/layout-store.js";

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe("layout store", () => {
  it("remembers panel sizes, visibility, tab and theme across a restart", () => {
    const storage = memoryStorage();
    const first = createLayoutStore(storage).getState();
    first.setSize("palette", 300);
    first.toggle("inspector");
    first.setBottomTab("train");
    first.setTheme("light");
    const again = createLayoutStore(storage).getState();
    expect(again.panels.palette).toEqual({ open: true, size: 300 });
    expect(again.panels.inspector.open).toBe(false);
    expect(again.bottomTab).toBe("train");
    expect(again.theme).toBe("light");
  });

  it("clamps sizes to each panel's limits, and resizing a hidden panel shows it", () => {
    const store = createLayoutStore(memoryStorage());
    store.getState().setOpen("bottom", false);
    store.getState().setSize("bottom", 5);
    expect(store.getState().panels.bottom).toEqual({ open: true, size: PANEL_LIMITS.bottom.min });
    store.getState().setSize("inspector", 1e9);
    expect(store.getState().panels.inspector.size).toBe(PANEL_LIMITS.inspector.max);
  });

  it("survives a damaged or hand-edited stored layout", () => {
    const stored = JSON.stringify({ state: { panels: { palette: { open: "yes", size: -40 }, bottom: { size: 250 } }, theme: "neon", bottomTab: 7 }, version: 1 });
    const s = createLayoutStore(memoryStorage({ [LAYOUT_STORAGE_KEY]: stored })).getState();
    expect(s.panels.palette).toEqual({ open: true, size: PANEL_LIMITS.palette.min });
    expect(s.panels.bottom).toEqual({ open: true, size: 250 });
    expect(s.theme).toBe("system");
    expect(s.bottomTab).toBe("problems");
    expect(createLayoutStore(memoryStorage({ [LAYOUT_STORAGE_KEY]: "{not json" })).getState().panels.palette.size).toBe(PANEL_LIMITS.palette.initial);
  });

  it("sanitizes anything at all into a usable layout", () => {
    for (const junk of [null, 3, "x", [], { panels: null }, { panels: { palette: { size: Number.NaN } } }]) {
      const l = sanitizeLayout(junk);
      expect(l.panels.palette.size).toBeGreaterThanOrEqual(PANEL_LIMITS.palette.min);
      expect(l.panels.palette.size).toBeLessThanOrEqual(PANEL_LIMITS.palette.max);
      expect(["system", "light", "dark"]).toContain(l.theme);
    }
  });
});
