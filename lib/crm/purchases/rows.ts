/** A purchase row as the purchases statements return it (raw SQL or drizzle), to its DTO. */
import { decimalOf } from "@/lib/crm/metrics";
import { iso } from "@/lib/dto";
import { purchaseDto, type PurchaseDto } from "./dto";

export type PurchaseRow = {
  id: string;
  business_id: string;
  crm_customer_id: string;
  /** bigint: a string from raw SQL on node-postgres. */
  amount_minor: string | number;
  currency: string;
  items: number;
  description: string;
  source: string;
  external_ref: string | null;
  purchased_at: Date | string;
  created_at: Date | string;
};

export function toPurchaseDto(row: PurchaseRow): PurchaseDto {
  const amount = Number(row.amount_minor);
  return purchaseDto.parse({
    purchase_id: row.id,
    customer_id: row.crm_customer_id,
    business_id: row.business_id,
    amount_minor: amount,
    amount: decimalOf(amount, row.currency),
    currency: row.currency,
    items: Number(row.items),
    description: row.description,
    source: row.source,
    external_ref: row.external_ref,
    purchased_at: iso(row.purchased_at),
    recorded_at: iso(row.created_at),
  });
}
