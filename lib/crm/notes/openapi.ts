/** OpenAPI registration of a CRM record's notes routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { noteDto, notePageDto } from "./dto";
import { addNoteInput, noteParams, notesQuery, updateNoteInput } from "./inputs";
import { recordParams } from "@/lib/crm/inputs";

describeTag(
  "Customer notes",
  "Internal notes a business keeps about a customer record: managers, admins and owners only (staff get 403 notes_hidden; the customer never sees them).",
);

registerRoute({
  method: "get",
  path: "/api/customers/{businessId}/{customerId}/notes",
  operationId: "listCustomerNotes",
  summary: "List a record's notes",
  description: "Pinned notes first, then newest first, in keyset pages. Staff get 403 notes_hidden.",
  tags: ["Customer notes"],
  access: "business",
  permission: "crm.notes",
  params: recordParams,
  query: notesQuery,
  responses: { 200: { description: "A page of notes.", schema: notePageDto } },
});

registerRoute({
  method: "post",
  path: "/api/customers/{businessId}/{customerId}/notes",
  operationId: "addCustomerNote",
  summary: "Add a note",
  description:
    "1-500 characters; the author is recorded and always shown. Emits v1.customer.note_added (without the text). A deleted record is 409 record_deleted.",
  tags: ["Customer notes"],
  access: "business",
  permission: "crm.notes",
  params: recordParams,
  body: addNoteInput,
  responses: { 201: { description: "The note.", schema: noteDto } },
  errors: [409],
});

registerRoute({
  method: "patch",
  path: "/api/customers/{businessId}/{customerId}/notes/{noteId}",
  operationId: "updateCustomerNote",
  summary: "Pin, unpin or edit a note",
  description: "Any of content, note_type and is_pinned; the author stays the one who wrote it.",
  tags: ["Customer notes"],
  access: "business",
  permission: "crm.notes",
  params: noteParams,
  body: updateNoteInput,
  responses: { 200: { description: "The note as it is now.", schema: noteDto } },
  errors: [409],
});
