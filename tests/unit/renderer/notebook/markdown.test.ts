import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../../renderer/notebook/markdown.js";

describe("notebook markdown", () => {
  it("renders CommonMark with inline and display math through KaTeX", () => {
    const html = renderMarkdown("# Title\n\nThe loss $L = -\\log p_y$ falls.\n\n$$\\sum_i x_i$$\n");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toMatch(/<span class="katex">[\s\S]*<\/span> falls\./);
    expect(html).toMatch(/<div class="math-display"><span class="katex-display">/);
  });

  it("leaves dollar amounts and broken math readable rather than failing", () => {
    expect(renderMarkdown("costs $5 and $6")).toContain("costs $5 and $6");
    expect(renderMarkdown("$\\frac{1$")).toMatch(/katex/); // KaTeX shows the error in place
  });

  it("never lets raw HTML, scripts or javascript: links from a notebook through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) ![i](http://x/y.png) [ok](https://example.org)');
    expect(html).not.toMatch(/<script|<img src="?x|href="javascript|onerror="/i);
    expect(html).toContain("&#60;script&#62;");
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(html).not.toContain("http://x/y.png");
  });

  it("keeps KaTeX untrusted: no \\href links from math", () => {
    expect(renderMarkdown("$\\href{javascript:alert(1)}{x}$")).not.toMatch(/href="javascript/);
  });
});
