/**
 * A field that passes stored JSON through as it is (an audit entry's old and new values, an event's
 * payload). It parses like z.unknown(), but its OpenAPI schema names every JSON type: z.unknown()
 * documents a schema with no type, which OpenAPI 3.1 allows but Scalar's model behind /docs/api
 * refuses, so the page warned (see validation.test.ts). A field's own .meta() or .describe() keeps
 * the type list: zod carries metadata over to the copy it makes.
 */
import { z } from "zod";

export const jsonValue = z.unknown().meta({ type: ["null", "boolean", "string", "number", "object", "array"] });
