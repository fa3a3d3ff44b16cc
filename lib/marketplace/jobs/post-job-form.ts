/**
 * The post-a-job form's fields, as postJobAction parses them, turned into the API's PostJobInput.
 * Each field keeps the name of its input, so every error lands next to the input that caused it:
 * the budget is typed as an amount ("120.50") and becomes budget_minor here, and the date arrives
 * as the ISO time with offset the browser made from its datetime-local input. The rules of the
 * API (lengths, a positive budget, a time in the future) are postJobInput's own, reused.
 */
import { z } from "zod";
import { JOB_CATEGORIES } from "./categories";
import { JOB_CURRENCIES } from "./currencies";
import { postJobInput, type PostJobInput } from "./inputs";

const api = postJobInput.shape;

/** A text input's value; a field the form did not send reads as empty. */
const formText = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

/** The largest budget the API takes, in minor units (postJobInput's own maximum). */
const MAX_BUDGET_MINOR = 100_000_000;
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * "120", "120.5", "120.50" or "1,200.50" as integer minor units (12050); "" is no budget. A comma
 * is only a thousands separator: "120,50" is refused rather than read as 12,050.
 */
const budget = formText
  .transform((text, ctx): number | null | undefined => {
    if (text === "") return null;
    const match = AMOUNT.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Enter an amount like 120 or 120.50." });
      return z.NEVER;
    }
    const minor = Number(match[1]!.replaceAll(",", "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
    if (minor === 0) {
      ctx.addIssue({
        code: "custom",
        message: "A budget must be more than zero. Leave it empty if you would rather hear offers.",
      });
      return z.NEVER;
    }
    if (minor > MAX_BUDGET_MINOR) {
      ctx.addIssue({ code: "custom", message: "At most 1,000,000." });
      return z.NEVER;
    }
    return minor;
  })
  .pipe(api.budget_minor);

export const postJobForm = z
  .object({
    title: formText.pipe(api.title),
    category: z.enum(JOB_CATEGORIES, "Choose a category."),
    description: formText.pipe(api.description),
    budget,
    currency: z.enum(JOB_CURRENCIES, "Choose USD, EUR or GBP.").default("USD"),
    scheduled_for: formText.transform((iso): string | null | undefined => iso || null).pipe(api.scheduled_for),
  })
  .transform(({ budget, ...job }): PostJobInput => ({
    ...job,
    budget_minor: budget ?? null,
    scheduled_for: job.scheduled_for ?? null,
  }));
export type PostJobForm = z.input<typeof postJobForm>;
