/**
 * The default storage adapter: a directory on this machine (STORAGE_DIR, `.data/storage` beside
 * the embedded database, git-ignored), created on first write, so a clean clone needs no setup.
 * Each object is a plain file at its key's path, its content type in a hidden sidecar beside it
 * (`.<name>.content-type`; keys never have dot-leading segments, so the two cannot collide). Writes
 * go to a temporary file renamed into place, so a reader never sees half an object.
 *
 * Fine for one server (`npm start`, a VM with a disk); a serverless deployment, whose disk does
 * not outlive a request, needs an object store instead (see ./storage.ts).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { keySegments, type ObjectStorage, type StoredObject } from "./storage";

export class LocalDirectoryStorage implements ObjectStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private paths(key: string) {
    const segments = keySegments(key);
    const file = path.join(this.root, ...segments);
    const dir = path.dirname(file);
    return { file, dir, type: path.join(dir, `.${path.basename(file)}.content-type`) };
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const { file, dir, type } = this.paths(key);
    await mkdir(dir, { recursive: true });
    // The type first: whoever finds the file finds its type too.
    await atomicWrite(type, contentType);
    await atomicWrite(file, bytes);
  }

  async get(key: string): Promise<StoredObject | null> {
    const { file, type } = this.paths(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const contentType = await readFile(type, "utf8").catch((error: unknown) => {
      if (isMissing(error)) return "application/octet-stream";
      throw error;
    });
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType };
  }

  async delete(key: string): Promise<void> {
    const { file, type } = this.paths(key);
    await rm(file, { force: true });
    await rm(type, { force: true });
  }
}

async function atomicWrite(file: string, data: Uint8Array | string) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const isMissing = (error: unknown) => (error as { code?: string }).code === "ENOENT";
