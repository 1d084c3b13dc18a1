/**
 * React access to the stores and the platform. Components read through selector hooks, so each
 * re-renders only when the slice it reads changes.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Platform } from "../platform/platform.js";
import type { AppState, AppStore } from "./app-store.js";
import type { LayoutState, LayoutStore } from "./layout-store.js";

export interface Services {
  readonly app: AppStore;
  readonly layout: LayoutStore;
  readonly platform: Platform;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("Layerloom components must be rendered inside <ServicesProvider>.");
  return services;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().app, selector);
}

export function useLayout<T>(selector: (state: LayoutState) => T): T {
  return useStore(useServices().layout, selector);
}

export function usePlatform(): Platform {
  return useServices().platform;
}
