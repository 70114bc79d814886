/**
 * Decodes the LaTeX in BibTeX field values the way citation-js's value grammar does (same
 * tables, same rules, sentence case off as Warrant configures it), without its general lexer
 * and grammar machinery, which were the largest part of an import's reading. Anything beyond the
 * common shapes (math, environments, commands with arguments, name labels, a brace out of place)
 * is handed to citation-js's own parser for that one value, so the result is always what
 * citation-js gives: tests/unit/interchange-bibtex-entry.test.ts and the corpus report compare.
 */
import * as constants from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { getStringCase, orderNamePieces, type NamePart } from '@citation-js/plugin-bibtex/lib/input/name.js';
import { parse as citationJsValue } from '@citation-js/plugin-bibtex/lib/input/value.js';

/** A shape this decoder leaves to citation-js. */
class Unhandled extends Error {}

type TokenType = 'and' | 'comma' | 'hyphen' | 'equals' | 'begin' | 'command' | 'lbrace' | 'rbrace' | 'math' | 'whitespace' | 'text';
interface Token {
  type: TokenType;
  text: string;
}

/** The lexer states of citation-js's value grammar, each an ordered list of (type, pattern): the first that matches wins. */
const COMMON: [TokenType, string][] = [
  ['begin', '\\\\begin'],
  ['command', '\\\\(?:[a-zA-Z]+|.) *'],
  ['lbrace', '\\{'],
  ['math', '\\$'],
  ['whitespace', '[\\s]+|~'],
];
function state(before: [TokenType, string][], text: string, after: [TokenType, string][] = []): { types: TokenType[]; pattern: RegExp } {
  const rules: [TokenType, string][] = [...before, ...COMMON, ...after, ['text', text]];
  return { types: rules.map(([type]) => type), pattern: new RegExp(rules.map(([, source]) => `(${source})`).join('|'), 'y') };
}
const STATES = {
  string: state([], '[^{$}\\s~\\\\]+'),
  names: state(
    [
      ['and', '\\s+[aA][nN][dD]\\s+'],
      ['comma', ','],
      ['hyphen', '-'],
      ['equals', '='],
    ],
    '[^{$}\\s~\\\\,=-]+',
  ),
  list: state([['and', '\\s+and\\s+']], '[^{$}\\s~\\\\]+'),
  separated: state([['comma', ',']], '[^{$}\\s~\\\\,]+'),
  braced: state([], '[^{$}\\s~\\\\]+', [['rbrace', '\\}']]),
};
type StateName = keyof typeof STATES;

class Lexer {
  private at = 0;
  private readonly stack: StateName[];
  token: Token | null;

  constructor(
    private readonly text: string,
    start: StateName,
  ) {
    this.stack = [start];
    this.token = this.read();
  }

  private read(): Token | null {
    if (this.at >= this.text.length) return null;
    const { types, pattern } = STATES[this.stack[this.stack.length - 1] ?? 'string'];
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) throw new Unhandled();
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    const type = types[index - 1];
    if (!type) throw new Unhandled();
    this.at = pattern.lastIndex;
    if (type === 'lbrace') this.stack.push('braced');
    else if (type === 'rbrace') this.stack.pop();
    else if (type === 'math' || type === 'begin') throw new Unhandled();
    return { type, text: match[0] };
  }

  is(type: TokenType): boolean {
    return this.token?.type === type;
  }

  get done(): boolean {
    return this.token === null;
  }

  take(type?: TokenType): Token {
    const token = this.token;
    if (!token || (type && token.type !== type)) throw new Unhandled();
    this.token = this.read();
    return token;
  }

  skip(type: TokenType): void {
    if (this.is(type)) this.take();
  }
}

/** What sends a plain field's value through the lexer: anything but words and whitespace. */
const LATEX_MARKS = /[{}$~\\]/;
/** Whitespace other than single spaces, which the grammar turns into one space each. */
const WHITESPACE_RUN = /\s\s|[^\S ]/;
const WHITESPACE_RUNS = /\s+/g;
const WHITESPACE = (token: Token): string => (token.text === '~' ? '\u00a0' : ' ');
const ligatures = (text: string): string =>
  text.replace(constants.ligaturePattern, (ligature) => constants.ligatures[ligature] ?? ligature);

function applyFormatting(text: string, format: string | undefined): string {
  const wrap = format === undefined ? undefined : constants.formatting[format];
  return wrap ? text && wrap.join(text) : text;
}

function textRule(lexer: Lexer): string {
  if (lexer.is('lbrace')) return bracketString(lexer);
  if (lexer.is('whitespace')) return WHITESPACE(lexer.take());
  if (lexer.is('command')) return command(lexer);
  return ligatures(lexer.take('text').text);
}

function bracketString(lexer: Lexer): string {
  let output = '';
  lexer.take('lbrace');
  while (!lexer.is('rbrace')) output += textRule(lexer);
  lexer.take('rbrace');
  return output;
}

