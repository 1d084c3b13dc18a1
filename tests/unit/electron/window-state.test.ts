/** Where windows open: the remembered place when it is still on a screen, cascaded, or centred. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE, parseWindowState, placeWindow } from "../../../electron/main/window-state.js";

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe("window state", () => {
  it("reopens where the window was, maximized or full screen as it was", () => {
    const saved = parseWindowState({ bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: true, fullScreen: false });
    expect(placeWindow(saved, [laptop, monitor])).toEqual({ placement: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: true, fullScreen: false });
  });

  it("when that screen is gone, keeps the size (shrunk to fit) and lets the system centre it", () => {
    const saved = parseWindowState({ bounds: { x: 1600, y: 100, width: 2400, height: 1300 }, maximized: false, fullScreen: true });
    expect(placeWindow(saved, [laptop])).toEqual({ placement: { width: 1440, height: 875 }, maximized: false, fullScreen: false });
  });

  it("needs enough of the title bar on a screen to grab it", () => {
    const offTop = parseWindowState({ bounds: { x: 100, y: -500, width: 900, height: 600 }, maximized: false, fullScreen: false });
    expect(placeWindow(offTop, [laptop]).placement.x).toBeUndefined();
    const sliver = parseWindowState({ bounds: { x: 1400, y: 100, width: 900, height: 600 }, maximized: false, fullScreen: false });
    expect(placeWindow(sliver, [laptop]).placement.x).toBeUndefined();
  });

  it("cascades a new window from the current one, and wraps back when it would leave the screen", () => {
    expect(placeWindow(null, [laptop], { x: 100, y: 100, width: 1000, height: 700 }).placement).toEqual({ x: 128, y: 128, width: 1000, height: 700 });
    expect(placeWindow(null, [laptop], { x: 1300, y: 820, width: 1000, height: 700 }).placement).toEqual({ x: 28, y: 53, width: 1000, height: 700 });
  });

  it("opens the first window at the default size, never below the minimum", () => {
    expect(placeWindow(null, [laptop]).placement).toEqual({ width: DEFAULT_SIZE.width, height: 875 });
    expect(placeWindow(null, [{ x: 0, y: 0, width: 640, height: 480 }]).placement).toEqual({ width: 800, height: 560 });
  });

  it("reads damaged or implausible stored state as none", () => {
    for (const bad of [null, "x", {}, { bounds: { x: "1", y: 0, width: 800, height: 600 } }, { bounds: { x: 0, y: 0, width: 10, height: 10 } }, { bounds: { x: 1e9, y: 0, width: 800, height: 600 } }, { bounds: { x: NaN, y: 0, width: 800, height: 600 } }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
    expect(parseWindowState({ bounds: { x: 1.4, y: 2.6, width: 800, height: 600 }, maximized: "yes" })).toEqual({ bounds: { x: 1, y: 3, width: 800, height: 600 }, maximized: false, fullScreen: false });
  });
});
