/**
 * Which links the app may hand to the system browser: https only, to documentation sites we
 * know, with no credentials or odd ports. Anything else a page asks to open is dropped.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  "js.tensorflow.org", // TensorFlow.js API reference
  "www.tensorflow.org",
  "keras.io", // Keras layer reference (layer kinds keep Keras names)
  "arxiv.org", // the papers the templates cite
  "github.com",
];

export function isAllowedExternalUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.username === "" && url.password === "" && url.port === "" && EXTERNAL_HOSTS.includes(url.hostname);
}
