import { sql } from "drizzle-orm";
import { pings } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

export const PINGS_KEPT = 1000;

/** Keeps the newest 1,000 pings of every heartbeat (run by the hourly upkeep). */
export async function prunePings(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    delete from ${pings} p using (
      select id from (
        select id, row_number() over (partition by heartbeat_id order by pinged_at desc, id desc) as n from ${pings}
      ) ranked where n > ${PINGS_KEPT}
    ) old
    where p.id = old.id`);
}
