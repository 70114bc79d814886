export interface SpellcheckPolicy {
  enabled: boolean;
  /** Where Hunspell dictionaries are fetched from, or null to leave it untouched (macOS). */
  dictionaryUrl: string | null;
}

/**
 * Electron downloads Hunspell dictionaries from Google's CDN on Linux and Windows unless told
 * otherwise. Warrant never touches the network: macOS uses the OS checker; elsewhere the
 * checker is on only when dictionaries ship with the app, served from the app's own scheme.
 */
export function spellcheckPolicy(platform: string, hasBundledDictionaries: boolean, appBaseUrl: string): SpellcheckPolicy {
  if (platform === 'darwin') return { enabled: true, dictionaryUrl: null };
  return { enabled: hasBundledDictionaries, dictionaryUrl: `${appBaseUrl}dictionaries/` };
}
