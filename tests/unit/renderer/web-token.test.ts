import { describe, expect, it } from "vitest";
import { takeWebToken } from "../../../renderer/platform/web.js";

function tab(href: string) {
  const stored = new Map<string, string>();
  let current = href;
  const location = { get href() { return current; } } as Location;
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void (current = new URL(url, current).href) } as unknown as History;
  const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) } as Storage;
  return { location, history, storage, url: () => current };
}

describe("web token", () => {
  it("is taken from the address, kept for the tab and removed from the address bar", () => {
    const t = tab("http://127.0.0.1:5000/?token=abc123&x=1#here");
    expect(takeWebToken(t.location, t.history, t.storage)).toBe("abc123");
    expect(t.url()).toBe("http://127.0.0.1:5000/?x=1#here");
    expect(takeWebToken(t.location, t.history, t.storage)).toBe("abc123");
  });

  it("is null when the tab never had one", () => {
    const t = tab("http://127.0.0.1:5000/");
    expect(takeWebToken(t.location, t.history, t.storage)).toBeNull();
  });
});
