/**
 * Caret and name-label colours for co-writers. Each is dark enough that the white name on it reads
 * at 4.5:1 or better, and strong enough to see against both the light and the dark page, since the
 * label carries its own background whatever the theme.
 */
export const COLLABORATOR_COLOURS = ['#b3261e', '#1d5fa8', '#2e6b30', '#6a3fa0', '#8a4b14', '#00695c', '#ad1457', '#4e5b6e'] as const;

/** The same colour for a user on every workbench and every visit: picked by a hash of the name. */
export function collaboratorColour(user: string): string {
  let hash = 0;
  for (const char of user) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return COLLABORATOR_COLOURS[Math.abs(hash) % COLLABORATOR_COLOURS.length] ?? COLLABORATOR_COLOURS[0];
}
