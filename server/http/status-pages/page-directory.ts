import type { Db } from "@/db/client";
import type { StatusPage } from "@/db/schema";
import { findStatusPageBySlug } from "@/server/services/status-pages/find-status-page";

export type PageMeta = Pick<StatusPage, "id" | "workspaceId" | "slug" | "visibility">;

/**
 * Slug → page (or "no such page"), held in memory so that a public hit costs no query. Every
 * status-page change drops the slugs it names before the change returns (synchronous bus).
 */
export class PageDirectory {
  private readonly known = new Map<string, { meta: PageMeta | null; generation: number }>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 20_000,
  ) {}

  private generation(slug: string): number {
    return this.generations.get(slug) ?? 0;
  }

  forget(slug: string): void {
    this.generations.set(slug, this.generation(slug) + 1);
    this.known.delete(slug);
  }

  async lookup(slug: string): Promise<PageMeta | null> {
    const hit = this.known.get(slug);
    if (hit) return hit.meta;
    const generation = this.generation(slug);
    const page = await findStatusPageBySlug(this.db, slug);
    const meta = page
      ? { id: page.id, workspaceId: page.workspaceId, slug: page.slug, visibility: page.visibility }
      : null;
    // A change that raced the query wins: store only what is still current.
    if (this.generation(slug) === generation) {
      if (this.known.size >= this.maxEntries) this.known.clear();
      this.known.set(slug, { meta, generation });
    }
    return meta;
  }
}
