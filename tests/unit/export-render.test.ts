import { describe, expect, it } from 'vitest';
import type { Judgement } from '../../src/domain/judgement';
import { cssString, escapeHtml } from '../../src/export/escape';
import { briefingDocument } from '../../src/export/lexical-document';
import { escapeMarkdown, renderMarkdown } from '../../src/export/markdown';
import type { ExportModel } from '../../src/export/model';
import { renderPrintHtml } from '../../src/export/print-html';
import { exportProblems } from '../../src/export/problems';
import { cite, paragraph, section, state, table, text } from '../fixtures/export/sample-briefing';

const empty = { quotes: 0, sources: 0, independentSources: 0 };

function judgement(statement: string, likelihood: string | null, confidence: Judgement['confidence'], sourceId: string | null): Judgement {
  return {
    id: 'kj',
    briefingId: 'b',
    position: 0,
    statement,
    likelihood,
    confidence,
    rationale: '',
    evidence: [
      {
        id: 'e1',
        judgementId: 'kj',
        stance: 'contradicts',
        note: 'note <i>',
        item: {
          kind: 'quote',
          id: 'q1',
          state: sourceId ? 'live' : 'trashed',
          text: 'Quoted <b>text</b>',
          sourceId,
          sourceTitle: 'Src',
          reliability: 'B',
          credibility: '2',
        },
        createdAt: '2026-11-28T00:00:00.000Z',
      },
    ],
    counts: { supports: empty, contradicts: empty, context: empty },
    matrixCitation: null,
    version: 0,
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
  };
}

function model(overrides: Partial<ExportModel> = {}): ExportModel {
  return {
    briefing: {
      id: 'b',
      title: 'T <script>',
      typeName: 'Briefing',
      status: 'draft',
      author: 'A',
      date: '2017-11-02',
      marking: 'TLP:RED"; } body { display: none } </style>',
      summary: '',
      yardstick: 'phia',
      tags: ['Actor/NATO'],
      wordCount: 10,
      wordLimit: 1100,
      reference: '',
      cutoffDate: null,
      dissemination: '',
    },
    body: state([
      section('s1', 'Analysis', [
        paragraph(text('Claim'), cite('quote', 'q1'), text(' and'), cite('source', 'gone')),
        table([
          ['H1', 'H2'],
          ['a', 'b'],
        ]),
      ]),
    ]),
    judgements: [judgement('It will happen.', 'realistic-possibility', 'high', 's1'), judgement('Broken one.', null, null, null)],
    sources: [
      {
        id: 's1',
        title: 'Source one',
        kind: 'speech',
        author: '',
        publisher: 'P',
        url: 'https://example.org/a',
        publishedDate: null,
        accessedDate: '2026-11-01',
        reliability: 'B',
        snapshotSha256: 'ab'.repeat(32),
        snapshotFoundSha256: 'ab'.repeat(32),
        derivedFrom: [],
      },
    ],
    quotes: [
      {
        id: 'q1',
        sourceId: 's1',
        text: 'Quoted <b>text</b>',
        speaker: 'Speaker',
        dateSaid: '2017-10-31',
        credibility: '2',
        location: 'p. 4',
      },
    ],
    images: [],
    caveats: {},
    problems: [],
    generatedAt: '2026-11-28T00:00:00.000Z',
    ...overrides,
  };
}

