import { apiRoute } from "@/lib/api/handler";
import { getMe } from "@/lib/accounts/service";

export const GET = apiRoute(async ({ actor }) => ({ user: await getMe(actor) }));
