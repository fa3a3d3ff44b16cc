/**
 * The error body every failing response has (mirrors ErrorBody in lib/errors.ts, checked at
 * compile time below and by a test against toErrorBody) and the reusable error responses that
 * registerRoute attaches to each operation. The reasons, in the body's enum and in the 403, 409
 * and 422 descriptions, are written out from lib/error-reasons.ts.
 */
import { z } from "zod";
import { REASONS, reasonsOf, type Reason } from "@/lib/error-reasons";
import { STATUS, type ErrorBody, type ErrorCode } from "@/lib/errors";

const ERROR_CODES = Object.keys(STATUS) as [ErrorCode, ...ErrorCode[]];
const REASON_NAMES = Object.keys(REASONS) as [Reason, ...Reason[]];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "Safe to show to the person who made the request." }),
      reason: z
        .enum(REASON_NAMES)
        .optional()
        .meta({
          description: "A stable machine-readable word to branch on (403, 409 and 422 responses).",
          // An extension, not JSON Schema: the /docs/api renderer (Scalar) shows each beside its value.
          "x-enum-descriptions": Object.fromEntries(
            REASON_NAMES.map((reason) => [reason, `${REASONS[reason].status}: ${REASONS[reason].description}`]),
          ),
        }),
      field_errors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Invalid input, keyed by field path ("" is the whole input).' }),
      existing_customer_id: z.uuid().optional().meta({
        description: "With 409 customer_email_taken: the id of the live record that already has that email.",
      }),
      trace_id: z
        .string()
        .optional()
        .meta({ description: "Quote it when reporting a problem; it finds the log line." }),
    }),
  })
  .meta({ id: "ErrorBody", description: "The body of every error response." });

// If lib/errors.ts changes its ErrorBody, this stops compiling until the schema follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const errorBodyMatches: Same<z.infer<typeof errorBody>, ErrorBody> = true;
void errorBodyMatches;

export type ErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

type ErrorResponse = { name: string; description: string; example: ErrorBody };

/** A response description followed by the reasons of its status, one per line. */
const withReasons = (status: 400 | 403 | 409 | 422, description: string) =>
  [
    `${description} \`reason\` says why:`,
    "",
    ...reasonsOf(status).map((reason) => `- \`${reason}\`: ${REASONS[reason].description}`),
  ].join("\n");

const example = (code: ErrorCode, message: string, extra: Partial<ErrorBody["error"]> = {}): ErrorBody => ({
  error: { code, message, ...extra, trace_id: "3f0c6a0e-6a4b-4a8e-9f6e-2d1c0b9a8e7d" },
});

/** One named response component per status: operations reference them instead of repeating them. */
export const ERROR_RESPONSES: Record<ErrorStatus, ErrorResponse> = {
  400: {
    name: "BadRequest",
    description: withReasons(
      400,
      "The path, query or body is invalid (`field_errors` says which fields), or the body cannot be read as its media type.",
    ),
    example: example("bad_request", "Some body fields are invalid.", {
      field_errors: { email: ["Invalid email address"] },
    }),
  },
  401: {
    name: "Unauthorized",
    description: "No valid session: sign in first.",
    example: example("unauthorized", "Sign in to continue."),
  },
  403: {
    name: "Forbidden",
    description: withReasons(403, "Signed in, but not allowed."),
    example: example("forbidden", "Your role (staff) does not allow this.", { reason: "insufficient_role" }),
  },
  404: {
    name: "NotFound",
    description: "No such record, or one you may not see (the two are not distinguished).",
    example: example("not_found", "That customer was not found."),
  },
  408: {
    name: "RequestTimeout",
    description:
      "The body did not arrive within its deadline (10 s for JSON; longer for uploads and imports): the connection is closed.",
    example: example("request_timeout", "The request body did not arrive within 10 s."),
  },
  409: {
    name: "Conflict",
    description: withReasons(409, "The change conflicts with the current state of the record."),
    example: example("conflict", "A business needs at least one owner.", { reason: "last_owner" }),
  },
  413: {
    name: "PayloadTooLarge",
    description: "The request body is too large.",
    example: example("payload_too_large", "The file is too large."),
  },
  415: {
    name: "UnsupportedMediaType",
    description:
      "The body is not of the media type the operation reads (its request body names it): send it with that Content-Type.",
    example: example("unsupported_media_type", "Send a JSON body with Content-Type: application/json."),
  },
  422: {
    name: "Unprocessable",
    description: withReasons(422, "Well-formed, but it names something the request cannot apply to."),
    example: example("unprocessable", "That provider has not applied to this job.", { reason: "not_an_applicant" }),
  },
  429: {
    name: "RateLimited",
    description:
      "Too many requests; `Retry-After` says how many seconds to wait and `RateLimit-Limit`, `RateLimit-Remaining`, " +
      "`RateLimit-Reset` and `RateLimit-Policy` describe the limit (they are also on successful limited requests).",
    example: example("rate_limited", "Too many requests. Try again in 3 minutes."),
  },
  500: {
    name: "InternalError",
    description: "Something failed on the server. Nothing internal is revealed; `trace_id` finds the log line.",
    example: example("internal", "Something went wrong on our side. It has been logged; please try again."),
  },
  503: {
    name: "Unavailable",
    description: "The database was too slow or unreachable; retry after the `Retry-After` header's seconds.",
    example: example("unavailable", "The service is busy. Please try again in a moment."),
  },
};
