/** A code cell's outputs: text streams, errors, tables, images and live line charts. */
import { useEffect, useRef } from "react";
import type { NotebookOutput } from "../../runtime/notebook/format.js";
import { LineChart, isLineSpec } from "./LineChart.js";
import styles from "./NotebookPanel.module.css";
import { safeTable } from "./sanitize-table.js";

const PLOT_MIME = "application/vnd.layerloom.plot+json";
const text = (v: unknown): string => (typeof v === "string" ? v : Array.isArray(v) ? v.join("") : "");
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

function Table({ html }: { html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const table = safeTable(html);
    if (host.current) host.current.replaceChildren(...(table ? [table] : []));
  }, [html]);
  return <div ref={host} className={styles.table} data-kind="table" />;
}

function Rich({ data }: { data: Record<string, unknown> }) {
  const spec = data[PLOT_MIME];
  if (isLineSpec(spec)) return <LineChart spec={spec} />;
  const png = text(data["image/png"]);
  if (png && BASE64.test(png)) {
    const caption = text(data["text/plain"]).match(/; titles, row by row: (.*)\]$/)?.[1];
    return (
      <figure data-kind="figure">
        <img className={styles.image} data-kind="image" src={`data:image/png;base64,${png.replace(/\s/g, "")}`} alt={text(data["text/plain"])} />
        {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
      </figure>
    );
  }
  const html = text(data["text/html"]);
  if (html.includes("<table")) return <Table html={html} />;
  return <pre className={styles.text}>{text(data["text/plain"])}</pre>;
}

export function Outputs({ outputs }: { outputs: readonly NotebookOutput[] }) {
  if (outputs.length === 0) return null;
  return (
    <div className={styles.outputs} aria-label="Cell output">
      {outputs.map((o, i) => {
        switch (o.output_type) {
          case "stream": return <pre key={i} className={o.name === "stderr" ? styles.stderr : styles.text}>{o.text}</pre>;
          case "error": return <pre key={i} className={styles.error} role="alert">{o.traceback.length ? o.traceback.join("\n") : `${o.ename}: ${o.evalue}`}</pre>;
          default: return <Rich key={i} data={o.data} />;
        }
      })}
    </div>
  );
}