describe('the pure export renderer', () => {
  it('escapes HTML and writes CSS strings that cannot break out of a rule or the style element', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const css = cssString('TLP:RED"; } </style>\\');
    expect(css.slice(1, -1)).not.toMatch(/["<>{};]/);
    expect(css).toBe('"TLP\\3a RED\\22 \\3b  \\7d  \\3c \\2f style\\3e \\5c "');
  });

  it('lists an archived snapshot’s own capture time and address under its hash, in HTML and Markdown', () => {
    const [first] = model().sources;
    if (!first) throw new Error('the model has a source');
    const archive = { format: 'wacz' as const, url: 'https://news.example/b', capturedAt: '2026-11-30T10:00:00.000Z' };
    const archived = model({ sources: [{ ...first, snapshotArchive: archive }] });
    const line = 'WACZ web archive: captured 2026-11-30 10:00:00 UTC from https://news.example/b';
    expect(renderPrintHtml(archived, { paper: 'letter', fontFaceCss: '' }).html).toContain(
      `${'ab'.repeat(32)}<br><span class="annex-capture">${line}</span>`,
    );
    expect(renderMarkdown(archived)).toContain(`${'ab'.repeat(32)}; ${escapeMarkdown(line)}`);
    expect(renderPrintHtml(model(), { paper: 'letter', fontFaceCss: '' }).html).not.toContain('class="annex-capture"');
  });

  it('lists a source’s DOI and ISBN under its address in HTML, and beside it in Markdown', () => {
    const [first] = model().sources;
    if (!first) throw new Error('the model has a source');
    const identified = model({ sources: [{ ...first, doi: '10.1080/1068316X.2013.777963', isbn: '9780143034650' }] });
    expect(renderPrintHtml(identified, { paper: 'letter', fontFaceCss: '' }).html).toContain(
      '<span class="annex-url">https://example.org/a</span><br><span class="annex-url">doi:10.1080/1068316X.2013.777963 · ISBN 9780143034650</span>',
    );
    expect(renderMarkdown(identified)).toContain(
      `| ${escapeMarkdown('https://example.org/a · doi:10.1080/1068316X.2013.777963 · ISBN 9780143034650')} |`,
    );
    // A work with neither an address nor an identifier keeps the column's dash.
    expect(renderMarkdown(model({ sources: [{ ...first, url: null }] }))).toContain('| Source one | — |');
    expect(renderPrintHtml(model(), { paper: 'letter', fontFaceCss: '' }).html).not.toContain('doi:');
  });

  it('numbers citations in reading order and reads tables through the editor’s node classes', () => {
    const doc = briefingDocument(model().body);
    expect(doc.notes).toEqual([
      { note: 1, kind: 'quote', id: 'q1' },
      { note: 2, kind: 'source', id: 'gone' },
    ]);
    expect(doc.headings).toEqual([{ level: 2, text: 'Analysis' }]);
    const first = doc.blocks[0];
    const tableBlock = first?.type === 'section' ? first.blocks.find((block) => block.type === 'table') : undefined;
    expect(tableBlock).toBeDefined();
  });

  it('prints the Key Judgements box with likelihood (term and range) and confidence as separate labelled items, and evidence references', () => {
    const html = renderPrintHtml(model(), { paper: 'letter', fontFaceCss: '' }).html;
    expect(html).toContain('<dt>Likelihood</dt><dd>realistic possibility (40–50%)</dd>');
    expect(html).toContain('<dt>Confidence</dt><dd>High</dd>');
    expect(html).toContain(
      '<span class="stance stance--contradicts">Contradicts</span> <a href="#source-1">S1</a> · B2 · “Quoted &lt;b&gt;text&lt;/b&gt;” <span class="evidence-note">(note &lt;i&gt;)</span>',
    );
    expect(html).toContain('<dt>Likelihood</dt><dd>Not stated</dd>');
    expect(html).toContain('<span class="missing-source">[missing source]</span> · B2');
    expect(html).toContain('size: letter;');
    expect(html).toContain('<title>T &lt;script&gt;</title>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Annex B: Probability yardstick (UK PHIA)');
    expect(html).toContain('<td>remote chance</td><td>≤5%</td>');
    // Note 2 cites a source that is not in the model: it prints as [missing source], in the text and the notes.
    expect(html).toContain(
      '<sup class="note-ref"><a id="ref-2" href="#note-2" aria-label="Note 2">2</a></sup><span class="missing-source">[missing source]</span>',
    );
    expect(html).toContain('<li id="note-2" value="2"><span class="missing-source">[missing source]</span>');
  });

  it('lists broken citations, broken evidence and word limits as problems', () => {
    const { problems: _unused, ...rest } = model({ briefing: { ...model().briefing, wordCount: 1200 } });
    const problems = exportProblems(rest, briefingDocument(rest.body));
    expect(problems.map((problem) => problem.code)).toEqual(['broken-citation', 'broken-evidence', 'over-limit']);
  });

  it('writes Markdown with [^n] notes and escaped text', () => {
    expect(escapeMarkdown('<b>*x*</b> [a](javascript:1)\n- item\n1. one')).toBe(
      '&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](javascript:1)  \n\\- item  \n1\\. one',
    );
    const md = renderMarkdown(model());
    expect(md).toContain('Claim[^1] and[^2] \\[missing source\\]');
    expect(md).toContain('[^1]: “Quoted &lt;b&gt;text&lt;/b&gt;” Speaker, 2017-10-31. Source one, P, p. 4. Grade B2. Source S1.');
    expect(md).toContain('- **Likelihood:** realistic possibility (40–50%)\n- **Confidence:** High');
  });
});
