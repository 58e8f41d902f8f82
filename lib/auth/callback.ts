/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeCallback(raw: string | string[] | undefined, fallback = "/workspaces"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}
