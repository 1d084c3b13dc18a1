/**
 * The preload: exposes the contract, and nothing else, as window.layerloom. Runs sandboxed with
 * context isolation, so the page reaches main only through these functions.
 */
import { contextBridge, ipcRenderer } from "electron";
import { createBridge } from "./bridge.js";

contextBridge.exposeInMainWorld("layerloom", createBridge(ipcRenderer));
