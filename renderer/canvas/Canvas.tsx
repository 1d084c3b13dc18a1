/**
 * The canvas: the open document drawn with React Flow, and every way of editing it by hand.
 * Dragging nodes, wiring, dropping layers and deleting wires all become graph-ir edits through
 * the store (one undo step each; a drag is one step however long). Selection and viewport go
 * to the UI slice and are never history. Far out, nodes draw as plain boxes (see lod.ts).
 * Double-clicking a block instance shows its inside, read-only, with a breadcrumb back out.
 */
import {
  Background, BackgroundVariant, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi,
  type Connection, type Edge, type EdgeChange, type NodeChange, type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Edit, Position } from "../../graph-ir/core/edits.js";
import { LAYERS } from "../../graph-ir/layers/registry.js";
import { canConnect } from "../../graph-ir/passes/connect.js";
import { useAnalysis } from "../analysis/use-analysis.js";
import { isTypingTarget } from "../commands/keys.js";
import { useCommands, useRegisterCommands } from "../commands/use-commands.js";
import { paletteItems } from "../palette/palette-items.js";
import { focusPaletteSearch } from "../palette/palette-bridge.js";
import { EMPTY_HISTORY } from "../store/history.js";
import { useApp, useServices } from "../store/context.js";
import { useTheme } from "../theme/use-theme.js";
import { categoryColor } from "../ui/categories.js";
import { isMac } from "../ui/shortcut.js";
import { cardPositionAt, freeSpot, provideCanvas } from "./add-layer.js";
import { blockFlow, openBlock } from "./block-view.js";
import { CanvasLookContext, WireInfoContext, type CanvasLook, type WireInfo } from "./canvas-look.js";
import { canvasCommands, type CanvasActions } from "./canvas-commands.js";
import { ConnectHint } from "./ConnectHint.js";
import { planDeleteSelection } from "./delete-selection.js";
import { DropMenu } from "./DropMenu.js";
import { FarCanvas } from "./FarCanvas.js";
import { PAINT_FROM_NODES, farScene } from "./far-scene.js";
import { LayerNode } from "./LayerNode.js";
import { cullOffscreen } from "./lod.js";
import { useOpenFromAddress } from "./open-from-address.js";
import { CARD, createFlowMapper, type LayerFlowNode, type Size, type WireFlowEdge } from "./to-flow.js";
import { WireEdge } from "./WireEdge.js";
import { shapeLabel } from "./wire-label.js";
import { wireInfoFor } from "./wire-info.js";
import { CanvasControls } from "./CanvasControls.js";
import { useAutoLayout } from "./use-auto-layout.js";
import { usePaintedInput } from "./use-painted-input.js";
import { moveStep } from "./move-step.js";
import { usePaletteDrop } from "./use-palette-drop.js";
import { useWireDrop } from "./use-wire-drop.js";
import { useNodeMenu } from "../inspect/use-node-menu.js";
import { useLevelOfDetail, useStoredDirection, useWireFlash } from "./canvas-hooks.js";
import styles from "./Canvas.module.css";

const NODE_TYPES = { layer: LayerNode };
const EDGE_TYPES = { wire: WireEdge };
const PRO_OPTIONS = { hideAttribution: true };
const ITEMS = paletteItems(LAYERS);
const EMPTY_SET: ReadonlySet<string> = new Set();

const reducedMotion = () => typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}

