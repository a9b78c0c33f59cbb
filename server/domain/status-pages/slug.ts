/** Words that name Vigil's own routes or would mislead a visitor; never a page's slug. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "api",
  "admin",
  "administrator",
  "app",
  "assets",
  "auth",
  "dashboard",
  "docs",
  "help",
  "login",
  "logout",
  "new",
  "ping",
  "preview",
  "public",
  "root",
  "settings",
  "sign-in",
  "sign-up",
  "signin",
  "signup",
  "static",
  "status",
  "support",
  "system",
  "vigil",
  "www",
]);

export const SLUG_MIN = 3;
export const SLUG_MAX = 48;

/** Why a slug cannot be used, in words for a form; null when it can. */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN) return `must be at least ${SLUG_MIN} characters`;
  if (slug.length > SLUG_MAX) return `must be at most ${SLUG_MAX} characters`;
  if (!/^[a-z0-9-]+$/.test(slug))
    return "may contain only lowercase letters a–z, digits and dashes";
  if (slug.startsWith("-") || slug.endsWith("-")) return "must not start or end with a dash";
  if (slug.includes("--")) return "must not contain two dashes in a row";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved; choose another`;
  return null;
}

/** Whether a URL path segment could be a slug at all (cheap pre-check before any lookup). */
export const looksLikeSlug = (s: string) =>
  s.length >= SLUG_MIN && s.length <= SLUG_MAX && /^[a-z0-9-]+$/.test(s);
