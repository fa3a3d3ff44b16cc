/**
 * The app's storage adapter (./storage.ts): today always the local directory STORAGE_DIR. An
 * object store plugs in here, chosen from its own environment variables, behind the same interface.
 */
import "server-only";
import { env } from "@/lib/env";
import { LocalDirectoryStorage } from "./local";
import type { ObjectStorage } from "./storage";

export type { ObjectStorage, StoredObject } from "./storage";
export { LocalDirectoryStorage } from "./local";

let cached: { dir: string; storage: ObjectStorage } | undefined;

/** The configured adapter (re-read from the parsed environment, so a test's STORAGE_DIR applies). */
export function storage(): ObjectStorage {
  const dir = env().STORAGE_DIR;
  if (cached?.dir !== dir) cached = { dir, storage: new LocalDirectoryStorage(dir) };
  return cached.storage;
}
