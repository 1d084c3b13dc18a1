// Vite's `?url` imports: the emitted asset's address, as a string.
declare module "*.wasm?url" {
  const url: string;
  export default url;
}