function CanvasView() {
  const { app, layout } = useServices();
  const { registry, ctx } = useCommands();
  const flow = useReactFlow<LayerFlowNode, WireFlowEdge>();
  const storeApi = useStoreApi<LayerFlowNode, WireFlowEdge>();
  const doc = useApp((s) => s.document.doc);
  const selection = useApp((s) => s.ui.selection);
  const focusRequest = useApp((s) => s.ui.focusRequest);
  const analysis = useAnalysis();
  const theme = useTheme();
  const main = useRef<HTMLElement>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const [selectedWires, setSelectedWires] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [direction, setDirection] = useStoredDirection();
  const lod = useLevelOfDetail(storeApi, main);
  const [openPath, setOpenPath] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [mapper] = useState(createFlowMapper);
  const opening = useApp((s) => s.history === EMPTY_HISTORY && !s.document.dirty);
  const flash = useWireFlash(doc, analysis, opening);
  useOpenFromAddress();

  const opened = useMemo(() => openBlock(analysis, openPath), [analysis, openPath]);
  const readOnly = opened !== undefined;
  useEffect(() => {
    if (openPath.length > 0 && !opened) setOpenPath([]);
  }, [openPath, opened]);

  const selected = useMemo(() => new Set(selection), [selection]);
  const inside = useMemo(() => (opened ? blockFlow(opened, direction) : undefined), [opened, direction]);
  const nodes = useMemo(
    () => inside?.nodes ?? mapper.nodes(doc, analysis, { selected, measured, direction }),
    [inside, mapper, doc, analysis, selected, measured, direction],
  );
  const edges = useMemo(
    () => inside?.edges ?? mapper.edges(doc, analysis, { flash: flash.ids, flashSeq: flash.seq, selected: selectedWires }),
    [inside, mapper, doc, analysis, flash, selectedWires],
  );
  // Far out on a big graph, nodes and wires are painted on one canvas instead of drawn as DOM.
  const painted = lod === "far" && !readOnly && nodes.length >= PAINT_FROM_NODES;
  const flowNodes = useMemo(() => (painted ? nodes.map((n) => (n.hidden ? n : { ...n, hidden: true })) : nodes), [painted, nodes]);
  const flowEdges = useMemo(() => (painted ? edges.map((e) => (e.hidden ? e : { ...e, hidden: true })) : edges), [painted, edges]);
  const scene = useMemo(() => (painted ? farScene(nodes, edges, direction) : undefined), [painted, nodes, edges, direction]);
  const look: CanvasLook = useMemo(() => ({ lod, direction, readOnly }), [lod, direction, readOnly]);
  const wireInfo: WireInfo = useMemo(() => wireInfoFor(analysis, opened), [opened, analysis]);

  // The latest values, for callbacks that must stay stable (React Flow re-binds on identity).
  const live = useRef({ doc, analysis, readOnly, selectedWires, direction, opened });
  live.current = { doc, analysis, readOnly, selectedWires, direction, opened };

  const edit = useCallback(
    (e: Edit, label: string, coalesce?: string) => {
      const r = app.getState().edit(e, label, coalesce);
      if (!r.ok) ctx.notify(r.error);
      return r.ok;
    },
    [app, ctx],
  );

  // ----- viewport: fit on open, follow focus requests, keep the status bar's zoom current -----

  // A small graph is shown at its natural size, not blown up to fill the canvas.
  const fit = useCallback(() => {
    void flow.fitView({ padding: 0.08, maxZoom: 1, includeHiddenNodes: true, duration: reducedMotion() ? 0 : 200 });
  }, [flow]);
  const fitSoon = useCallback(() => {
    // Two frames: React renders the new nodes, then React Flow has their sizes.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1, includeHiddenNodes: true })));
  }, [flow]);

  useEffect(() => {
    fitSoon();
    return app.subscribe((s, prev) => {
      if (s.document !== prev.document && s.history === EMPTY_HISTORY && !s.document.dirty) {
        setOpenPath([]);
        setSelectedWires(EMPTY_SET);
        setDrop(null);
        fitSoon();
      }
    });
  }, [app, fitSoon]);

  useEffect(() => {
    if (!focusRequest) return;
    if (live.current.opened) setOpenPath([]);
    requestAnimationFrame(() => {
      const node = flow.getInternalNode(focusRequest.id);
      if (!node) return;
      const w = node.measured.width ?? node.width ?? 0;
      const h = node.measured.height ?? node.height ?? 0;
      const { x, y } = node.internals.positionAbsolute;
      void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: reducedMotion() ? 0 : 250 });
    });
  }, [focusRequest, flow]);

  const onMove = useCallback((_: unknown, v: Viewport) => app.getState().setViewport(v), [app]);

  // ----- nodes: selection, measured sizes, dragging -----

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const sizes: [string, Size][] = [];
      const moves: [string, number, number][] = [];
      let picked: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === "dimensions" && c.dimensions) sizes.push([c.id, c.dimensions]);
        else if (c.type === "select" && !live.current.readOnly) {
          picked ??= new Set(app.getState().ui.selection);
          if (c.selected) picked.add(c.id);
          else picked.delete(c.id);
        } else if (c.type === "position" && c.position && !live.current.readOnly) {
          moves.push([c.id, c.position.x, c.position.y]);
        }
      }
      if (sizes.length) {
        setMeasured((m) => {
          const changed = sizes.filter(([id, s]) => m.get(id)?.width !== s.width || m.get(id)?.height !== s.height);
          return changed.length ? new Map([...m, ...changed]) : m;
        });
      }
      if (picked) app.getState().select([...picked]);
      if (moves.length) {
        const step = moveStep(moves);
        edit(step.edit, step.label, step.coalesce);
      }
    },
    [app, edit],
  );
  const onNodeDragStop = useCallback(() => app.getState().sealHistory(), [app]);

  const onNodeDoubleClick = useCallback((_: unknown, node: LayerFlowNode) => {
    if (!node.data.block) return;
    setOpenPath((path) => [...path, node.id]);
    setDrop(null);
    fitSoon();
  }, [fitSoon]);

  // Input on the painted far view: the same edits as dragging and clicking DOM nodes.
  const { selectPainted, dragPainted } = usePaintedInput({ app, live, edit });
  const openPainted = useCallback((id: string) => {
    setOpenPath([id]);
    fitSoon();
  }, [fitSoon]);

  // ----- wires: select, connect (refusing what canConnect refuses), drop on empty canvas -----

  const onEdgesChange = useCallback((changes: EdgeChange<WireFlowEdge>[]) => {
    const picks = changes.filter((c) => c.type === "select");
    if (picks.length === 0) return;
    setSelectedWires((prev) => {
      const next = new Set(prev);
      for (const c of picks) {
        if (c.type !== "select") continue;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    });
  }, []);

  const isValidConnection = useCallback((c: Connection | Edge) => {
    const { doc: d, analysis: a, readOnly: ro } = live.current;
    if (ro) return false;
    return canConnect(d, a, [c.source, c.sourceHandle ?? ""], [c.target, c.targetHandle ?? ""]).ok;
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      const edge = { from: [c.source, c.sourceHandle ?? ""], to: [c.target, c.targetHandle ?? ""] } as const;
      edit({ op: "connect", edge }, `Connect ${c.source} → ${c.target}`);
    },
    [edit],
  );

  const { drop, setDrop, onConnectEnd, dropItems, pickDropped, closeDrop } = useWireDrop({ live, flow, edit, app, main, items: ITEMS });

  // ----- palette drag and drop -----

  const { onDragOver, onDrop } = usePaletteDrop({ live, flow, edit, app, main });
  // Right click on a card (or Shift+F10): the inspection tools (renderer/inspect).
  const nodeMenu = useNodeMenu(readOnly);

  // ----- what the palette and the commands ask of the canvas -----

  /** At the pointer when it is over the canvas; else mid-view, moved down clear of other cards. */
  const newLayerPosition = useCallback((): Position => {
    if (pointer.current) return cardPositionAt(flow.screenToFlowPosition(pointer.current));
    const box = main.current?.getBoundingClientRect();
    const centre = cardPositionAt(flow.screenToFlowPosition(box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 0, y: 0 }));
    const taken = flow.getNodes().map((n) => ({ x: n.position.x, y: n.position.y, width: n.width ?? CARD.width, height: n.height ?? 40 }));
    return freeSpot(centre, { width: CARD.width, height: 52 }, taken);
  }, [flow]);

  useEffect(() => provideCanvas(app, { newLayerPosition, focus: () => main.current?.focus() }), [app, newLayerPosition]);

  const autoLayout = useAutoLayout({ app, live, main, edit, setDirection, setBusy, fitSoon, notify: ctx.notify });

  const deleteSelected = useCallback(() => {
    const plan = planDeleteSelection(live.current.doc, app.getState().ui.selection, live.current.selectedWires);
    if (plan && edit(plan.edit, plan.label)) setSelectedWires(EMPTY_SET);
  }, [app, edit]);

  const actions: CanvasActions = useMemo(
    () => ({
      fitView: fit,
      // Instant, so that pressing the key repeatedly zooms by one step each time (an animated
      // step restarts from wherever the previous one had got to).
      zoomIn: () => void flow.zoomIn({ duration: 0 }),
      zoomOut: () => void flow.zoomOut({ duration: 0 }),
      autoLayout: (to) => void autoLayout(to),
      direction: () => live.current.direction,
      insideBlock: () => live.current.readOnly,
      closeBlock: () => setOpenPath((p) => p.slice(0, -1)),
      hasNodes: () => live.current.doc.nodes.length > 0,
      selectedWires: () => live.current.selectedWires.size,
      deleteSelected,
      addLayer: () => {
        layout.getState().setOpen("palette", true);
        focusPaletteSearch(app, "");
      },
    }),
    [fit, flow, autoLayout, deleteSelected, layout, app],
  );
  useRegisterCommands(() => canvasCommands(actions), [actions]);

  // Typing a letter on the canvas searches the palette with it (single-letter commands win).
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1 || !/\p{L}|\p{N}/u.test(e.key)) return;
      if (live.current.readOnly || registry.forKey(e.nativeEvent, { mac: isMac, typing: false, ctx })) return;
      e.preventDefault();
      layout.getState().setOpen("palette", true);
      focusPaletteSearch(app, e.key);
    },
    [registry, ctx, layout, app],
  );

  const hasNodes = readOnly || doc.nodes.length > 0;
  return (
    <main
      ref={main}
      className={styles.canvas}
      aria-label="Canvas"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onPointerLeave={() => (pointer.current = null)}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-lod={lod}
    >
      <CanvasLookContext.Provider value={look}>
        <WireInfoContext.Provider value={wireInfo}>
          <ReactFlow<LayerFlowNode, WireFlowEdge>
            nodes={flowNodes}
            edges={flowEdges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onNodeDoubleClick={onNodeDoubleClick}
            onNodeContextMenu={nodeMenu.onNodeContextMenu}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            defaultViewport={app.getState().ui.viewport}
            onMove={onMove}
            onPaneClick={() => {
              if (!readOnly) app.getState().select([]);
              setSelectedWires(EMPTY_SET);
            }}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable={!readOnly}
            deleteKeyCode={null}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements={cullOffscreen(nodes.length, lod)}
            colorMode={theme}
            proOptions={PRO_OPTIONS}
            minZoom={0.02}
            maxZoom={4}
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="var(--grid-dot)" />
            {hasNodes && !painted && <MiniMap pannable zoomable ariaLabel="Overview of the graph" nodeColor={(n) => categoryColor((n as LayerFlowNode).data.category)} nodeBorderRadius={4} />}
            <CanvasControls readOnly={readOnly} />
            <ConnectHint doc={doc} analysis={analysis} />
            {scene && <FarCanvas scene={scene} host={main} onSelect={selectPainted} onDrag={dragPainted} onOpen={openPainted} />}
          </ReactFlow>
        </WireInfoContext.Provider>
      </CanvasLookContext.Provider>
      {opened && (
        <nav className={styles.crumbs} aria-label="Opened block">
          <button type="button" className={styles.crumb} onClick={() => setOpenPath([])} title="Back to the graph (Esc leaves one level)">
            {doc.name || "Graph"}
          </button>
          {opened.crumbs.map((c, i) => (
            <span key={c.id} className={styles.crumbStep}>
              <span aria-hidden="true">›</span>
              {i === opened.crumbs.length - 1 ? (
                <span className={styles.crumbHere} aria-current="location">{c.title}</span>
              ) : (
                <button type="button" className={styles.crumb} onClick={() => setOpenPath(openPath.slice(0, i + 1))}>
                  {c.title}
                </button>
              )}
            </span>
          ))}
          <span className={styles.readOnly}>read-only · shapes for this instance</span>
        </nav>
      )}
      {drop && <DropMenu at={drop.at} title={`after ${drop.from[0]}${drop.shape ? ` · ${shapeLabel(drop.shape)}` : ""}`} items={dropItems} onPick={pickDropped} onClose={closeDrop} />}
      {nodeMenu.menu}
      {busy && <div className={styles.busy} role="status">{busy}</div>}
      {!hasNodes && (
        <div className={styles.empty}>
          <p className={styles.emptyTitle}>This graph has no layers yet</p>
          <p className={styles.emptyText}>Drag a layer from the palette, or type its name here and press Enter.</p>
        </div>
      )}
    </main>
  );
}
