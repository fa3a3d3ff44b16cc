/**
 * The browser side of our JSON API: one GET with the acting business, no caching, and failures as
 * ApiError carrying the server's own message and status (so a 403's explanation reaches the user,
 * and retries can skip client errors).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The queries' retry rule (QueryProvider): once for a server or network failure, never for a refusal the user must see. */
export const retryServerErrorsOnce = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && error.status < 500);

export async function fetchApi<T>(
  url: string,
  { businessId, signal, fallbackMessage }: { businessId?: string; signal?: AbortSignal; fallbackMessage: string },
): Promise<T> {
  const response = await fetch(url, {
    headers: businessId ? { "X-Business-Id": businessId } : undefined,
    cache: "no-store",
    signal,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? fallbackMessage, response.status);
  return body as T;
}
