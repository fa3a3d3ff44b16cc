/** The short random slug behind a customer's shareable profile link (and its QR code). */
import { randomBytes } from "node:crypto";

/** 10 base64url characters: 60 random bits, unguessable and short enough to type. */
export function newHandle(): string {
  return randomBytes(8).toString("base64url").slice(0, 10);
}
