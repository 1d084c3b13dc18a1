/** Entry point: choose the platform, create the stores, render the app. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { choosePlatform } from "./platform/choose.js";
import { createAppStore } from "./store/app-store.js";
import { browserStorage, createLayoutStore } from "./store/layout-store.js";
import "./theme/tokens.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");

const services = {
  app: createAppStore(),
  layout: createLayoutStore(browserStorage()),
  platform: choosePlatform(window),
};

createRoot(root).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
