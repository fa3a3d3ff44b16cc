/** What the tag routes accept: a label to add (with an optional colour), a tag to remove, a bulk tagging. */
import { z } from "zod";
import { id } from "@/lib/inputs";
import { crmText } from "../chars";
import { recordParams } from "@/lib/crm/inputs";

export const TAG_MAX_CHARS = 50;
export const TAGS_PER_RECORD = 50;
export const BULK_TAG_MAX = 100;

/** The fixed palette a business's tags take their colours from (the UI maps each to its chip style). */
export const TAG_COLORS = ["slate", "red", "amber", "green", "teal", "blue", "indigo", "violet", "pink"] as const;
export type TagColor = (typeof TAG_COLORS)[number];
export const tagColor = z.enum(TAG_COLORS, `Choose a colour: ${TAG_COLORS.join(", ")}.`);

export const tagLabel = crmText(TAG_MAX_CHARS, "Name the tag.").meta({
  description:
    "1-50 characters, trimmed. Matched case-insensitively against the business's tag list: an existing tag is reused as it is spelt there.",
});

const color = tagColor.optional().meta({
  description:
    "For a tag the business does not have yet; without it the new tag takes a colour from the palette. An existing tag keeps its colour.",
});

export const recordTagParams = recordParams.extend({ tagId: id() });

export const addTagInput = z.object({ label: tagLabel, color });
export type AddTagInput = z.output<typeof addTagInput>;

export const bulkTagInput = z.object({
  label: tagLabel,
  color,
  customer_ids: z
    .array(id())
    .min(1, "Choose at least one customer.")
    .max(BULK_TAG_MAX, `At most ${BULK_TAG_MAX} customers at once.`),
});
export type BulkTagInput = z.output<typeof bulkTagInput>;
