/** Timing helpers for the benchmark suites: run a step many times and report percentiles. */
export type Figure = { name: string; runs: number; p50_ms: number; p95_ms: number; per_second: number };

export async function measure(name: string, runs: number, step: (i: number) => Promise<unknown>): Promise<Figure> {
  for (let i = 0; i < Math.min(50, runs); i++) await step(-1 - i); // warm caches and JIT, unrecorded
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await step(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { name, runs, p50_ms: at(0.5), p95_ms: at(0.95), per_second: Math.round((runs / total) * 1000) };
}

export const round = (n: number) => Math.round(n * 100) / 100;
