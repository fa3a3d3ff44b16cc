/**
 * Creating an account: the user and, in the same transaction, either their customer profile or
 * their provider business with them as its owner. Either everything is written or nothing is.
 */
import type { Database } from "@/db/client";
import { businesses, customers, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { registerResponseDto, type RegisterResponse } from "./dto";
import { newHandle } from "./handle";
import type { RegisterInput } from "./inputs";

const EMAIL_KEY = "users_email_lower_key";

export async function registerAccount(db: Database, input: RegisterInput): Promise<RegisterResponse> {
  // Hashing is deliberately slow: do it before opening the transaction, not while holding it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning({ id: users.id });
      const userId = user!.id;

      if (input.role === "customer") {
        const { firstName, lastName } = splitName(input.name);
        const [customer] = await tx
          .insert(customers)
          .values({ userId, firstName, lastName, handle: newHandle() })
          .returning({ id: customers.id });
        return registerResponseDto.parse({ user_id: userId, customer_id: customer!.id });
      }

      const [business] = await tx
        .insert(businesses)
        .values({ name: input.businessName!, isMarketplaceProvider: true })
        .returning({ id: businesses.id });
      await tx.insert(memberships).values({ businessId: business!.id, userId, role: "owner" });
      return registerResponseDto.parse({ user_id: userId, business_id: business!.id });
    });
  } catch (error) {
    // Only the email index means "taken"; any other unique violation is a bug, not the user's doing.
    if (isUniqueViolation(error, EMAIL_KEY)) {
      throw conflict("An account with this email already exists. Sign in instead.", "email_taken");
    }
    throw error;
  }
}

/** "Ada King Lovelace" -> first "Ada", last "King Lovelace"; a single word has an empty last name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  return { firstName: parts[0] ?? "", lastName: parts.slice(1).join(" ") };
}
