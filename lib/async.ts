/** Small promise helpers shared by the code that waits on the outside world (database, broker). */

/** Rejects with "<what> timed out after <ms> ms" unless `work` settles first. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A thrown value's message, for logs and stored errors. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
