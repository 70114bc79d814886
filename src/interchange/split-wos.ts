import type { FileChunk } from './chunks';

/**
 * Web of Science "plain text" exports (`FN Clarivate…`, `PT J` … `ER`) are often saved as .ris,
 * but they are a tagged format of their own: two-letter tags, values continued on lines that
 * start with three spaces. Each record is rewritten as the RIS record it means, so the RIS reader
 * (dates, repeated tags, mapping) handles both alike.
 */
export function isWosTagged(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return /^FN /.test(head) || (/^PT [A-Z]\s*$/m.test(head) && !/^TY {2}-/m.test(head));
}

const TYPES: Readonly<Record<string, string>> = { J: 'JOUR', B: 'BOOK', S: 'SER', P: 'PAT', C: 'CONF' };
/** Tags whose continuation lines are further values (one person per line), not more of one value. */
const LISTS = new Set(['AU', 'AF', 'CR', 'ED', 'BE']);
/** WoS tag → RIS tag, for the fields Warrant maps. (WoS `ID` is Keywords Plus, not an identifier.) */
const RIS_TAG: Readonly<Record<string, string>> = {
  TI: 'TI',
  SO: 'T2',
  PY: 'PY',
  PD: 'DA',
  DI: 'DO',
  PU: 'PB',
  AB: 'AB',
  LA: 'LA',
  SN: 'SN',
  BN: 'SN',
  VL: 'VL',
  IS: 'IS',
  BP: 'SP',
  EP: 'EP',
  UT: 'ID',
};

function toRis(fields: ReadonlyMap<string, string[]>): string {
  const lines = [`TY  - ${TYPES[fields.get('PT')?.[0] ?? ''] ?? 'GEN'}`];
  for (const author of fields.get('AF') ?? fields.get('AU') ?? []) lines.push(`AU  - ${author}`);
  for (const [wos, ris] of Object.entries(RIS_TAG)) for (const value of fields.get(wos) ?? []) lines.push(`${ris}  - ${value}`);
  for (const keyword of (fields.get('DE') ?? []).join('; ').split(';')) if (keyword.trim() !== '') lines.push(`KW  - ${keyword.trim()}`);
  lines.push('ER  - ');
  return lines.join('\n');
}

export function* splitWos(text: string): Generator<FileChunk> {
  let fields = new Map<string, string[]>();
  let tag = '';
  let start = 0;
  let lineNo = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    lineNo += 1;
    const line = raw.trimEnd();
    if (line.startsWith('   ') && tag !== '') {
      const values = fields.get(tag) ?? [];
      const value = line.trim();
      if (LISTS.has(tag) || values.length === 0) values.push(value);
      else values[values.length - 1] = `${values[values.length - 1] ?? ''} ${value}`;
      fields.set(tag, values);
      continue;
    }
    const match = /^([A-Z][A-Z0-9])(?: (.*))?$/.exec(line);
    if (!match) continue;
    tag = match[1] ?? '';
    if (tag === 'PT') {
      if (fields.size > 0)
        yield { kind: 'broken', line: start, key: null, reason: 'the record has no end tag (ER) before the next record starts' };
      fields = new Map();
      start = lineNo;
    }
    if (tag === 'ER') {
      if (fields.size > 0) yield { kind: 'entry', text: toRis(fields), line: start, key: fields.get('UT')?.[0] ?? null };
      fields = new Map();
      continue;
    }
    if (start === 0 || tag === 'FN' || tag === 'VR' || tag === 'EF') continue;
    fields.set(tag, [...(fields.get(tag) ?? []), (match[2] ?? '').trim()]);
  }
  if (fields.size > 0)
    yield { kind: 'broken', line: start, key: null, reason: 'the file ends before the record’s end tag (ER): truncated?' };
}
