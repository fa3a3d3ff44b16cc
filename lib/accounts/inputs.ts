/**
 * What a new account must tell us. Forms and the JSON API share this schema, so a field error in
 * the form and a 400 from POST /api/register always say the same thing.
 */
import { z } from "zod";
import { id, optionalText, text } from "@/lib/inputs";

/** The longest name (and business name) we keep; every limit says so in words, not in the validator's. */
const NAME_MAX = 120;

/** A password's length limits: the forms' minLength/maxLength and hints show the same numbers. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const passwordInput = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const emailInput = z
  .string()
  .trim()
  .max(320, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const registerInput = z
  .object({
    email: emailInput,
    password: passwordInput,
    name: text(NAME_MAX, "Enter your name.", `Use at most ${NAME_MAX} characters.`),
    role: z.enum(["customer", "provider"], "Choose customer or provider."),
    businessName: optionalText(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
  })
  .superRefine((input, ctx) => {
    // Providers are businesses, so they need a business name; customers must not send one.
    if (input.role === "provider" && !input.businessName) {
      ctx.addIssue({ code: "custom", path: ["businessName"], message: "Enter your business name." });
    }
    if (input.role === "customer" && input.businessName) {
      ctx.addIssue({ code: "custom", path: ["businessName"], message: "Only providers have a business name." });
    }
  });

export type RegisterInput = z.output<typeof registerInput>;

export const switchBusinessInput = z.object({ businessId: id("Choose a business.") });
