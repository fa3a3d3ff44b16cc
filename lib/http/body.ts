/**
 * Reads a request body, refusing (413) past a size limit without holding more than the limit in
 * memory. The declared Content-Length is checked first; the stream is counted as it arrives too,
 * because a chunked body declares none.
 *
 * The whole body must also arrive within a deadline (10 s unless the kind says otherwise): a client
 * that sends a byte every few seconds would otherwise hold the request, its memory and a
 * connection until Node's own 300 s requestTimeout. Past it the read stops and the answer is 408
 * with `Connection: close`. A body the client cut off (the upload aborted, the socket reset) is the
 * client's failure, a 400 `body_aborted`, not a 500: nothing is logged as an error.
 */
import { AppError, badRequest } from "@/lib/errors";

/** How long a whole body may take to arrive, unless its kind or route names another deadline. */
export const DEFAULT_BODY_DEADLINE_MS = 10_000;

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${describeBytes(maxBytes)}.`);

const tooSlow = (deadlineMs: number) =>
  new AppError("request_timeout", `The request body did not arrive within ${Math.ceil(deadlineMs / 1000)} s.`, {
    headers: { connection: "close" },
  });

const aborted = () =>
  new AppError("bad_request", "The request body was cut off before it ended.", { reason: "body_aborted" });

/** "64 KiB", "5 MiB", "100 bytes": how limits read in error messages. */
function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KiB` : `${bytes} bytes`;
}

export type ReadOptions = { /** The whole body's deadline, from the start of the read. */ deadlineMs?: number };

/** The body's bytes exactly as received. */
export async function readBytes(
  req: Request,
  maxBytes: number,
  { deadlineMs = DEFAULT_BODY_DEADLINE_MS }: ReadOptions = {},
): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow(deadlineMs)), deadlineMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read().catch(() => Promise.reject(aborted())), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    // Stop reading what is left; the stream may already be errored, which is fine.
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The body as UTF-8 text, a byte-order mark kept (the text is what was sent); with `strict`, bytes
 * that are not UTF-8 are a 400 instead of becoming U+FFFD.
 */
export async function readBody(
  req: Request,
  maxBytes: number,
  { strict = false, ...options }: ReadOptions & { strict?: boolean } = {},
): Promise<string> {
  const bytes = await readBytes(req, maxBytes, options);
  try {
    return new TextDecoder("utf-8", { fatal: strict, ignoreBOM: true }).decode(bytes);
  } catch {
    throw badRequest("The request body is not UTF-8 text.");
  }
}
