/**
 * The shapes the CRM components render, structurally the API's DTOs (lib/crm/records/dto.ts,
 * directory/dto.ts, notes/dto.ts, tags/dto.ts, purchases/dto.ts): a page passes a DTO straight in.
 * Kept here as plain types so a client component needs no server module to type its props.
 */
export type CustomerType = "walk_in" | "regular" | "vip" | "wholesale";
export type FrequencyTier = "one_time" | "occasional" | "regular" | "frequent";
export type NoteType = "personal" | "preference" | "issue" | "feedback";
export type ContactField = "full_name" | "email" | "phone" | "address";

export type TagView = { id: string; label: string; color: string };

export type CustomerSummary = {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  customer_type: CustomerType;
  is_active: boolean;
  tags: TagView[];
  total_purchases: number;
  total_spent_minor: number;
  currency: string;
  last_purchase_at: string | null;
  repeat_frequency: FrequencyTier | null;
  created_at: string;
  match?: { field: "name" | "email" | "phone"; ranges: { start: number; end: number }[] };
};

export type CustomerPage = { customers: CustomerSummary[]; pagination: { next_cursor: string | null } };

export type AddressView = {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
};

export type PreferencesView = {
  prefer_sms: boolean;
  prefer_email: boolean;
  prefer_call: boolean;
  do_not_contact: boolean;
  can_receive_offers: boolean;
  can_receive_loyalty: boolean;
  best_contact_time: string | null;
  favorite_products: string[];
  preferred_payment: string | null;
  contactable: { sms: boolean; email: boolean; call: boolean; offers: boolean; loyalty: boolean };
};

export type MetricsView = {
  currency: string;
  total_purchases: number;
  total_spent_minor: number;
  total_items_bought: number;
  avg_transaction_value_minor: number;
  first_purchase_date: string | null;
  last_purchase_date: string | null;
  days_since_last_purchase: number | null;
  is_repeat_customer: boolean;
  repeat_frequency: FrequencyTier | null;
  customer_lifetime_value_minor: number;
};

export type CustomerRecordView = {
  id: string;
  business_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: AddressView | null;
  gender: "male" | "female" | "other" | null;
  customer_type: CustomerType;
  is_active: boolean;
  avatar_url: string | null;
  linked: boolean;
  overridden_fields: ContactField[];
  tags?: TagView[];
  preferences: PreferencesView;
  metrics: MetricsView;
  total_appointments: number;
  last_appointment_date: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export type NoteView = {
  note_id: string;
  note_type: NoteType;
  content: string;
  is_pinned: boolean;
  created_by: { user_id: string; name: string } | null;
  created_at: string;
};

export type BusinessTagView = { tag_id: string; label: string; color: string; customer_count: number };

export type HistoryEntryView =
  | {
      kind: "purchase";
      id: string;
      at: string;
      amount_minor: number;
      currency: string;
      items: number;
      description: string;
      source: string;
    }
  | {
      kind: "appointment";
      id: string;
      at: string;
      status: "scheduled" | "completed" | "cancelled" | "no_show";
      starts_at: string;
      ends_at: string;
      job_id: string | null;
    };

/** One change from the audit trail, as GET /api/audit sends it. */
export type AuditEntryView = {
  id: string;
  at: string;
  actor: { name: string | null; label: string | null };
  entity: { type: string; id: string };
  action: string;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  redacted: boolean;
};

/** What the viewer may do on a record, from their role (lib/authz/policy.ts decides; this only hides what would be refused). */
export type CrmAbilities = {
  write: boolean;
  notes: boolean;
  purchases: boolean;
  delete: boolean;
  audit: boolean;
};

export const CUSTOMER_TYPE_LABEL: Record<CustomerType, string> = {
  walk_in: "Walk-in",
  regular: "Regular",
  vip: "VIP",
  wholesale: "Wholesale",
};

export const TIER_LABEL: Record<FrequencyTier, string> = {
  one_time: "One-time",
  occasional: "Occasional",
  regular: "Regular",
  frequent: "Frequent",
};

export const NOTE_TYPE_LABEL: Record<NoteType, string> = {
  personal: "Personal",
  preference: "Preference",
  issue: "Issue",
  feedback: "Feedback",
};
