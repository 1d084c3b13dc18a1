// The elkjs worker script, emitted by vite as a file of its own (`?url` gives its address).
declare module "elkjs/lib/elk-worker.min.js?url" {
  const url: string;
  export default url;
}
