import type { Quote } from '../../src/domain/quote';

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
