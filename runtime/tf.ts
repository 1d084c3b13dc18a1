/**
 * The one place the runtime takes tfjs from. Everything under runtime/ (and the code that hands
 * tensors to it) imports `* as tf from ".../runtime/tf.js"`, never "@tensorflow/tfjs" directly:
 * custom layers register on one tfjs instance, and a second copy in the same process would not see them.
 *
 * "#tf" is a package.json subpath import: under Node it is tfjs's self-contained ES2017 bundle
 * (about 3x faster than the default Node entry, whose per-package builds are ES5 generators),
 * elsewhere (vite, browser, Web Worker) it is the regular "@tensorflow/tfjs" ES module entry.
 *
 * Importing it also installs our faster cpu kernels (runtime/kernels), so every caller gets them.
 */
/// <reference path="./tf-bundle.d.ts" />
import { installFastCpuKernels } from "./kernels/index.js";

export * from "#tf";

installFastCpuKernels();
