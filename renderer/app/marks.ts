/** Performance marks the benchmarks read (`bd:*`): cold start and database open. */
const done = new Set<string>();

export function markOnce(name: string): void {
  if (done.has(name)) return;
  done.add(name);
  performance.mark(name);
}
