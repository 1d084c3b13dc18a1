/** Timing helpers for benchmarks: warm up, repeat, report the median and spread in ms. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function time(fn: () => void, runs = 15, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(samples[Math.floor(samples.length / 2)]!), min: round(samples[0]!), max: round(samples[samples.length - 1]!), runs };
}

export async function timeAsync(fn: () => Promise<void>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(samples[Math.floor(samples.length / 2)]!), min: round(samples[0]!), max: round(samples[samples.length - 1]!), runs };
}
