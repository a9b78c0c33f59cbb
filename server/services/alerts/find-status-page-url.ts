import type { DbOrTx } from "@/db/client";
import type { SubjectKind } from "@/db/schema/flips";

/** The public status page that shows this subject, if any (its URL goes into the alert). */
export async function findStatusPageUrl(
  _db: DbOrTx,
  _subject: { kind: SubjectKind; id: string; workspaceId: string },
  _baseUrl: string,
): Promise<string | null> {
  return null;
}
