/**
 * An uploaded avatar, checked and made safe to keep and serve. The image is recognised by its
 * content alone: its first bytes must be a JPEG, PNG or WebP signature AND sharp must read it as
 * that same format; the file's name and declared type are never consulted. It is then decoded and
 * re-encoded (WebP, at most AVATAR_SIZE square, cropped to cover), which drops every piece of
 * metadata the upload carried (EXIF with GPS, XMP, IPTC, comments, ICC) and anything appended to
 * the pixels. The stored bytes are what the key's hash is taken of.
 */
import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError, unprocessable } from "@/lib/errors";
import { MAX_AVATAR_BYTES } from "./inputs";

/** The stored avatar's side in pixels (smaller uploads keep their smaller side). */
export const AVATAR_SIZE = 512;
/** Decoding bound: a small file can still claim a huge canvas (a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;

export const AVATAR_FORMATS = ["jpeg", "png", "webp"] as const;
export type AvatarFormat = (typeof AVATAR_FORMATS)[number];

export const AVATAR_CONTENT_TYPE = "image/webp";

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format the file's signature (magic bytes) says it is, if one of ours. */
export function sniffFormat(bytes: Uint8Array): AvatarFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

const unsupported = (message = "Upload a JPEG, PNG or WebP image.") => unprocessable(message, "unsupported_image");

export const tooLarge = () => new AppError("payload_too_large", "The image is larger than 1 MB. Upload a smaller one.");

export type ReencodedAvatar = { bytes: Uint8Array; contentType: typeof AVATAR_CONTENT_TYPE; hash: string };

/**
 * The upload re-encoded, or a refusal: 413 past MAX_AVATAR_BYTES, 422 unsupported_image for anything
 * that is not a readable JPEG, PNG or WebP (by content). Nothing is written anywhere.
 */
export async function reencodeAvatar(upload: Uint8Array): Promise<ReencodedAvatar> {
  if (upload.byteLength > MAX_AVATAR_BYTES) throw tooLarge();
  const sniffed = sniffFormat(upload);
  if (!sniffed) throw unsupported();
  const input = () => sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", pages: 1 });
  let output: Buffer;
  try {
    const meta = await input().metadata();
    if (meta.format !== sniffed) throw unsupported();
    const side = Math.min(AVATAR_SIZE, meta.width, meta.height);
    output = await input()
      .rotate() // apply the EXIF orientation before the EXIF goes
      .resize(side, side, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unsupported("The file could not be read as a JPEG, PNG or WebP image.");
  }
  const hash = createHash("sha256").update(output).digest("hex").slice(0, 32);
  return {
    bytes: new Uint8Array(output.buffer, output.byteOffset, output.byteLength),
    contentType: AVATAR_CONTENT_TYPE,
    hash,
  };
}
