/** A search for titles as they are typed: every word as a prefix. */
export function titlePrefixes(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${word}*`)
    .join(' ');
}

/** The tag paths typed into one field, separated by commas (a tag whose name holds a comma is added on the source page). */
export function tagPathsOf(text: string): string[] {
  return text
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
}
