// tfjs ships no types for its ES2017 bundle; it is the same API as the package entry.
declare module "@tensorflow/tfjs/dist/tf.es2017.js" {
  export * from "@tensorflow/tfjs";
}
