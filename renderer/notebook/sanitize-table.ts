/**
 * A text/html output from a notebook file is untrusted: only a table survives (table, thead,
 * tbody, tr, th, td and their text), rebuilt element by element, so no attribute, script, style
 * or event handler from the file ever reaches the page.
 */
const ALLOWED = new Set(["TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TH", "TD", "CAPTION"]);

export function safeTable(html: string): HTMLTableElement | null {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const source = doc.querySelector("table");
  if (!source) return null;
  const copy = (node: Element): Element => {
    const out = document.createElement(node.tagName.toLowerCase());
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.append(document.createTextNode(child.textContent ?? ""));
      else if (child.nodeType === Node.ELEMENT_NODE && ALLOWED.has((child as Element).tagName)) out.append(copy(child as Element));
      else if (child.nodeType === Node.ELEMENT_NODE) out.append(document.createTextNode(child.textContent ?? ""));
    }
    return out;
  };
  return copy(source) as HTMLTableElement;
}
