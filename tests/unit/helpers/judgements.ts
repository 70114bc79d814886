import type { EvidenceItem, EvidenceLink, Judgement, Stance } from '../../../src/domain/judgement';

const AT = '2026-01-01T00:00:00.000Z';
let serial = 0;

/** A linked item: a quote of `sourceId` unless `kind: 'source'`, live and ungraded unless told. */
export function item(sourceId: string, overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  serial += 1;
  const kind = overrides.kind ?? 'quote';
  return {
    kind,
    id: kind === 'source' ? sourceId : `q${serial}`,
    state: 'live',
    text: kind === 'source' ? `Source ${sourceId}` : `Quote ${serial} of ${sourceId}`,
    sourceId,
    sourceTitle: `Source ${sourceId}`,
    reliability: null,
    credibility: null,
    ...overrides,
  };
}

export function link(stance: Stance, evidence: EvidenceItem, note = ''): EvidenceLink {
  serial += 1;
  return { id: `l${serial}`, judgementId: 'j', stance, note, item: evidence, createdAt: AT };
}

/** A judgement record as the store would return it (counts are not read by the checks). */
export function judgement(overrides: Partial<Judgement> = {}): Judgement {
  const empty = { quotes: 0, sources: 0, independentSources: 0 };
  return {
    id: 'j1',
    briefingId: 'b1',
    position: 0,
    statement: '',
    likelihood: null,
    confidence: null,
    rationale: '',
    evidence: [],
    counts: { supports: empty, contradicts: empty, context: empty },
    matrixCitation: null,
    version: 0,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
