/** GET: the signed-in customer's records at every business, with their orders, spend and appointments. */
import { route } from "@/lib/http/route";
import { myBusinesses } from "@/lib/crm/purchases/me";

export const GET = route({}, ({ db, actor }) => myBusinesses(db, actor));
