// The team library's record kinds and fields, as plain data: what the SQLite side (the projection,
// the rows it reads) needs without loading Yjs. The documents themselves are library-document.ts.
// Field names are the table's column names, so the projection into SQLite is a rename-free copy.

/** A field's value as a document holds it: JSON scalars only (lists and objects go in as JSON text). */
export type FieldValue = string | number | boolean | null;
/** One record's fields by column name; the record's id is its key in the document, not a field. */
export type LibraryRecord = Readonly<Record<string, FieldValue>>;

/**
 * Every record kind, parents before children: a batch is projected in this order. The last four
 * are a shared briefing's own records (ARCHITECTURE.md, "Briefing records"): they enter the
 * documents only when a briefing is shared, never with the library.
 */
export const LIBRARY_KINDS = [
  'sources',
  'tags',
  'snapshots',
  'quotes',
  'tag-links',
  'derivations',
  'product-types',
  'briefings',
  'judgements',
  'evidence-links',
] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** The kinds that travel with a shared briefing rather than with "Share the library". */
export const BRIEFING_RECORD_KINDS: ReadonlySet<LibraryKind> = new Set(['product-types', 'briefings', 'judgements', 'evidence-links']);

/**
 * The fields each kind carries. Snapshots carry what identifies the bytes (hash, name, type, size,
 * capture facts), never the bytes or their extracted text: those travel by the blob store.
 */
export const LIBRARY_FIELDS: Readonly<Record<LibraryKind, readonly string[]>> = {
  sources: [
    'title',
    'kind',
    'url',
    'author',
    'author_names',
    'publisher',
    'published_date',
    'accessed_date',
    'language',
    'reliability',
    'notes',
    'created_at',
    'updated_at',
    'deleted_at',
  ],
  tags: ['path', 'color', 'created_at'],
  snapshots: [
    'source_id',
    'file_name',
    'media_type',
    'size',
    'sha256',
    'captured_at',
    'encoding',
    'text_notice',
    'ocr',
    'archive_format',
    'archived_url',
    'archived_at',
  ],
  quotes: [
    'source_id',
    'snapshot_id',
    'text',
    'start_offset',
    'end_offset',
    'page',
    'region',
    'paragraph',
    'timestamp',
    'speaker',
    'date_said',
    'credibility',
    'verbatim',
    'note',
    'created_at',
    'updated_at',
    'deleted_at',
  ],
  'tag-links': ['item_kind', 'item_id', 'tag_id'],
  derivations: ['source_id', 'origin_id', 'created_at'],
  // A custom product type goes with the briefings of that type (built-in ones are in every workspace).
  'product-types': ['name', 'word_limit', 'sections', 'created_at'],
  // The title block and state, not the body (that is `briefing/<id>`), nor what follows the body
  // (text, word count, versions, updated_at): those are each workbench's own projection.
  briefings: [
    'title',
    'type_id',
    'status',
    'author',
    'date',
    'marking',
    'summary',
    'yardstick',
    'reference',
    'cutoff_date',
    'dissemination',
    'created_at',
    'deleted_at',
  ],
  judgements: ['briefing_id', 'position', 'statement', 'likelihood', 'confidence', 'rationale', 'created_at', 'updated_at', 'deleted_at'],
  'evidence-links': ['judgement_id', 'target_kind', 'target_id', 'stance', 'note', 'created_at'],
};

/** Fields that change with every edit: kept in the document, left out of the change log. */
export const UNLOGGED_FIELDS: ReadonlySet<string> = new Set(['updated_at']);

/** The team document a kind lives in. One shard per kind for now (ARCHITECTURE.md says what sharding by id would add). */
export function libraryDocumentName(kind: LibraryKind): string {
  return `library/${kind}`;
}

export function libraryKindOf(documentName: string): LibraryKind | null {
  const kind = documentName.slice('library/'.length);
  return documentName.startsWith('library/') && (LIBRARY_KINDS as readonly string[]).includes(kind) ? (kind as LibraryKind) : null;
}

/** The key of a tag link: which item carries which tag. */
export function tagLinkId(itemKind: 'source' | 'quote', itemId: string, tagId: string): string {
  return `${itemKind}|${itemId}|${tagId}`;
}

/** The key of a derived-from link: `sourceId` is derived from `originId`. */
export function derivationId(sourceId: string, originId: string): string {
  return `${sourceId}|${originId}`;
}

/** A field's value as the change log writes it. */
export function fieldText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  return String(value);
}
