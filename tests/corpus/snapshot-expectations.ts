import type { SnapshotTextNotice } from '../../src/domain/snapshot';

/**
 * What each real file in `../shared/corpus/snapshots/` must give, written from reading the file
 * (origins in SOURCES.md): words that must be found by a plain search of the stored text, the
 * notice that must be recorded, or the reason it must be refused with.
 */
export interface SnapshotExpectation {
  /** Each must occur in the extracted text (after NFC). */
  finds?: readonly string[];
  /** The notice the snapshot must record; left out: none. */
  notice?: SnapshotTextNotice;
  /** The refusal message must match. */
  refused?: RegExp;
  /** Why, in one phrase (printed with a failure). */
  why: string;
}

export const SNAPSHOT_EXPECTATIONS: Readonly<Record<string, SnapshotExpectation>> = {
  '160F-2019.pdf': { finds: ["n° d'identification national", 'modèle 160'], why: 'Luxembourg tax form, text layer' },
  // "Types of Arabic fonts": words drawn left to right, shaped forms, a lam-khah ligature.
  'ArabicCIDTrueType.pdf': { finds: ['انواع الخطوط العربية'], why: 'Arabic words in logical order, presentation forms normalised' },
  'REDHAT-1531897-0.pdf': { refused: /could not be read as a PDF/, why: 'fuzzed file pdf.js rejects' },
  'TAMReview.pdf': { finds: ['Overview of the Technology Acceptance Model'], why: 'paper title' },
  'aktualne.html': { finds: ['Domácí'], why: 'Czech page, UTF-8' },
  'bug900822.pdf': { finds: ['Pdf Test 1'], why: 'first line' },
  'empty_protected.pdf': { notice: 'no-text', why: 'encrypted (empty user password) page with no text' },
  'freeculture.pdf': { finds: ['Free Culture is licensed'], why: 'book front matter' },
  'guardian-1.html': { finds: ['The Guardian'], why: 'saved article page' },
  'helloworld-bad.pdf': { finds: ['Hello, world!'], why: 'damaged file pdf.js repairs' },
  'hukumusume.html': { finds: ['欲張りなイヌ'], why: 'Japanese page title text' },
  'issue11656.pdf': { finds: ['שלום עולם מה שלום כולם', 'סעיף15(ב)(4) לחוק'], why: 'Hebrew keeps working' },
  'issue16538.pdf': { finds: ['マーケットモデル'], why: 'Japanese text' },
  'issue3371.pdf': { refused: /protected by a password/, why: 'password-protected' },
  'issue5874.pdf': { finds: ['19'], why: 'broken CJK font mapping; only digits are trustworthy' },
  'issue9418.pdf': { finds: ['Project Name and Address'], why: 'architectural title block' },
  'javauninstall-7r.pdf': { finds: ['コントロールパネル'], why: 'Japanese instructions' },
  'mathjax.html': { finds: ['The Lorenz Equations'], why: 'math page headings' },
  'nytimes-1.html': { finds: ['The New York Times'], why: 'saved article page' },
  'pixnet.html': { finds: ['痞客邦'], why: 'Traditional Chinese page' },
  'poppler-85140-0.pdf': { notice: 'no-text', why: 'fuzzed file accepted as one empty page' },
  'qq-reencoded-gb18030.html': { finds: ['首页'], why: 'GB18030 page read in its declared charset' },
  'qq.html': { finds: ['首页'], why: 'UTF-8 bytes under a <meta charset=gb2312>' },
  'tracemonkey.pdf': { finds: ['Trace-based Just-in-Time Type Specialization'], why: 'paper title' },
  'vertical.pdf': { finds: ['あいうえお'], why: 'vertical Japanese' },
  'wikipedia-2.html': { finds: ['New Zealand'], why: 'article title' },
  'xfa_filled_imm1344e.pdf': {
    finds: ['APPLICATION TO SPONSOR', 'Carl Friedrich', 'carl@gauss.com'],
    notice: 'xfa-form',
    why: 'XFA form: labels and filled-in values',
  },
  'xref_command_missing.pdf': { finds: ['Reduced test-case'], why: 'damaged cross-reference table' },
  'yahoo-2.html': { finds: ['Space ship malfunctions'], why: 'article headline' },
};
