const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * A CSS string literal holding `text`: every character that is not a plain letter, digit or
 * space is written as a hex escape, so no quote, backslash, newline or `</style>` survives.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /[\p{L}\p{N} ]/u.test(char) && char !== '\\' ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `${out}"`;
}
