import type { DbHandle } from "@/server/services/context";
import { findPageMeta, type PageMeta } from "@/server/services/status-pages/find-status-page";

type Entry = { meta: PageMeta | null; storedAt: number };

export type PageDirectoryOptions = {
  maxEntries?: number;
  /** How long an entry answers before it is checked against the database again. */
  maxAgeMs?: number;
  /** Called when a re-check finds the slug changed (another page, other visibility, gone). */
  onChanged?: (slug: string) => void;
  now?: () => number;
};

const same = (a: PageMeta | null, b: PageMeta | null) =>
  a === b || (a !== null && b !== null && a.id === b.id && a.visibility === b.visibility);

/**
 * Slug → page (or "no such page"), held in memory so that a public hit costs no query. Every
 * status-page change drops the slugs it names on every node before the change returns; entries are
 * re-checked after a few seconds anyway, so a node that missed a change cannot keep a private page
 * public for longer than that.
 */
export class PageDirectory {
  private readonly known = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<PageMeta | null>>();
  private epoch = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: DbHandle,
    private readonly options: PageDirectoryOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 20_000;
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  private generation(slug: string): number {
    return this.generations.get(slug) ?? 0;
  }

  forget(slug: string): void {
    this.generations.set(slug, this.generation(slug) + 1);
    this.known.delete(slug);
    this.inflight.delete(slug);
  }

  /** Forgets every slug, lookups still running included. */
  clear(): void {
    this.epoch++;
    this.known.clear();
    this.inflight.clear();
  }

  lookup(slug: string): Promise<PageMeta | null> {
    const hit = this.known.get(slug);
    if (hit && this.now() - hit.storedAt < this.maxAgeMs) return Promise.resolve(hit.meta);
    const running = this.inflight.get(slug);
    if (running) return running;
    const query = this.query(slug, hit);
    this.inflight.set(slug, query);
    return query;
  }

  private async query(slug: string, previous: Entry | undefined): Promise<PageMeta | null> {
    const generation = this.generation(slug);
    const epoch = this.epoch;
    const storedAt = this.now();
    try {
      const meta = await findPageMeta({ ctx: { db: this.db }, input: { slug } });
      // A change that raced the query wins: store only what is still current.
      if (this.generation(slug) === generation && this.epoch === epoch) {
        if (previous && !same(previous.meta, meta)) this.options.onChanged?.(slug);
        if (this.known.size >= this.maxEntries) this.known.clear();
        this.known.set(slug, { meta, storedAt });
      }
      return meta;
    } finally {
      if (this.generation(slug) === generation && this.epoch === epoch) this.inflight.delete(slug);
    }
  }
}
