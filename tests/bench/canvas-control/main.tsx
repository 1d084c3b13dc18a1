/**
 * The control for the canvas benchmark, as BASELINES.md measured it: plain React Flow with N
 * memoised layer cards (title, two text lines, one input and one output handle) and wires with a
 * shape label, nothing of Layerloom's. It draws the same graph at the same positions as the app
 * (graph.json beside the page: nodes, edges and labels), so the benchmark reports a ratio.
 */
import { Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";

interface Graph {
  readonly nodes: readonly { id: string; x: number; y: number; title: string; line1: string; line2: string }[];
  readonly edges: readonly { id: string; source: string; target: string; label: string }[];
}

type Card = Node<{ title: string; line1: string; line2: string }, "card">;

const CardNode = memo(function CardNode({ data }: NodeProps<Card>) {
  return (
    <div style={{ width: 200, padding: "8px 12px", borderRadius: 8, background: "#fff", border: "1px solid #c4c8d0", fontSize: 13, boxSizing: "border-box" }}>
      <Handle type="target" position={Position.Left} />
      <div style={{ fontWeight: 600 }}>{data.title}</div>
      <div style={{ color: "#596069", fontSize: 12 }}>{data.line1}</div>
      <div style={{ color: "#596069", fontSize: 12 }}>{data.line2}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

const NODE_TYPES = { card: CardNode };

function App() {
  const [graph, setGraph] = useState<{ nodes: Card[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    const file = new URLSearchParams(location.search).get("graph") ?? "graph.json";
    void fetch(file).then(async (r) => {
      const g = (await r.json()) as Graph;
      setGraph({
        nodes: g.nodes.map((n) => ({ id: n.id, type: "card", position: { x: n.x, y: n.y }, data: { title: n.title, line1: n.line1, line2: n.line2 } })),
        edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.label })),
      });
    });
  }, []);
  if (!graph) return null;
  return <ReactFlow nodes={graph.nodes} edges={graph.edges} nodeTypes={NODE_TYPES} fitView minZoom={0.02} maxZoom={4} proOptions={{ hideAttribution: true }} />;
}

createRoot(document.getElementById("root")!).render(<App />);
