const AFTER_SIGN_IN = "/dashboard";

// Browsers drop tabs and newlines from URLs and read a backslash as "/": both can lead off-site.
const hasUnsafeChar = (value: string) =>
  [...value].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

function decodeFully(value: string): string | null {
  let current = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const isLocalPath = (value: string) =>
  value.startsWith("/") && !value.startsWith("//") && !hasUnsafeChar(value);

/** Only a path on this origin is followed after sign-in, in any encoding; anything else is the dashboard. */
export function safeCallbackUrl(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !isLocalPath(value)) return AFTER_SIGN_IN;
  const decoded = decodeFully(value);
  return decoded !== null && isLocalPath(decoded) ? value : AFTER_SIGN_IN;
}

/** next-auth's redirect: a safe path on the base URL's origin, whether given as a path or a URL. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let path = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return origin + AFTER_SIGN_IN;
    }
    path =
      parsed.origin === origin && url.startsWith(`${origin}/`)
        ? url.slice(origin.length)
        : AFTER_SIGN_IN;
  }
  return origin + safeCallbackUrl(path);
}
