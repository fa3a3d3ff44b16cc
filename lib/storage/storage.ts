/**
 * The storage adapter: where uploaded files (avatars) live, behind one small interface, so the app
 * does not care whether that is a directory on this machine or an object store.
 *
 * Keys are chosen by the caller and never by a client: slash-separated segments of letters, digits,
 * `.`, `_` and `-` (no empty, dot-leading or `..` segments), at most 512 characters; the callers
 * make them content-addressed (a hash of the bytes in the key), so an object under a key never
 * changes and a new version is a new key. `put` overwrites, `delete` of a missing key is no error.
 *
 * The seam for an object store (S3, R2, GCS, Vercel Blob): implement ObjectStorage with its SDK
 * (put = PutObject with ContentType, get = GetObject answering null on NoSuchKey, delete =
 * DeleteObject) and return it from `storage()` in ./index.ts when its configuration is set. Nothing
 * else changes: callers only ever see this interface.
 */

/** What `get` answers: the bytes as stored and the content type given to `put`. */
export type StoredObject = { bytes: Uint8Array; contentType: string };

export interface ObjectStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none under `key`. */
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;

/** The key's segments; throws on a key that breaks the rules above (a bug in the caller, never client input). */
export function keySegments(key: string): string[] {
  const segments = key.split("/");
  if (key.length > MAX_KEY_LENGTH || !segments.every((s) => SEGMENT.test(s) && !s.includes(".."))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
  return segments;
}
