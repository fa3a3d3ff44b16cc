/**
 * Where a record's avatar is served: our own route, versioned by its storage key, so the URL
 * changes when the image does and the browser may cache each version for ever. DTOs carry this as
 * `avatar_url` (null when the record has no avatar).
 */
export function avatarUrl(businessId: string, recordId: string, avatarKey: string): string;
export function avatarUrl(businessId: string, recordId: string, avatarKey: string | null): string | null;
export function avatarUrl(businessId: string, recordId: string, avatarKey: string | null): string | null {
  if (!avatarKey) return null;
  return `/api/customers/${businessId}/${recordId}/avatar?v=${encodeURIComponent(avatarKey)}`;
}

/** The storage key of a record's avatar: under the record, named by the hash of the stored bytes. */
export function avatarKey(recordId: string, hash: string): string {
  return `avatars/${recordId}/${hash}.webp`;
}
