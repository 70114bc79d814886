import type { SourceDraftInput, Source } from '../../src/domain/source';

/** The form's text fields; every value is a string while editing. */
export interface SourceFormValues {
  title: string;
  kind: string;
  url: string;
  author: string;
  publisher: string;
  publishedDate: string;
  accessedDate: string;
  language: string;
  /** '' means ungraded. */
  reliability: string;
  notes: string;
}

/** How each field is named where both versions are shown side by side. */
export const SOURCE_FIELD_LABELS: Readonly<Record<keyof SourceFormValues, string>> = {
  title: 'Title',
  kind: 'Kind',
  url: 'URL',
  author: 'Author',
  publisher: 'Publisher',
  publishedDate: 'Published',
  accessedDate: 'Accessed',
  language: 'Language',
  reliability: 'Reliability',
  notes: 'Notes',
};

export const EMPTY_SOURCE_FORM: SourceFormValues = {
  title: '',
  kind: 'other',
  url: '',
  author: '',
  publisher: '',
  publishedDate: '',
  accessedDate: '',
  language: '',
  reliability: '',
  notes: '',
};

export function formValuesOf(source: Source): SourceFormValues {
  return {
    title: source.title,
    kind: source.kind,
    url: source.url ?? '',
    author: source.author,
    publisher: source.publisher,
    publishedDate: source.publishedDate ?? '',
    accessedDate: source.accessedDate ?? '',
    language: source.language,
    reliability: source.reliability ?? '',
    notes: source.notes,
  };
}

/** The draft sent to the contract; the host validates it and answers with field errors. */
export function draftOf(values: SourceFormValues): SourceDraftInput {
  return {
    ...values,
    kind: values.kind as SourceDraftInput['kind'],
    reliability: values.reliability === '' ? null : (values.reliability as SourceDraftInput['reliability']),
  };
}