function own(name: string, table: object): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

function command(lexer: Lexer): string {
  const token = lexer.take('command');
  const name = token.text.slice(1).trim();
  if (own(name, constants.formattingEnvs)) {
    let output = '';
    while (!lexer.done && !lexer.is('rbrace')) output += textRule(lexer);
    return applyFormatting(output, constants.formattingEnvs[name]);
  }
  if (own(name, constants.formattingCommands)) return applyFormatting(bracketString(lexer), constants.formattingCommands[name]);
  if (own(name, constants.commands)) return constants.commands[name] ?? '';
  if (own(name, constants.mathCommands)) return constants.mathCommands[name] ?? '';
  if (own(name, constants.diacritics) && !lexer.done) {
    const text = textRule(lexer);
    if (text === '') throw new Unhandled();
    return `${text[0]}${constants.diacritics[name]}`.normalize('NFC') + text.slice(1);
  }
  if (own(name, constants.argumentCommands)) throw new Unhandled();
  if (/^[&%$#_{}]$/.test(name)) return token.text.slice(1);
  return token.text;
}

function string(lexer: Lexer): string {
  let output = '';
  while (!lexer.done) output += textRule(lexer);
  return output;
}

function stringList(lexer: Lexer): string | string[] {
  const list: string[] = [];
  while (!lexer.done) {
    let output = '';
    while (!lexer.done && !lexer.is('and')) output += textRule(lexer);
    list.push(output);
    lexer.skip('and');
  }
  return list.length === 1 ? (list[0] ?? '') : list;
}

function stringSeparated(lexer: Lexer): string[] {
  const list: string[] = [];
  while (!lexer.done) {
    let output = '';
    while (!lexer.done && !lexer.is('comma')) output += textRule(lexer);
    list.push(output.trim());
    lexer.skip('comma');
    lexer.skip('whitespace');
  }
  return list;
}

interface NameToken extends NamePart {
  hyphenated?: boolean;
}

function nameToken(lexer: Lexer): NameToken {
  let upperCase: NamePart['upperCase'] = null;
  let value = '';
  for (;;) {
    if (upperCase === null && lexer.is('text')) {
      // The first plain run decides the case, as written (the grammar applies no ligatures to it).
      const text = lexer.take().text;
      value += text;
      upperCase = getStringCase(text);
    } else if (lexer.done || lexer.is('and') || lexer.is('comma') || lexer.is('whitespace')) {
      return { value, upperCase };
    } else if (lexer.is('hyphen')) {
      return { value, upperCase, hyphenated: true };
    } else if (lexer.is('equals')) {
      throw new Unhandled();
    } else {
      value += textRule(lexer);
    }
  }
}

function namePiece(lexer: Lexer): NameToken[] {
  const parts: NameToken[] = [];
  for (;;) {
    parts.push(nameToken(lexer));
    if (lexer.done || lexer.is('and') || lexer.is('comma')) return parts;
    while (lexer.is('hyphen') || lexer.is('whitespace')) lexer.take();
  }
}

function stringNames(lexer: Lexer): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    lexer.skip('whitespace');
    const pieces: NameToken[][] = [];
    for (;;) {
      pieces.push(namePiece(lexer));
      if (lexer.done || lexer.is('and')) break;
      lexer.take('comma');
      lexer.skip('whitespace');
    }
    list.push(orderNamePieces(pieces));
    lexer.skip('whitespace');
    if (lexer.done) return list;
    lexer.take('and');
  }
}

function verbatim(text: string): string {
  if (/[{}$\\]/.test(text)) throw new Unhandled();
  return text;
}

function uri(text: string): string {
  const value = verbatim(text);
  try {
    return decodeURI(value) === value ? encodeURI(value) : value;
  } catch {
    return encodeURI(value);
  }
}

/** One field's value decoded as citation-js decodes it (with sentence case off, as Warrant has it). */
export function decodeValue(text: string, field: string): unknown {
  const [container, kind] = constants.fieldTypes[field] ?? [];
  try {
    if (kind === 'name') {
      if (container !== 'list') throw new Unhandled();
      return stringNames(new Lexer(text, 'names'));
    }
    const rule = container === 'field' ? kind : container;
    if (rule === 'verbatim') return verbatim(text);
    if (rule === 'uri') return uri(text);
    if (container === 'list') return stringList(new Lexer(text, 'list'));
    if (container === 'separated') return stringSeparated(new Lexer(text, 'separated'));
    // Without braces, commands, math or ties the grammar sees only words and runs of whitespace:
    // each run becomes one space and the words get the ligatures (none of which spans a space).
    if (!LATEX_MARKS.test(text)) return ligatures(WHITESPACE_RUN.test(text) ? text.replace(WHITESPACE_RUNS, ' ') : text);
    return string(new Lexer(text, 'string'));
  } catch (error) {
    if (!(error instanceof Unhandled)) throw error;
    return citationJsValue(text, field);
  }
}
