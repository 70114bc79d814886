// Shared with the ACH matrix's evidence picker, so it lives in src/ (pure) and is re-exported here for the briefing panels.
export { libraryHits, plainSnippet, type LibraryHit } from '../../src/search/library-hits';
