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

/** What a request that never reached the server (offline, connection dropped) tells the user. */
export const NETWORK_FAILURE = "Could not reach Clientele. Check your connection, then try again.";

/** A failure worth trying again as it is: the network, or the server's own error (not a refusal). */
export const isRetryable = (error: Error) => !(error instanceof ApiError) || error.status === 0 || error.status >= 500;

/**
 * fetch, with a network failure as an ApiError of status 0 in words (the browser's own is
 * "Failed to fetch"). An abort is not a failure and passes through.
 */
export async function fetchOrFail(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(NETWORK_FAILURE, 0);
  }
}

/** The queries' retry rule (QueryProvider): once for a server or network failure, never for a refusal the user must see. */
export const retryServerErrorsOnce = (failures: number, error: Error) => failures < 1 && isRetryable(error);

export async function fetchApi<T>(
  url: string,
  { businessId, signal, fallbackMessage }: { businessId?: string; signal?: AbortSignal; fallbackMessage: string },
): Promise<T> {
  const response = await fetchOrFail(url, {
    headers: businessId ? { "X-Business-Id": businessId } : undefined,
    cache: "no-store",
    signal,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? fallbackMessage, response.status);
  return body as T;
}
