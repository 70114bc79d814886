import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { pageAt, type SnapshotText } from '../../src/domain/snapshot';
import { normaliseCutText, paragraphAt } from '../../src/text/cut-passage';

/** The quote form's fields while editing (the text fields as strings). */
export interface QuoteFormValues {
  text: string;
  page: string;
  paragraph: string;
  timestamp: string;
  speaker: string;
  dateSaid: string;
  credibility: string;
  verbatim: boolean;
  note: string;
}

export const EMPTY_QUOTE_FORM: QuoteFormValues = {
  text: '',
  page: '',
  paragraph: '',
  timestamp: '',
  speaker: '',
  dateSaid: '',
  credibility: '',
  verbatim: true,
  note: '',
};

/**
 * A new quote's fields before the analyst touches them. The speaker is the source's author (its
 * speaker, for a speech or an interview), or its publisher when no author is recorded (an
 * official statement speaks for the body that issued it); the date said is the source's
 * published date. A passage cut from the snapshot reads with its layout line breaks normalised
 * and, from a PDF, knows its page and (where the page has paragraph breaks) its paragraph.
 * The credibility starts as the one given to the source's latest quote (passages of one source
 * are usually graded in one sitting); the form shows it, to be changed where this one differs.
 */
export function newQuoteValues(
  source: Pick<Source, 'author' | 'publisher' | 'publishedDate'> | null,
  selection: { text: string; span: { start: number; end: number } } | null,
  snapshot: Pick<SnapshotText, 'text' | 'pageOffsets'> | null,
  sourceQuotes: readonly Pick<Quote, 'credibility' | 'createdAt'>[] = [],
): QuoteFormValues {
  const latest = sourceQuotes.reduce<Pick<Quote, 'credibility' | 'createdAt'> | null>(
    (newest, quote) => (newest === null || quote.createdAt > newest.createdAt ? quote : newest),
    null,
  );
  const offsets = snapshot?.pageOffsets ?? null;
  const paragraph = selection && snapshot && offsets ? paragraphAt(snapshot.text, offsets, selection.span.start) : null;
  return {
    ...EMPTY_QUOTE_FORM,
    text: selection ? normaliseCutText(selection.text) : '',
    speaker: source ? source.author.trim() || source.publisher.trim() : '',
    dateSaid: source?.publishedDate ?? '',
    page: selection && offsets ? String(pageAt(offsets, selection.span.start)) : '',
    paragraph: paragraph === null ? '' : String(paragraph),
    credibility: latest?.credibility ?? '',
  };
}

export function quoteFormValuesOf(quote: Quote): QuoteFormValues {
  return {
    text: quote.text,
    page: quote.page ? String(quote.page) : '',
    paragraph: quote.paragraph,
    timestamp: quote.timestamp,
    speaker: quote.speaker,
    dateSaid: quote.dateSaid ?? '',
    credibility: quote.credibility ?? '',
    verbatim: quote.verbatim,
    note: quote.note,
  };
}

type ComparableQuote = Record<keyof QuoteFormValues, string>;

/** How each field is named where both versions are shown side by side. */
export const QUOTE_FIELD_LABELS: Readonly<ComparableQuote> = {
  text: 'Quoted text',
  page: 'Page',
  paragraph: 'Paragraph',
  timestamp: 'Timestamp',
  speaker: 'Speaker',
  dateSaid: 'Date said',
  credibility: 'Credibility',
  verbatim: 'Wording',
  note: 'Note',
};

/** Every field as text, to compare and show the two versions. */
export function comparable(values: QuoteFormValues): ComparableQuote {
  return { ...values, verbatim: values.verbatim ? 'Verbatim' : 'Paraphrase' };
}
