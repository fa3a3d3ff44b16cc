/** The path parameters every CRM route shares: the business, and one of its records. */
import { z } from "zod";
import { id } from "@/lib/inputs";

export const businessParams = z.object({ businessId: id() });
export const recordParams = businessParams.extend({ customerId: id() });
export type RecordParams = z.infer<typeof recordParams>;
