// Kept apart from the schemas in source.ts, which zod builds at import: the library's first paint
// needs these labels and sort keys but none of the schemas.

export const SOURCE_KINDS = [
  'speech',
  'news_report',
  'official_statement',
  'document',
  'social_media_post',
  'interview',
  'dataset',
  'imagery',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  speech: 'Speech',
  news_report: 'News report',
  official_statement: 'Official statement',
  document: 'Document',
  social_media_post: 'Social media post',
  interview: 'Interview',
  dataset: 'Dataset',
  imagery: 'Imagery',
  other: 'Other',
};

export const SOURCE_SORT_KEYS = ['title', 'published', 'accessed', 'reliability', 'updated'] as const;
export type SourceSortKey = (typeof SOURCE_SORT_KEYS)[number];
