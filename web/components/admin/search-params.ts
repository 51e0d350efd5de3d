/** The first value of a search parameter, trimmed; undefined when absent or empty. */
export function param(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}
