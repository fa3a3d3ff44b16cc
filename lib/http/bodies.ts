/**
 * The request bodies route() reads, one kind each, with its media type and its own size limit; a
 * route names one as its `body`. Each reads through readBytes (body.ts), which refuses with 413
 * past the limit without holding more than the limit in memory. A body of the wrong Content-Type
 * is a 415 before a byte of it is read.
 *
 * - a zod schema, or json(schema, { maxBytes }): application/json, parsed, then validated (400 with
 *   field errors). 64 KiB unless the route says otherwise.
 * - multipart(schema, { maxBytes }): multipart/form-data (uploads), as the fields of its FormData
 *   (strings and File objects; a field sent more than once as an array), validated with the schema.
 * - csv({ maxBytes }): text/csv, as its UTF-8 text (a byte-order mark kept; csv-parse's `bom`
 *   option drops it).
 * - signed(signer, verify, { maxBytes }): a signed webhook. `verify` gets the body exactly as
 *   received, as text, and the headers, and returns what the handler gets (the verified event) or
 *   throws; a refusal is a 400 `bad_signature` (an AppError it throws passes as it is). The
 *   signature is the caller's credentials: route() reads no session and runs the handler as
 *   `systemActor(signer)`.
 *
 * Each kind also has a deadline for the whole body to arrive (DEFAULT_DEADLINES, or the route's
 * `deadlineMs`): a body trickled in slower is a 408, a body the client cut off a 400 `body_aborted`.
 *
 * Server actions are capped at 256 KiB (next.config.ts), so uploads and imports come through
 * routes with one of these.
 */
import type { z } from "zod";
import { AppError, badRequest, unsupportedMediaType, validationError } from "@/lib/errors";
import { readBody, readBytes, type ReadOptions } from "./body";

const KIB = 1024;
const MIB = 1024 * KIB;

export const DEFAULT_LIMITS = {
  json: 64 * KIB,
  multipart: 5 * MIB,
  csv: 10 * MIB,
  // Stripe's events are a few KiB; an invoice with many lines is the large case.
  signed: 512 * KIB,
} as const;

const SECOND = 1000;

/**
 * How long each kind's whole body may take to arrive (./body.ts: 408 past it). Small bodies get
 * 10 s; uploads and imports enough for their limit on a slow (1 Mbit/s) line.
 */
export const DEFAULT_DEADLINES = {
  json: 10 * SECOND,
  multipart: 60 * SECOND,
  csv: 120 * SECOND,
  signed: 10 * SECOND,
} as const satisfies Record<keyof typeof DEFAULT_LIMITS, number>;

const BODY = Symbol("clientele.body");

/** A body kind: what the handler's `body` is (T), and whether it is a signature (a caller's credentials). */
export type BodyReader<T> = {
  readonly [BODY]: true;
  readonly kind: keyof typeof DEFAULT_LIMITS;
  readonly maxBytes: number;
  /** For signed bodies: the system actor the handler runs as. */
  readonly signer?: string;
  /** For json and multipart bodies: the schema the fields are validated with, and the media type (OpenAPI reads both). */
  readonly schema?: z.ZodType;
  readonly mediaType?: string;
  read(req: Request): Promise<T>;
};

/** A route's own size limit and body deadline for its kind. */
type Limit = { maxBytes?: number; deadlineMs?: number };

export function isBodyReader(value: unknown): value is BodyReader<unknown> {
  return typeof value === "object" && value !== null && BODY in value;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
/** The Content-Type's media type, lower-cased, without parameters. */
export function mediaType(req: Request): string | null {
  return req.headers.get("content-type")?.split(";")[0]!.trim().toLowerCase() || null;
}

function requireMediaType(req: Request, expected: string, message: string) {
  if (mediaType(req) !== expected) throw unsupportedMediaType(message);
}

async function validate<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw validationError(result.error, "body");
  return result.data;
}

export function json<S extends z.ZodType>(
  schema: S,
  { maxBytes = DEFAULT_LIMITS.json, deadlineMs = DEFAULT_DEADLINES.json }: Limit = {},
) {
  const reader: BodyReader<z.output<S>> = {
    [BODY]: true,
    kind: "json",
    maxBytes,
    schema,
    mediaType: "application/json",
    async read(req) {
      requireMediaType(req, "application/json", "Send a JSON body with Content-Type: application/json.");
      const text = await readBody(req, maxBytes, { deadlineMs });
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw badRequest("The request body is not valid JSON.");
      }
      return validate(schema, parsed);
    },
  };
  return reader;
}

export function multipart<S extends z.ZodType>(
  schema: S,
  { maxBytes = DEFAULT_LIMITS.multipart, deadlineMs = DEFAULT_DEADLINES.multipart }: Limit = {},
) {
  const reader: BodyReader<z.output<S>> = {
    [BODY]: true,
    kind: "multipart",
    maxBytes,
    schema,
    mediaType: "multipart/form-data",
    async read(req) {
      requireMediaType(req, "multipart/form-data", "Send the form as multipart/form-data.");
      const bytes = await readBytes(req, maxBytes, { deadlineMs });
      let form: FormData;
      try {
        // The bytes are already bounded; undici's parser (behind Response) splits the parts.
        form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
          headers: { "content-type": req.headers.get("content-type")! },
        }).formData();
      } catch {
        throw badRequest("The multipart body is malformed.");
      }
      return validate(schema, formFields(form));
    },
  };
  return reader;
}

/** A form's fields as an object for zod: each name once, or as an array when it was sent more than once. */
function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    fields[name] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

export function csv({ maxBytes = DEFAULT_LIMITS.csv, deadlineMs = DEFAULT_DEADLINES.csv }: Limit = {}) {
  const reader: BodyReader<string> = {
    [BODY]: true,
    kind: "csv",
    maxBytes,
    async read(req) {
      requireMediaType(req, "text/csv", "Send the file as text/csv.");
      return readBody(req, maxBytes, { strict: true, deadlineMs });
    },
  };
  return reader;
}

/** What `verify` is given: the body as received, and the request's headers (the signature is one). */
export type Verify<T> = (payload: string, headers: Headers) => T | Promise<T>;

export function signed<T>(
  signer: string,
  verify: Verify<T>,
  { maxBytes = DEFAULT_LIMITS.signed, deadlineMs = DEFAULT_DEADLINES.signed }: Limit = {},
) {
  const reader: BodyReader<T> = {
    [BODY]: true,
    kind: "signed",
    maxBytes,
    signer,
    async read(req) {
      const payload = await readBody(req, maxBytes, { deadlineMs } satisfies ReadOptions);
      try {
        return await verify(payload, req.headers);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError("bad_request", "The request's signature does not verify.", { reason: "bad_signature" });
      }
    },
  };
  return reader;
}
