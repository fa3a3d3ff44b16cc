/**
 * A job's booking names the booked provider to the customer and to that provider only: a provider
 * that applied and was turned down learns that the job is taken, never by whom (its id appears
 * nowhere in what it is sent).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase, type TestDatabase } from "@/test/db";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { jobDto } from "./dto";
import { postJob } from "./mutations";
import { getJob } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

describe("the booked provider's id", () => {
  it("is shown to the customer and the booked provider, and to no rejected applicant", () =>
    t.rollback(async (db) => {
      const customer = await newCustomer(db);
      const winner = await newProvider(db);
      const loser = await newProvider(db);
      const { job_id: jobId } = await postJob(db, customer.actor, {
        title: "Tile the bathroom",
        category: "Handyman",
        description: "About six square metres.",
      });
      const won = await applyToJob(db, winner.actor, jobId, { message: "Free on Monday." });
      await applyToJob(db, loser.actor, jobId, { message: "Free on Tuesday." });
      await acceptApplication(db, customer.actor, jobId, won.application_id);

      const forCustomer = await getJob(db, customer.actor, jobId);
      expect(forCustomer.booking?.provider_business_id).toBe(winner.businessId);
      for (const booked of [winner.actor, winner.staff]) {
        expect((await getJob(db, booked, jobId)).booking?.provider_business_id).toBe(winner.businessId);
      }
      for (const rejected of [loser.actor, loser.staff]) {
        const job = jobDto.parse(await getJob(db, rejected, jobId));
        expect(job.status).toBe("booked");
        expect(job.booking).toMatchObject({ provider_business_id: null });
        expect(job.applications.map((a) => a.status)).toEqual(["rejected"]);
        expect(JSON.stringify(job)).not.toContain(winner.businessId);
      }
    }));
});
