/** The document lists every error reason and permission from its one table, and nothing else. */
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/authz/policy";
import { REASONS, reasonsOf, type Reason } from "@/lib/error-reasons";
import { openApiDocument } from "./document";
import { ERROR_RESPONSES, errorBody } from "./error-responses";
import { registeredRoutes, rolesWith } from "./registry";

const doc = openApiDocument();
const reasonNames = Object.keys(REASONS) as Reason[];

type ReasonSchema = { enum: string[]; "x-enum-descriptions": Record<string, string> };

describe("error reasons in the document", () => {
  it("ErrorBody.reason is an enum of exactly the table's reasons, each with its status and meaning", () => {
    const schema = doc.components!.schemas!.ErrorBody as {
      properties: { error: { properties: { reason: ReasonSchema } } };
    };
    const reason = schema.properties.error.properties.reason;
    expect(reason.enum).toEqual(reasonNames);
    expect(reason["x-enum-descriptions"]).toEqual(
      Object.fromEntries(reasonNames.map((r) => [r, `${REASONS[r].status}: ${REASONS[r].description}`])),
    );
  });

  it.each([403, 409, 422] as const)("the %s response lists exactly the reasons of its status", (status) => {
    const response = doc.components!.responses![ERROR_RESPONSES[status].name] as { description: string };
    const listed = [...response.description.matchAll(/^- `([a-z_]+)`: (.*)$/gm)].map(([, reason, meaning]) => [
      reason,
      meaning,
    ]);
    expect(listed).toEqual(reasonsOf(status).map((reason) => [reason, REASONS[reason].description]));
    expect(reasonsOf(status)).toContain(ERROR_RESPONSES[status].example.error.reason);
  });

  it("the error body refuses a reason outside the table", () => {
    const body = (reason: string) => ({ error: { code: "forbidden", message: "No.", reason } });
    expect(errorBody.safeParse(body("not_a_member")).success).toBe(true);
    expect(errorBody.safeParse(body("not_a_membr")).success).toBe(false);
  });
});

describe("permissions in the document", () => {
  const permissions = Object.keys(PERMISSIONS) as Permission[];

  it("the description has one row per permission, with what it allows and the roles that hold it", () => {
    const rows = [...doc.info.description!.matchAll(/^\| `([a-z.]+)` \| (.*) \| (.*) \|$/gm)].map((m) => m.slice(1));
    expect(rows).toEqual(permissions.map((p) => [p, PERMISSIONS[p], rolesWith(p).join(", ")]));
    expect(rolesWith("staff.manage")).toEqual(["owner", "admin"]);
  });

  it("an operation that needs a permission says which, what it allows and who holds it", () => {
    const needing = registeredRoutes().filter((route) => route.permission);
    expect(needing.length).toBeGreaterThan(0);
    for (const route of needing) {
      const operation = doc.paths![route.path]![route.method]!;
      const permission = route.permission!;
      expect(operation.description, `${route.method} ${route.path}`).toContain(
        `Needs the \`${permission}\` permission (roles: ${rolesWith(permission).join(", ")}): ${PERMISSIONS[permission]}`,
      );
    }
  });
});
