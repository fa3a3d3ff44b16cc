/**
 * The one DTO rule, checked over every concept's dto.ts: each object a response can carry is
 * strict (an unnamed field fails the parse instead of reaching a client) and names its fields in
 * snake_case. A new concept's dto.ts is picked up by the glob, so it cannot opt out.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";

const modules = import.meta.glob<Record<string, unknown>>(["./**/dto.ts"], { eager: true });
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

type Finding = { path: string; problem: string };

/** Walks a schema, reporting every object that is not strict and every key that is not snake_case. */
function findings(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): Finding[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as z.ZodType & { def: Record<string, unknown> }).def;
  const child = (s: unknown, at: string) => findings(s as z.ZodType, at, seen);
  switch (def.type) {
    case "object": {
      const out: Finding[] = [];
      const catchall = def.catchall as z.ZodType | undefined;
      if (catchall?.def.type !== "never") out.push({ path, problem: "not strict (use z.strictObject)" });
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (!SNAKE_CASE.test(key)) out.push({ path: `${path}.${key}`, problem: "not snake_case" });
        out.push(...child(value, `${path}.${key}`));
      }
      return out;
    }
    case "array":
      return child(def.element, `${path}[]`);
    case "union":
      return (def.options as z.ZodType[]).flatMap((option, i) => child(option, `${path}|${i}`));
    case "record":
      return child(def.valueType, `${path}{}`);
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return child(def.innerType, path);
    case "pipe":
      return child(def.out, path);
    default:
      return [];
  }
}

const dtos = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([name, value]) => name.endsWith("Dto") && value instanceof z.ZodType)
    .map(([name, value]) => [`${file.replace(/^\.\//, "lib/")} ${name}`, value as z.ZodType] as const),
);

describe("the DTO rule", () => {
  it("finds the DTOs of every concept", () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
    expect(dtos.length).toBeGreaterThan(40);
  });

  it.each(dtos)("%s is strict and snake_case all the way down", (name, schema) => {
    expect(findings(schema, name)).toEqual([]);
  });

  it("reports a lenient object and a camelCase field, so it can fail", () => {
    const lenient = z.object({ customerId: z.string() });
    expect(findings(lenient, "x").map((f) => f.problem)).toEqual(["not strict (use z.strictObject)", "not snake_case"]);
  });
});
