/** Plain-data results of the inspection tools, safe to post between a worker and the app. */

/** A map over an input's spatial dims, row-major, values in 0..1. */
export interface Heatmap {
  readonly width: number;
  readonly height: number;
  readonly values: Float32Array;
}

/** One sample's values: feature maps [h, w, channels], a sequence [t, features] or a vector [units]. */
export interface LayerValues {
  readonly shape: number[];
  readonly values: Float32Array;
}

/** An input-shaped sample (no batch dim), such as an optimised input. */
export type ImageValues = LayerValues;
