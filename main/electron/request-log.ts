/** Scheme, host and path of a blocked request, for the log (queries may hold data). */
export function blockedRequestLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unparseable address';
  }
}
