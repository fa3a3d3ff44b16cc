/**
 * Typed application errors. Each carries a code (mapped to an HTTP status), a message a person
 * can read, and for some codes a machine-readable reason, field errors or a retry delay.
 * Anything that is not an AppError becomes a 500 that reveals nothing.
 */
import type { z } from "zod";
import type { Reason, ReasonOf } from "./error-reasons";

export type { Reason } from "./error-reasons";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "request_timeout"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal"
  | "unavailable";

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the person who made the request. */
    readonly userMessage: string,
    readonly details: {
      /** One of lib/error-reasons.ts, of this error's status. */
      reason?: Reason;
      fieldErrors?: FieldErrors;
      retryAfterSeconds?: number;
      /** Extra response headers, e.g. RateLimit-* on a 429. */
      headers?: Record<string, string>;
      /** The live record that already has what a 409 refused (customer_email_taken). */
      existingCustomerId?: string;
    } = {},
  ) {
    super(userMessage);
    this.name = "AppError";
  }

  get status() {
    return STATUS[this.code];
  }
}

export const badRequest = (message: string, fieldErrors?: FieldErrors) =>
  new AppError("bad_request", message, { fieldErrors });
export const unauthorized = (message = "Sign in to continue.") => new AppError("unauthorized", message);
/** `reason` is a stable machine-readable word clients can branch on, listed in lib/error-reasons.ts. */
export const forbidden = (reason: ReasonOf<403>, message: string) => new AppError("forbidden", message, { reason });
export const notFound = (what = "That") => new AppError("not_found", `${what} was not found.`);
export const conflict = (message: string, reason?: ReasonOf<409>) => new AppError("conflict", message, { reason });
/** The body is not of the media type the route reads (Content-Type says which it got). */
export const unsupportedMediaType = (message: string) => new AppError("unsupported_media_type", message);
export const unprocessable = (message: string, reason?: ReasonOf<422>) =>
  new AppError("unprocessable", message, { reason });
/** A limiter's wait as people say it, in whole minutes rounded up: "1 minute", "3 minutes". */
export function minutesToWait(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** A 429 that says when to try again, in its message as well as in Retry-After, so every client can show it. */
export const rateLimited = (retryAfterSeconds: number, headers?: Record<string, string>) =>
  new AppError("rate_limited", `Too many requests. Try again in ${minutesToWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
    headers,
  });

/** Zod's issues as { "field.path": ["message", ...] }; "" is the whole input. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(error: z.ZodError, where = "input") {
  return badRequest(`Some ${where} fields are invalid.`, fieldErrorsOf(error));
}

/** The JSON body every error response has. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    reason?: Reason;
    field_errors?: FieldErrors;
    existing_customer_id?: string;
    trace_id?: string;
  };
};

export function toErrorBody(error: AppError, traceId?: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.userMessage,
      ...(error.details.reason && { reason: error.details.reason }),
      ...(error.details.fieldErrors && { field_errors: error.details.fieldErrors }),
      ...(error.details.existingCustomerId && { existing_customer_id: error.details.existingCustomerId }),
      ...(traceId && { trace_id: traceId }),
    },
  };
}

/** A dependency (the database) is slow or down: the client may retry after a pause. */
export const unavailable = (message = "The service is busy. Please try again in a moment.", retryAfterSeconds = 5) =>
  new AppError("unavailable", message, { retryAfterSeconds });

/** Postgres cancelled the statement: statement_timeout (57014) or a lock wait that ran out (55P03). */
export function isQueryTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code } = e as { code?: string };
    if (code === "57014" || code === "55P03") return true;
  }
  return false;
}

/**
 * Any thrown value as the AppError its caller is answered with: AppErrors as they are, a query the
 * statement timeout cut off as "busy", anything else as an internal error. Anything that was not
 * already an AppError is logged by the caller (`unexpected` says so, and at which level).
 */
export function toAppError(error: unknown): { appError: AppError; unexpected: null | "warn" | "error" } {
  if (error instanceof AppError) return { appError: error, unexpected: null };
  if (isQueryTimeout(error)) return { appError: unavailable(), unexpected: "warn" };
  return { appError: internalError(), unexpected: "error" };
}

export const internalError = () =>
  new AppError("internal", "Something went wrong on our side. It has been logged; please try again.");

/**
 * A Postgres unique violation (any driver: drizzle wraps the driver's error as `cause`), optionally
 * of one named constraint, for mapping races and duplicates to 409.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: violated } = e as { code?: string; constraint?: string };
    if (code === "23505") return constraint === undefined || violated === constraint;
  }
  return false;
}
