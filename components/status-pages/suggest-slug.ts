import { SLUG_MAX } from "@/server/domain/status-pages/slug";

/** A slug made from a title as the person types it: "Acme Café, Inc." → "acme-cafe-inc". */
export function suggestSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}
