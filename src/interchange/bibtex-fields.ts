/**
 * BibTeX fields before citation-js decodes them: only the fields Warrant maps are decoded at all
 * (so an odd command in a field Warrant ignores never costs an entry), and LaTeX that real
 * libraries use but citation-js does not know is decoded here first.
 */

/** Fields whose values reach a source (directly or through citation-js's mapping to CSL). */
const MAPPED_FIELDS = new Set([
  'title',
  'subtitle',
  'titleaddon',
  'shorttitle',
  'journal',
  'journaltitle',
  'journalsubtitle',
  'booktitle',
  'booksubtitle',
  'maintitle',
  'author',
  'editor',
  'publisher',
  'organization',
  'institution',
  'school',
  'date',
  'year',
  'month',
  'day',
  'urldate',
  'url',
  'doi',
  'isbn',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'language',
  'langid',
  'note',
  'annote',
  'annotation',
  'abstract',
  'keywords',
  'type',
  'entrysubtype',
  'howpublished',
  'crossref',
]);

export function isMappedField(name: string): boolean {
  return MAPPED_FIELDS.has(name.toLowerCase()) || name.toLowerCase().startsWith('warrant-');
}

/**
 * LaTeX that citation-js 0.8 leaves as it is (`H\aakan`) or fails on (`{\d}`, `\enquote*`).
 * `{\d}` without an argument is how Icelandic names write ð in the wild (Ragnhei{\d}ur).
 */
const REPLACEMENTS: readonly [string, RegExp, string][] = [
  ['\\aa', /\{\\aa\}|\\aa\{\}|\\aa(?![A-Za-z])\s?/g, 'å'],
  ['\\AA', /\{\\AA\}|\\AA\{\}|\\AA(?![A-Za-z])\s?/g, 'Å'],
  ['\\i', /\{\\'\\i\}|\\'\{\\i\}|\{\\'\{\\i\}\}|\\'\\i(?![A-Za-z])\s?/g, 'í'],
  ['\\i', /\{\\`\\i\}|\\`\{\\i\}|\\`\\i(?![A-Za-z])\s?/g, 'ì'],
  ['\\i', /\{\\"\\i\}|\\"\{\\i\}|\\"\\i(?![A-Za-z])\s?/g, 'ï'],
  ['\\i', /\{\\\^\\i\}|\\\^\{\\i\}|\\\^\\i(?![A-Za-z])\s?/g, 'î'],
  ['{\\d}', /\{\\d\}/g, 'ð'],
  ['\\,', /(?<!\\)\\,/g, '\u2009'],
  ['\\hyphen', /\\hyphen(?![A-Za-z])\s?/g, '-'],
  // A discretionary hyphen only says where a word may break.
  ['\\-', /(?<!\\)\\-/g, ''],
  ['\\enquote', /\\enquote\*\{([^{}]*)\}/g, '‘$1’'],
  ['\\enquote', /\\enquote\{([^{}]*)\}/g, '“$1”'],
];

export function decodeUnknownLatex(value: string): string {
  if (!value.includes('\\')) return value;
  let decoded = value;
  // Each pattern needs its command's text, so most values skip the regular expressions.
  for (const [needle, pattern, replacement] of REPLACEMENTS) if (decoded.includes(needle)) decoded = decoded.replace(pattern, replacement);
  return decoded;
}

/** A value whose LaTeX cannot be decoded, as plain text: commands and grouping braces go, the words stay. */
export function stripLatex(value: string): string {
  return value
    .replace(/\\[A-Za-z]+\*?\s?/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A URL as written in a BibTeX file: verbatim, so percent signs stay as they are (citation-js
 * encoded them again: `%26` became `%2526`); only the `\%`, `\_`, `\&` and `\#` escapes some
 * exports write are undone.
 */
export function verbatimUrl(value: string): string {
  return value
    .replace(/\\([%_&#$~])/g, '$1')
    .replace(/^\{(.*)\}$/s, '$1')
    .trim();
}
