import { combinedGrade } from '../domain/quote';
import type { Confidence, EvidenceLink } from '../domain/judgement';
import type { NoteRef } from './document';
import { quoteCaptureText, type ExportModel, type ExportQuote, type ExportSource } from './model';

/** What a broken citation or evidence link prints as: never hidden, never invented. */
export const MISSING_SOURCE = '[missing source]';

/** Confidence as the value of a labelled item ("Confidence: Moderate"), never joined to the likelihood. */
export const CONFIDENCE_LEVEL_NAMES: Readonly<Record<Confidence, string>> = { high: 'High', moderate: 'Moderate', low: 'Low' };

/** A numbered note, resolved against the model. */
export type ResolvedNote =
  | { readonly note: number; readonly state: 'missing' }
  | {
      readonly note: number;
      readonly state: 'live';
      readonly source: ExportSource;
      readonly annex: number;
      readonly quote: ExportQuote | null;
      readonly grade: string;
    };

/** Looks up sources and quotes of a model, and the annex number of each source (1-based). */
export class References {
  private readonly sources = new Map<string, ExportSource>();
  private readonly annexNumbers = new Map<string, number>();
  private readonly quotes = new Map<string, ExportQuote>();

  constructor(model: ExportModel) {
    model.sources.forEach((source, index) => {
      this.sources.set(source.id, source);
      this.annexNumbers.set(source.id, index + 1);
    });
    for (const quote of model.quotes) this.quotes.set(quote.id, quote);
  }

  resolve(ref: NoteRef): ResolvedNote {
    const quote = ref.kind === 'quote' ? this.quotes.get(ref.id) : undefined;
    const sourceId = ref.kind === 'quote' ? quote?.sourceId : ref.id;
    const source = sourceId === undefined ? undefined : this.sources.get(sourceId);
    if (!source || (ref.kind === 'quote' && !quote)) return { note: ref.note, state: 'missing' };
    const grade = quote ? combinedGrade(source.reliability, quote.credibility) : (source.reliability ?? '?');
    return { note: ref.note, state: 'live', source, annex: this.annexNumber(source.id), quote: quote ?? null, grade };
  }

  annexNumber(sourceId: string): number {
    return this.annexNumbers.get(sourceId) ?? 0;
  }

  /** The annex number of an evidence link's source, or null when the item is gone. */
  evidenceAnnex(link: EvidenceLink): number | null {
    if (link.item.state !== 'live' || link.item.sourceId === null) return null;
    return this.annexNumbers.get(link.item.sourceId) ?? null;
  }
}

/** The parts of a note's text, so each format can style them; `detail` is already joined. */
export function noteParts(note: ResolvedNote): { quote: string | null; detail: string } {
  if (note.state === 'missing') return { quote: null, detail: MISSING_SOURCE };
  const { source, quote } = note;
  const said = quote ? [quote.speaker, quote.dateSaid].filter((part) => part !== '' && part !== null).join(', ') : '';
  const where = [
    source.title,
    source.publisher || source.author,
    quote?.location ?? '',
    quote?.capture ? quoteCaptureText(quote.capture) : '',
    quote ? '' : (source.publishedDate ?? ''),
  ].filter((part) => part !== '');
  const detail = [said, where.join(', '), `Grade ${note.grade}`, `Source S${note.annex}`].filter((part) => part !== '').join('. ');
  return { quote: quote ? quote.text : null, detail: `${detail}.` };
}

/** "B2" for an evidence item (quote) or "B" for a whole source; "ungraded" when nothing is graded. */
export function evidenceGrade(link: EvidenceLink): string {
  if (link.item.kind === 'quote') return combinedGrade(link.item.reliability, link.item.credibility);
  return link.item.reliability ?? 'ungraded';
}
