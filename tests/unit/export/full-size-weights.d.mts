// Types for full-size-weights.mjs (plain JavaScript, shared with the child process).
import type * as tfTypes from "@tensorflow/tfjs";

type Tf = typeof tfTypes;
export declare function seedOf(text: string): number;
export declare function uniform(seed: number, size: number, lo: number, hi: number): Float32Array;
export declare function rangeOf(weightName: string, shape: readonly number[]): [number, number];
export declare function withGeneratedInit<T>(tf: Tf, layerNames: readonly string[], build: () => T): { built: T; inner: ReadonlySet<tfTypes.LayerVariable> };
export declare function fillInner(tf: Tf, model: tfTypes.LayersModel, inner: ReadonlySet<tfTypes.LayerVariable>): number;
export declare function inputValues(index: number, shape: readonly (number | null)[], dtype: string, vocab: number, free: number): { dims: number[]; values: Float32Array | Int32Array };
