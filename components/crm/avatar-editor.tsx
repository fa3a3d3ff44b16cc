"use client";
/**
 * The record header's avatar for those who may change it (crm.write, on a live record): "Add
 * photo" (or "Change photo") opens the file picker, the chosen image shows at once, dimmed, while it uploads, and the
 * page then refreshes so the record's new avatar_url shows; "Remove photo" goes back to the
 * initials. A refused file changes nothing and the server's reason shows beside the control.
 *
 * Why fetch() to the JSON API rather than a server action like the other CRM forms: server actions
 * are capped at 256 KiB (next.config.ts) and an avatar may be 1 MB. The route reads the multipart
 * body under its own limit, recognises the image, is rate-limited, and is the contract the API
 * tests hold, so the page uses it as any client would. The browser checks the size first only to
 * spare a doomed upload; what the file is, the server alone decides.
 */
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { ApiError, fetchOrFail } from "@/components/app/fetch-api";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_AVATAR_BYTES } from "@/lib/crm/avatar/limits";
import { Avatar } from "./avatar";

/** What the picker offers; the server recognises the image by its content all the same. */
const ACCEPT = "image/jpeg,image/png,image/webp";
const TOO_LARGE = "The image is larger than 1 MB. Choose a smaller one.";
const FAILED = "The photo could not be changed. Try again.";

type Props = { businessId: string; customerId: string; avatarUrl: string | null; initials: string };

type Outcome = { ok: true; changed: boolean } | { ok: false; message: string };

/** The chosen image, shown until the page has the server's URL for it (`replacing` is the URL it replaces). */
type Preview = { src: string; replacing: string | null };

export function AvatarEditor({ businessId, customerId, avatarUrl, initials }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The input (and Remove) are disabled while a change is under way, which drops the keyboard's
  // focus; it goes back to the photo control once the change is done.
  const refocus = useRef(false);
  // Object URLs hold the file in memory until revoked: the one in use, revoked when replaced or on leaving.
  const previewSrc = useRef<string | null>(null);
  const id = useId();
  const fileId = `${id}-file`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const url = `/api/customers/${encodeURIComponent(businessId)}/${encodeURIComponent(customerId)}/avatar`;
  // Once the refreshed page brings another avatar_url, the preview has done its job.
  const shown = preview && preview.replacing === avatarUrl ? preview.src : avatarUrl;

  const showPreview = (next: Preview | null) => {
    if (previewSrc.current) URL.revokeObjectURL(previewSrc.current);
    previewSrc.current = next?.src ?? null;
    setPreview(next);
  };
  useEffect(
    () => () => {
      if (previewSrc.current) URL.revokeObjectURL(previewSrc.current);
    },
    [],
  );
  useEffect(() => {
    if (pending || !refocus.current) return;
    refocus.current = false;
    input.current?.focus();
  }, [pending]);

  const choose = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing something) is a change too.
    event.target.value = "";
    if (!file) return;
    setStatus(null);
    if (file.size > MAX_AVATAR_BYTES) {
      setError(TOO_LARGE);
      return;
    }
    setError(null);
    refocus.current = true;
    startTransition(async () => {
      // Previewed only if the browser can draw it (a text file named .png would show as a broken
      // image); whether it is accepted, the server alone decides.
      if (await drawable(file)) showPreview({ src: URL.createObjectURL(file), replacing: avatarUrl });
      const form = new FormData();
      form.append("avatar", file);
      const outcome = await send(url, "POST", form);
      if (!outcome.ok) {
        showPreview(null);
        setError(outcome.message);
        return;
      }
      // The same image again keeps its URL, so no refresh would ever retire the preview.
      if (!outcome.changed) showPreview(null);
      setStatus("Photo updated.");
      router.refresh();
    });
  };

  const remove = () => {
    setError(null);
    setStatus(null);
    refocus.current = true;
    startTransition(async () => {
      const outcome = await send(url, "DELETE");
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      showPreview(null);
      setStatus("Photo removed.");
      router.refresh();
    });
  };

  return (
    <div className="flex w-32 shrink-0 flex-col items-center gap-2 sm:w-36" aria-busy={pending || undefined}>
      <div className="relative">
        <Avatar src={shown} initials={initials} className={cn(pending && "opacity-60")} />
        {pending && (
          <span
            aria-hidden
            className="absolute inset-0 m-auto size-6 animate-spin rounded-full border-2 border-brand-600 border-r-transparent"
          />
        )}
      </div>
      {/* The file input itself is the one tab stop (Enter or Space opens the picker); the label is what shows. */}
      <input
        ref={input}
        id={fileId}
        type="file"
        accept={ACCEPT}
        onChange={choose}
        disabled={pending}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        className="peer sr-only"
      />
      <label
        htmlFor={fileId}
        className={buttonClasses(
          "secondary",
          "sm",
          cn(
            "w-full cursor-pointer",
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500",
            "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
          ),
        )}
      >
        {avatarUrl ? "Change photo" : "Add photo"}
      </label>
      {avatarUrl && (
        <Button variant="ghost" size="sm" className="w-full" onClick={remove} disabled={pending}>
          Remove photo
        </Button>
      )}
      <p id={hintId} className="text-center text-xs text-slate-500">
        JPEG, PNG or WebP, up to 1 MB
      </p>
      <div id={errorId} className="w-full">
        <Alert>{error}</Alert>
      </div>
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}

async function drawable(file: File): Promise<boolean> {
  try {
    (await createImageBitmap(file)).close();
    return true;
  } catch {
    return false;
  }
}

/** Sends the change; a refusal as the server worded it (the field's own message first), a lost connection in words. */
async function send(url: string, method: "POST" | "DELETE", body?: FormData): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetchOrFail(url, { method, body });
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.message };
    throw error;
  }
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, changed: json?.changed !== false };
  // A 429's message says when to try again (lib/errors.ts rateLimited).
  const refusal = json?.error;
  return { ok: false, message: refusal?.field_errors?.avatar?.join(" ") || refusal?.message || FAILED };
}
