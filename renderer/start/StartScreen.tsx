/**
 * The start screen, shown where the canvas goes while no document is open (at launch, or when
 * asked for with File › New from template): New and Open, unsaved work from an earlier session
 * to restore or discard, recent files, and the template gallery as cards (a thumbnail drawn from
 * the graph, the title, one line, the parameter count of each configuration). Opening a template
 * opens a new, unsaved copy of it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { FILE_COMMANDS } from "../commands/file-commands.js";
import { useCommandView, useCommands } from "../commands/use-commands.js";
import { baseName } from "../files/file-names.js";
import type { Recoverable } from "../files/files.js";
import { displayName } from "../store/app-store.js";
import { useApp, usePlatform } from "../store/context.js";
import { formatCount } from "../ui/format.js";
import { loadGallery, type GalleryCard, type GalleryState } from "./gallery.js";
import { GraphThumbnail } from "./GraphThumbnail.js";
import styles from "./StartScreen.module.css";

const THUMB = { width: 240, height: 104 } as const;

export function StartScreen({ mode }: { mode: "launch" | "asked" }) {
  const { ctx } = useCommands();
  const files = ctx.files;
  const name = useApp((s) => displayName(s.document));
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    // Asked for from a menu or the palette: the keyboard lands on the screen, not behind it.
    if (mode === "asked") root.current?.focus();
  }, [mode]);

  return (
    <section
      ref={root}
      className={styles.screen}
      aria-label="Start"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (mode === "asked" && e.key === "Escape") {
          e.stopPropagation();
          files.hideStart();
        }
      }}
    >
      <div className={styles.content}>
        <header className={styles.header}>
          <div>
            <h1 className={styles.heading}>Start</h1>
            <p className={styles.lead}>Begin from a classic architecture, open a graph from the workspace, or start blank.</p>
          </div>
          <div className={styles.actions}>
            <ActionButton id={FILE_COMMANDS.new} label="New blank graph" primary />
            <ActionButton id={FILE_COMMANDS.open} label="Open…" />
            {mode === "asked" && (
              <button type="button" className={styles.action} onClick={() => files.hideStart()} title="Back to the graph (Esc)">
                Back to {name}
              </button>
            )}
          </div>
        </header>
        <Recovery />
        <RecentFiles />
        <Gallery />
      </div>
    </section>
  );
}

function ActionButton({ id, label, primary = false }: { id: string; label: string; primary?: boolean }) {
  const { registry, ctx } = useCommands();
  const view = useCommandView(id, label);
  return (
    <button type="button" className={primary ? styles.primary : styles.action} title={view.hint} onClick={() => void registry.run(id, ctx)}>
      {label}
      {view.shortcut && <kbd className={styles.kbd}>{view.shortcut}</kbd>}
    </button>
  );
}

/** Unsaved edits an earlier session left behind (the desktop shell offers its own at launch). */
function Recovery() {
  const { ctx } = useCommands();
  const platform = usePlatform();
  const [items, setItems] = useState<readonly Recoverable[]>([]);
  useEffect(() => {
    if (platform.kind === "electron") return;
    let live = true;
    ctx.files.recoverable().then((found) => live && setItems(found), () => undefined);
    return () => {
      live = false;
    };
  }, [ctx, platform]);
  if (items.length === 0) return null;
  return (
    <section className={styles.recovery} aria-labelledby="start-recovery">
      <h2 id="start-recovery" className={styles.sectionTitle}>Unsaved changes from an earlier session</h2>
      <ul className={styles.recoveryList}>
        {items.map((item) => {
          const what = item.path ? item.name : `${item.name} (never saved)`;
          return (
            <li key={item.key} className={styles.recoveryItem}>
              <span className={styles.recoveryText}>
                <strong>{what}</strong> · {formatCount(item.layers)} {item.layers === 1 ? "layer" : "layers"}, changed {item.when}
              </span>
              <button type="button" className={styles.primary} aria-label={`Restore the unsaved changes to ${what}`} onClick={() => void ctx.files.restoreBackup(item.key)}>
                Restore
              </button>
              <button
                type="button"
                className={styles.action}
                aria-label={`Discard the unsaved changes to ${what}`}
                onClick={() => {
                  void ctx.files.discardBackup(item.key).then(
                    () => setItems((all) => all.filter((x) => x.key !== item.key)),
                    (e: unknown) => ctx.notify(`The backup could not be removed: ${e instanceof Error ? e.message : String(e)}`),
                  );
                }}
              >
                Discard
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RecentFiles() {
  const { ctx } = useCommands();
  const platform = usePlatform();
  const [paths, setPaths] = useState<readonly string[] | null>(null);
  useEffect(() => {
    let live = true;
    platform.recentFiles().then((p) => live && setPaths(p), () => live && setPaths([]));
    return () => {
      live = false;
    };
  }, [platform]);
  return (
    <section aria-labelledby="start-recent">
      <h2 id="start-recent" className={styles.sectionTitle}>Recent files</h2>
      {paths === null ? null : paths.length === 0 ? (
        <p className={styles.muted}>Files you open or save appear here.</p>
      ) : (
        <ul className={styles.recent}>
          {paths.slice(0, 8).map((path) => (
            <li key={path}>
              <button type="button" className={styles.recentButton} title={`Open ${path}`} onClick={() => void ctx.files.open(path)}>
                <span className={styles.recentName}>{baseName(path)}</span>
                {path.includes("/") && <span className={styles.recentFolder}>{path.slice(0, path.lastIndexOf("/"))}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Gallery() {
  const platform = usePlatform();
  const [gallery, setGallery] = useState<GalleryState>({ state: "loading" });
  useEffect(() => {
    let gone = false;
    void loadGallery(platform, setGallery, () => gone);
    return () => {
      gone = true;
    };
  }, [platform]);
  return (
    <section aria-labelledby="start-templates">
      <h2 id="start-templates" className={styles.sectionTitle}>Templates</h2>
      {gallery.state === "loading" && <p className={styles.muted}>Loading the templates…</p>}
      {gallery.state === "failed" && <p className={styles.muted}>The templates could not be listed: {gallery.message}</p>}
      {gallery.state === "ready" && gallery.cards.length === 0 && <p className={styles.muted}>No templates are installed.</p>}
      {gallery.state === "ready" && gallery.cards.length > 0 && (
        <ul className={styles.grid} aria-label="Templates">
          {gallery.cards.map((card) => (
            <TemplateCard key={card.template.id} card={card} />
          ))}
        </ul>
      )}
    </section>
  );
}

const paramsText = (n: number) => `${formatCount(n)} ${n === 1 ? "param" : "params"}`;

function TemplateCard({ card }: { card: GalleryCard }) {
  const { ctx } = useCommands();
  const t = card.template;
  const main = card.configurations[t.defaultConfiguration];
  const mainConfig = t.configurations.find((c) => c.id === t.defaultConfiguration);
  const several = t.configurations.length > 1;
  const open = (configuration: string) => void ctx.files.openTemplate(t.id, configuration);
  const lineId = useId();
  const opens = `Open ${t.name}${several && mainConfig ? `, ${mainConfig.title}` : ""}${main?.state === "ready" ? ` (${paramsText(main.params)})` : ""}`;
  let picture: ReactNode;
  if (main?.state === "ready") picture = <GraphThumbnail className={styles.thumbnail} doc={main.doc} width={THUMB.width} height={THUMB.height} />;
  else picture = <div className={styles.thumbnail} data-state={main?.state ?? "failed"} />;
  return (
    <li className={styles.card} data-template={t.id}>
      {/* Named by its visible title; the line below describes it. */}
      <button type="button" className={styles.cardMain} aria-describedby={t.description ? lineId : undefined} title={opens} onClick={() => open(t.defaultConfiguration)}>
        {picture}
        <span className={styles.cardTitle}>{t.name}</span>
      </button>
      {t.description && (
        <p id={lineId} className={styles.cardLine} title={t.description}>
          {t.description}
        </p>
      )}
      <ul className={styles.configs} aria-label={`${t.name} configurations`}>
        {t.configurations.map((c) => {
          const s = card.configurations[c.id];
          const count = s?.state === "ready" ? paramsText(s.params) : s?.state === "failed" ? "cannot be loaded" : "counting…";
          return (
            <li key={c.id}>
              <button
                type="button"
                className={styles.config}
                title={s?.state === "failed" ? s.message : (c.description ?? c.title)}
                onClick={() => open(c.id)}
              >
                <span className={styles.configTitle}>{c.title}</span>
                <span className={`${styles.configParams} mono`}>{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
