/** Shows the notebook panel whenever a notebook is opened (a template with one, a workspace file). */
import { useEffect } from "react";
import { useServices } from "../store/context.js";
import { notebookStore } from "./notebook-store.js";

export function useNotebookOpener(): void {
  const { layout } = useServices();
  useEffect(
    () =>
      notebookStore.subscribe((s, prev) => {
        if (s.openRequest !== prev.openRequest) layout.getState().setOpen("notebook", true);
      }),
    [layout],
  );
}
