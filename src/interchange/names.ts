/**
 * Authors as other tools see them: a person with family and given names (and the particles and
 * suffix CSL knows), or an organisation's literal name. Warrant's `author` text (for the UI and
 * search) is the display form of these, joined with `; `; the structured form travels beside it
 * so exports can say which part of a name is the family name.
 */
export type PersonName = { literal: string } | FamilyName;

/** A person's name in CSL's parts; only `family` is always there. */
export interface FamilyName {
  family: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

const PARTS = ['given', 'dropping-particle', 'non-dropping-particle', 'family', 'suffix'] as const;
const MAX_PART = 200;

/** A name as it reads in Warrant's author text (given name first). */
export function displayName(name: PersonName): string {
  if ('literal' in name) return name.literal;
  return PARTS.map((part) => name[part] ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/** The author text these names make: how the import writes it, and how an export checks it still holds. */
export function authorText(names: readonly PersonName[]): string {
  return names.map(displayName).join('; ');
}

function part(value: unknown, clean: (text: string) => string): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return clean(String(value)).slice(0, MAX_PART);
}

/**
 * One CSL name, cleaned with `clean` (markup and entities out). A name with a family name only
 * (`{NATO}` in BibTeX, `{family: "Plato"}`) is kept as a literal: nothing is gained by calling it
 * a family name, and every format writes a literal the same way. The name keeps its display
 * text whatever is normalised.
 */
function personOf(value: unknown, clean: (text: string) => string): PersonName | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { literal: part(value, clean) };
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  const literal = part(raw.literal, clean);
  if (literal !== '') return { literal };
  const family = part(raw.family, clean);
  const rest = {
    given: part(raw.given, clean),
    'dropping-particle': part(raw['dropping-particle'], clean),
    'non-dropping-particle': part(raw['non-dropping-particle'], clean),
    suffix: part(raw.suffix, clean),
  };
  if (family === '') {
    const whole = displayName({ family: '', ...rest });
    return whole === '' ? null : { literal: whole };
  }
  const particle = [rest['dropping-particle'], rest['non-dropping-particle']].filter((text) => text !== '').join(' ');
  if (rest.given === '' && rest.suffix === '' && particle === '') return { literal: family };
  // BibTeX has one particle, and knows it by its lower-case start: "van der" stays a particle,
  // a capitalised one ("Čopič Pucihar") is part of the family name, as BibTeX would read it back.
  const lower = /^\p{Ll}/u.test(particle);
  const name: FamilyName = { family: particle !== '' && !lower ? `${particle} ${family}` : family };
  if (rest.given !== '') name.given = rest.given;
  if (lower) name['non-dropping-particle'] = particle;
  if (rest.suffix !== '') name.suffix = rest.suffix;
  return name;
}

/**
 * The structured names of a CSL name list, or null when they would add nothing to the author
 * text (no name has a family name) or would not match it (`authorText` must give `expected`, so
 * the two can never tell different stories).
 */
export function structuredNames(list: unknown, expected: string, clean: (text: string) => string): PersonName[] | null {
  if (!Array.isArray(list)) return null;
  const names = list.map((value) => personOf(value, clean)).filter((name): name is PersonName => name !== null);
  if (!names.some((name) => 'family' in name)) return null;
  return authorText(names) === expected ? names : null;
}

/** Structured names as they are stored (a JSON column), or null when there are none. */
export function namesJson(names: readonly PersonName[] | null): string | null {
  return names ? JSON.stringify(names) : null;
}

/** The stored form of structured names (a JSON column), read back without trusting it. */
export function parseStoredNames(json: string | null): PersonName[] | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    const names = value.map((item) => personOf(item, (text) => text));
    return names.every((name) => name !== null) ? names : null;
  } catch {
    return null;
  }
}

/** The authors field holds names separated by semicolons; each goes out whole, as a literal. */
export function splitPeople(value: string): string[] {
  return value
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The names an export writes: the structured names while they still spell the author text (an
 * analyst may have edited it since the import), else each name of the text as a literal.
 */
export function namesForExport(author: string, names: readonly PersonName[] | null): PersonName[] {
  if (names && authorText(names) === author) return [...names];
  return splitPeople(author).map((literal) => ({ literal }));
}
