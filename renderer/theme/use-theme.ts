/** Applies the chosen theme to <html data-theme>, following the system setting when asked to. */
import { useEffect, useSyncExternalStore } from "react";
import { useLayout } from "../store/context.js";
import type { ThemeChoice } from "../store/layout-store.js";

export type Theme = "light" | "dark";

const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === "system" ? (systemDark ? "dark" : "light") : choice;
}

/** The theme in force; also writes it onto the document element. */
export function useTheme(): Theme {
  const choice = useLayout((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
  const theme = resolveTheme(choice, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
