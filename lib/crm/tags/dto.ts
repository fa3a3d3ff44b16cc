/** What the tag routes send back: a record's tags, the business's tag list, a bulk tagging's outcome per record. */
import { z } from "zod";
import { at } from "@/lib/dto";

/** A colour of the palette (TAG_COLORS in ./inputs.ts) for tags this API made; read as stored. */
const tagColor = z
  .string()
  .meta({ description: "A colour name of the palette: slate, red, amber, green, teal, blue, indigo, violet, pink." });

export const tagDto = z.strictObject({ tag_id: z.uuid(), label: z.string(), color: tagColor }).meta({ id: "CrmTag" });
export type TagDto = z.infer<typeof tagDto>;

export const recordTagsDto = z
  .strictObject({
    customer_id: z.uuid(),
    tags: z.array(tagDto).meta({ description: "The record's tags, by label." }),
  })
  .meta({ id: "CrmRecordTags" });
export type RecordTagsDto = z.infer<typeof recordTagsDto>;

export const tagAddedDto = recordTagsDto
  .extend({ tag: tagDto.meta({ description: "The tag just added (reused from the tag list or created)." }) })
  .meta({ id: "CrmTagAdded" });
export type TagAddedDto = z.infer<typeof tagAddedDto>;

export const businessTagDto = z
  .strictObject({
    tag_id: z.uuid(),
    label: z.string(),
    color: tagColor,
    customer_count: z.int().nonnegative().meta({ description: "Live (not deleted) records carrying the tag." }),
    created_at: at,
  })
  .meta({ id: "CrmBusinessTag" });

export const tagListDto = z
  .strictObject({ business_id: z.uuid(), tags: z.array(businessTagDto).meta({ description: "By label." }) })
  .meta({ id: "CrmTagList" });
export type TagListDto = z.infer<typeof tagListDto>;

export const BULK_OUTCOMES = ["tagged", "already_tagged", "too_many_tags", "record_deleted", "not_found"] as const;

export const bulkTagResultDto = z
  .strictObject({
    tag: tagDto.nullable().meta({
      description: "The tag; null when the business had no such tag and no record could take it (none is made).",
    }),
    tagged: z.int().nonnegative().meta({ description: "How many records were tagged by this request." }),
    results: z
      .array(
        z.strictObject({
          customer_id: z.uuid(),
          outcome: z.enum(BULK_OUTCOMES).meta({
            description:
              "tagged; already_tagged (it carried the tag, nothing changed); too_many_tags (it has 50); record_deleted; not_found (no such record in this business).",
          }),
        }),
      )
      .meta({ description: "One per distinct id asked for, in the order given." }),
  })
  .meta({ id: "CrmBulkTagResult" });
export type BulkTagResultDto = z.infer<typeof bulkTagResultDto>;
