import { describe, expect, it } from 'vitest';
import { type CitationJs, loadCitationJs } from '../../main/interchange/citation';
import { parse as citationJsValue } from '@citation-js/plugin-bibtex/lib/input/value.js';
import { readLibraryFile } from '../../main/interchange/read-file';
import { type Macros, readBibtexEntry, readBibtexMacro } from '../../src/interchange/bibtex-entry';

const quiet = { progress() {}, throwIfCancelled() {} };
const citationJs: CitationJs = await loadCitationJs();

/** Macros as a file's reader holds them after `definitions`, read by Warrant's reader. */
function macrosAfter(definitions: readonly string[]): Macros {
  const macros: Macros = new Map(Object.entries(citationJs.defaultStrings));
  for (const definition of definitions) expect(readBibtexMacro(definition, macros)).toBe(true);
  return macros;
}

/** Entries whose reading is easy to get subtly wrong: each must read exactly as citation-js's grammar reads it. */
const TRICKY: readonly string[] = [
  '@article{plain, title = {A title}, year = 2020}',
  '@ARTICLE{Upper:Key-1+x, TITLE = "Quoted {with {nested}} braces", Year = {2020},}',
  '@misc{concat, title = nato # " and " # {the} # kyodo, note = "a" # 12}',
  '@misc{number-first, year = 2020 # {a}, volume = -3}',
  '@misc{months, date = jun, month = dec # "~" # 31, journal = cacm, missing = undefinedmacro}',
  '@misc{escapes, title = {Braces \\{ and \\} and \\\\}, note = "quote \\{ then {a \\" b} end"}',
  '@misc{comments,\n  % a comment between fields, with = and { in it\n  title = {T}, % after a field\n  note = {50% off}\n}',
  '@book(parens, title = {In parentheses}, note = {a) b})',
  '@misc{ spaced ,\n\ttitle\t=\t{Tabs}\t,\n\n}',
  '@misc{dup, title = {First}, title = {Second}, TITLE = {Third}}',
  '@misc{empty, title = {}, note = "", author = {Müller, Jörg and O\'Brien, Aoife}}',
  '@online{unicode, title = {Tōkyō — 東京}, url = {https://example.org/a%20b?x=1&y=2#frag}}',
  '@misc{lone-quote, title = {He said "hi"}, note = "x {"} y"}',
  '@misc{%comment-key\n real-key, title = {x}}',
  '@misc{nofields}',
  '@misc{nocomma title = {x}}',
  '@misc{bad, title = {x} junk}',
  '@misc{ann, author = {A. Author}, author+an = {1=highlight}}',
  '@misc{named-ann, author = {A. Author}, author+an:role = {1="editor"}}',
  '@misc{proto, title = constructor}',
  '@stringent{odd-type, title = {x}}',
  '@misc{{brace-key, title = {x}}',
];

const MACROS = ['@string{nato = {North Atlantic Treaty Organization}}', '@STRING(kyodo = "Kyodo" # { News})'];

