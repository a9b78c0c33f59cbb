/** Only same-site paths are followed after sign-in; anything else goes to the dashboard. */
export function safeCallbackUrl(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/dashboard";
  return value;
}
