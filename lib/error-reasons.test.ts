/** The reasons errors carry come from one table, and a reason outside it, or of another status, does not compile. */
import { describe, expect, it } from "vitest";
import { conflict, forbidden, unprocessable } from "@/lib/errors";
import { REASONS, reasonsOf } from "./error-reasons";

describe("error reasons", () => {
  it("are stable snake_case words, each of one status", () => {
    const names = Object.keys(REASONS);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const byStatus = ([400, 403, 409, 422] as const).flatMap((status) => reasonsOf(status));
    expect(byStatus.sort()).toEqual([...names].sort());
  });

  it("are carried by the error of their status", () => {
    expect(forbidden("not_a_member", "No.")).toMatchObject({ status: 403, details: { reason: "not_a_member" } });
    expect(conflict("No.", "last_owner")).toMatchObject({ status: 409, details: { reason: "last_owner" } });
    expect(unprocessable("No.", "not_an_applicant")).toMatchObject({
      status: 422,
      details: { reason: "not_an_applicant" },
    });
  });

  // Checked by `npm run typecheck`: each line stops compiling the day the factories accept any string.
  it("cannot be misspelt or given to an error of another status", () => {
    // @ts-expect-error not in the table
    expect(forbidden("not_a_membr", "No.").status).toBe(403);
    // @ts-expect-error a 409 reason on a 403
    expect(forbidden("last_owner", "No.").status).toBe(403);
    // @ts-expect-error a 403 reason on a 409
    expect(conflict("No.", "not_a_member").status).toBe(409);
    // @ts-expect-error a 409 reason on a 422
    expect(unprocessable("No.", "job_closed").status).toBe(422);
  });
});
