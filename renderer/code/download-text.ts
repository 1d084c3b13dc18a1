/**
 * Saves text as a file through the browser's download, which both hosts allow: the workspace
 * only takes graph files (.json), so an exported .ts file goes where the person's downloads go.
 */
export function downloadText(fileName: string, text: string, type = "text/typescript"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the blob's address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
