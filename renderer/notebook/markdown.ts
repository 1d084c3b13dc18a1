/**
 * Markdown cells to HTML: CommonMark by marked, $...$ and $$...$$ by KaTeX. Nothing from the
 * notebook runs: raw HTML is shown as text, links keep only http(s), mailto and in-page targets,
 * images only data: and https sources, and KaTeX runs untrusted (no \href, no \htmlClass).
 */
import katex from "katex";
import { Marked, type TokenizerAndRendererExtension } from "marked";

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function tex(source: string, displayMode: boolean): string {
  return katex.renderToString(source, { displayMode, throwOnError: false, trust: false, strict: "ignore", maxExpand: 1000, maxSize: 20 });
}

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.indexOf("$$"),
  tokenizer(src) {
    const m = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
    return m ? { type: "blockMath", raw: m[0], text: m[1]!.trim() } : undefined;
  },
  renderer: (token) => `<div class="math-display">${tex(String(token.text), true)}</div>`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.indexOf("$"),
  tokenizer(src) {
    const m = /^\$\$([^$]+?)\$\$/.exec(src) ?? /^\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    return m ? { type: "inlineMath", raw: m[0], text: m[1]!, display: m[0].startsWith("$$") } : undefined;
  },
  renderer: (token) => tex(String(token.text), Boolean(token.display)),
};

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const SAFE_IMAGE = /^(https:|data:image\/(png|jpeg|gif|webp);)/i;

const marked = new Marked({
  gfm: true,
  extensions: [blockMath, inlineMath],
  renderer: {
    html: (token) => escapeHtml(token.text),
    link(token) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_LINK.test(token.href)) return text;
      return `<a href="${escapeHtml(token.href)}" target="_blank" rel="noopener noreferrer"${token.title ? ` title="${escapeHtml(token.title)}"` : ""}>${text}</a>`;
    },
    image: (token) => (SAFE_IMAGE.test(token.href) ? `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">` : escapeHtml(token.text)),
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
