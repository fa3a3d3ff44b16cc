/** The local-directory storage adapter: objects round-trip with their type, keys cannot escape the directory. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalDirectoryStorage } from "./local";

const root = mkdtempSync(path.join(os.tmpdir(), "clientele-local-storage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("LocalDirectoryStorage", () => {
  const store = new LocalDirectoryStorage(path.join(root, "not-yet-created"));

  it("creates its directory on first write and answers the bytes and type it was given", async () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await store.put("avatars/r1/abc.webp", bytes, "image/webp");
    expect(await store.get("avatars/r1/abc.webp")).toEqual({ bytes, contentType: "image/webp" });
    await store.put("avatars/r1/abc.webp", new Uint8Array([9]), "image/webp");
    expect((await store.get("avatars/r1/abc.webp"))!.bytes).toEqual(new Uint8Array([9]));
  });

  it("answers null for a missing key, and deleting one twice is no error", async () => {
    expect(await store.get("avatars/none.webp")).toBeNull();
    await store.put("x/y.bin", new Uint8Array([1]), "application/octet-stream");
    await store.delete("x/y.bin");
    await store.delete("x/y.bin");
    expect(await store.get("x/y.bin")).toBeNull();
    expect(readdirSync(path.join(store.root, "x"))).toEqual([]);
  });

  it.each(["../escape", "a/../../b", "/absolute", "a//b", ".hidden", "a/.x", "", "a\\b", "a b", "x".repeat(513)])(
    "refuses the key %j",
    async (key) => {
      await expect(store.put(key, new Uint8Array([1]), "text/plain")).rejects.toThrow(/Invalid storage key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(store.delete(key)).rejects.toThrow(/Invalid storage key/);
    },
  );
});
