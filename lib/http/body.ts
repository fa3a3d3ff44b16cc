/**
 * Reads a request body, refusing (413) past a size limit without holding more than the limit in
 * memory. The declared Content-Length is checked first; the stream is counted as it arrives too,
 * because a chunked body declares none.
 */
import { AppError, badRequest } from "@/lib/errors";

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${describeBytes(maxBytes)}.`);

/** "64 KiB", "5 MiB", "100 bytes": how limits read in error messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KiB` : `${bytes} bytes`;
}

/** The body's bytes exactly as received. */
export async function readBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The body as UTF-8 text, a byte-order mark kept (the text is what was sent); with `strict`, bytes
 * that are not UTF-8 are a 400 instead of becoming U+FFFD.
 */
export async function readBody(req: Request, maxBytes: number, { strict = false } = {}): Promise<string> {
  const bytes = await readBytes(req, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: strict, ignoreBOM: true }).decode(bytes);
  } catch {
    throw badRequest("The request body is not UTF-8 text.");
  }
}