describe("Warrant's BibTeX field reader", () => {
  it.each(TRICKY)('reads %s as citation-js does, or leaves it to the grammar', (entry) => {
    const macros = macrosAfter(MACROS);
    const mine = readBibtexEntry(entry, macros);
    let theirs: unknown;
    try {
      const raw = citationJs.parseBibtexText(`${MACROS.join('\n')}\n${entry}`);
      theirs = raw.length === 1 ? raw[0] : null;
    } catch {
      theirs = null;
    }
    // Null hands the entry to the grammar: never a different reading, never one the grammar refuses.
    if (mine !== null) expect(mine).toEqual(theirs);
  });

  it('takes the common shapes itself, and leaves annotations and odd keys to the grammar', () => {
    const macros = macrosAfter(MACROS);
    for (const entry of TRICKY.slice(0, 14)) expect(readBibtexEntry(entry, macros), entry).not.toBeNull();
    for (const entry of TRICKY.slice(14)) expect(readBibtexEntry(entry, macros), entry).toBeNull();
  });

  it('expands macros defined from other macros, and refuses a definition it cannot read', () => {
    const macros = macrosAfter([...MACROS, '@string{both = nato # { / } # kyodo}']);
    expect(macros.get('both')).toBe('North Atlantic Treaty Organization / Kyodo News');
    expect(readBibtexMacro('@string{broken = {unclosed}', macros)).toBe(false);
    expect(readBibtexMacro('@string{two = {a}, three = {b}}', macros)).toBe(false);
  });

  it('gives an import the same records, failures and warnings as citation-js alone, for a file of tricky entries', async () => {
    const file = [
      ...MACROS,
      ...TRICKY,
      "@article{latex, title = {Caf\\'e \\& {\\\"U}ber {\\aa}ngstr{\\\"o}m \\enquote{x}}, author = {Garc{\\'i}a, Luc{\\'i}a and {NATO}}}",
      '@misc{unbalanced, title = {x}',
    ].join('\n');
    const bytes = new TextEncoder().encode(file);
    const fast = await readLibraryFile(bytes, 'tricky.bib', quiet);
    const grammar = await readLibraryFile(bytes, 'tricky.bib', quiet, { bibtexPath: 'grammar' });
    expect(fast.records.length).toBeGreaterThan(10);
    expect(fast).toEqual(grammar);
  });
});

/** Values whose decoding is easy to get subtly wrong: each must decode exactly as citation-js's value grammar does. */
const VALUES: readonly [string, string][] = [
  ['title', "Caf\\'e \\& {\\\"U}ber  spaced\tout -- and --- ``quoted'' ~nbsp"],
  ['title', '{\\emph{Emphasis}} and \\textbf{bold} and {\\it italic env} and \\unknown{x} \\ss{} \\o'],
  ['title', "\\'{e}cole \\\" o \\^{} \\'{}"],
  ['title', 'Math $x^2$ and \\begin{quote}x\\end{quote}'],
  ['title', 'unbalanced } brace'],
  ['author', 'M{\\"u}ller, J{\\"o}rg and van der Berg, Anna-Maria and {NATO} and de~la Cruz, Jr., Juan and Smith AND Jones'],
  ['author', "Jean-Paul {Sartre} and {\\'E}mile Zola and first=Given, family=Family and others"],
  ['author', ' and Leading, Blank and Trailing, Comma,'],
  ['editor', 'ALL CAPS, lower and 123 Numbers'],
  ['publisher', 'Springer and {Barnes and Noble} and  Wiley AND Sons'],
  ['publisher', 'Trailing and '],
  ['keywords', 'one, two,,  three , four, '],
  ['keywords', ' , lonely'],
  ['url', 'https://example.org/a b?x=%26&y=ü#frag'],
  ['url', 'https://example.org/%E0%A4%A'],
  ['doi', '10.1000/xyz_{1}'],
  ['date', '2020-01-02/2020-03'],
  ['language', 'english and german'],
  ['note', 'Line one\\\\line two \\par next \\% percent \\_ under \\# hash \\$ dollar'],
  ['unknownfield', 'Anything {goes} \\here'],
  // Plain values take a shortcut past the lexer: whitespace runs, ligatures and Unicode spaces must come out the same.
  ['note', "  Plain  text\twith\nbreaks -- and --- ``quotes'' and 'single' "],
  ['journaltitle', 'Kyodo News'],
  ['date', '1999-03-27'],
  ['title', 'no\u00a0break\u2009thin\u3000wide  end'],
  ['abstract', "a----b '''' ``` x"],
];

describe("Warrant's BibTeX value decoder", () => {
  it.each(VALUES)('decodes %s “%s” as citation-js does', (field, value) => {
    const outcome = (decode: () => unknown): unknown => {
      try {
        return { value: decode() };
      } catch (error) {
        return { error: error instanceof Error ? error.constructor.name : String(error) };
      }
    };
    expect(outcome(() => citationJs.decodeBibtexValue(value, field))).toEqual(outcome(() => citationJsValue(value, field)));
  });
});
