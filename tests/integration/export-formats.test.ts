import { execFileSync } from 'node:child_process';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judgement } from '../../src/domain/judgement';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import { SAMPLE_MARKING, SAMPLE_TITLE, cite, paragraph, section, state, text } from '../fixtures/export/sample-briefing';
import { XSS_PAYLOADS } from '../fixtures/xss-corpus';
import { ExportFixture, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

type DomNode = { type: string; name?: string; attribs?: Record<string, string>; children?: DomNode[]; data?: string };

function walk(node: DomNode, visit: (node: DomNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'section',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'ol',
  'ul',
  'li',
  'span',
  'a',
  'sup',
  'sub',
  'strong',
  'em',
  'u',
  's',
  'code',
  'br',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
]);

/** Every element is one the renderer writes; no handler attributes, no active URLs, no script. */
function expectInertHtml(html: string): DomNode {
  const doc = parseDocument(html) as unknown as DomNode;
  walk(doc, (node) => {
    if (node.type === 'script') throw new Error('a <script> element');
    if (node.type !== 'tag') return;
    expect(ALLOWED_TAGS.has(node.name ?? ''), `element <${node.name}>`).toBe(true);
    for (const [name, value] of Object.entries(node.attribs ?? {})) {
      expect(name.startsWith('on'), `attribute ${name}`).toBe(false);
      if (name === 'href') expect(value, 'link target').toMatch(/^(#[a-z0-9-]+|https?:\/\/|mailto:)/);
      if (name === 'src') expect(value, 'image source').toMatch(/^data:image\/(png|jpeg|gif|webp);base64,/);
    }
  });
  return doc;
}

function unzip(path: string, member: string): string {
  return execFileSync('unzip', ['-p', path, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text runs of a WordprocessingML part, in order. */
function docxText(xml: string): string {
  const doc = parseDocument(xml, { xmlMode: true }) as unknown as DomNode;
  const parts: string[] = [];
  walk(doc, (node) => {
    if (node.type === 'tag' && node.name === 'w:t') parts.push(textOf(node));
    if (node.type === 'tag' && node.name === 'w:p') parts.push('\n');
  });
  return parts.join('');
}

describe('DOCX, standalone HTML and Markdown exports of the sample briefing', () => {
  const temp = new TempDirs();
  let fixture: ExportFixture;

  beforeAll(() => {
    fixture = new ExportFixture(temp);
  });
  afterAll(() => {
    fixture.close();
    temp.cleanup();
  });

  it('DOCX is a real Word package: headings, footnotes, the judgements table, marking in header and footer', async () => {
    const { path, fileName, mediaType } = await fixture.export('docx', null);
    expect(fileName).toBe(`${SAMPLE_TITLE}.docx`);
    expect(mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
    for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/styles.xml', 'docProps/core.xml']) expect(listing).toContain(part);
    const document = unzip(path, 'word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect((document.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length).toBe(4);
    expect(document).toContain('<w:tbl>');
    const body = docxText(document);
    expect(body).toContain(SAMPLE_TITLE);
    expect(body).toContain('KJ1. NATO will deepen cooperation with Japan and South Korea in the next two years.');
    expect(body).toContain('likely (55–80%)');
    expect(body).toContain('Moderate');
    expect(body).toContain('S3 · A1 · Japan and NATO will deepen practical cooperation on cyber defence.');
    expect(body).toContain('Annex A: Sourcing');
    expect(body).toContain(fixture.sample.snapshotSha);
    expect(body).toContain('Annex B: Probability yardstick (US ICD 203)');
    const notes = docxText(unzip(path, 'word/footnotes.xml'));
    expect(notes).toContain(
      '“North Korea is a global threat and needs a global response.” Jens Stoltenberg, 2017-10-31. Speech at Keio University, Tokyo, NATO. Grade B2. Source S1.',
    );
    expect(notes).toContain('[missing source]');
    const headers = listing.match(/word\/header\d+\.xml/g) ?? [];
    const footers = listing.match(/word\/footer\d+\.xml/g) ?? [];
    expect(headers.some((part) => docxText(unzip(path, part)).includes(SAMPLE_MARKING))).toBe(true);
    const footer = footers.map((part) => unzip(path, part)).find((xml) => docxText(xml).includes(SAMPLE_MARKING)) ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const core = unzip(path, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${SAMPLE_TITLE}</dc:title>`);
    expect(core).toContain('<dc:subject>Briefing</dc:subject>');
  });

  it('standalone HTML is self-contained and inert, with the marking above and below', async () => {
    const { bytes } = await fixture.export('html', null);
    const html = Buffer.from(bytes).toString('utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/url\((?!data:)/);
    const doc = expectInertHtml(html);
    const marks: string[] = [];
    walk(doc, (node) => {
      if (node.type === 'tag' && node.attribs?.class?.startsWith('marking ')) marks.push(textOf(node));
    });
    expect(marks).toEqual([SAMPLE_MARKING, SAMPLE_MARKING]);
    const all = squash(textOf(doc));
    expect(all).toContain('KJ1. NATO will deepen cooperation');
    expect(all).toContain('likely (55–80%)');
    expect(all).toContain('[missing source]');
    expect(html).toContain('<a id="ref-1" href="#note-1"');
    expect(html).toContain('<li id="note-1" value="1">');
    expect(html).toContain('href="#ref-1"');
  });

  it('Markdown has the marking first and last and the notes as [^n] footnotes', async () => {
    const { bytes } = await fixture.export('md', null);
    const md = Buffer.from(bytes).toString('utf8');
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('**TLP:AMBER — OFFICIAL USE**');
    expect(lines.at(-1)).toBe('**TLP:AMBER — OFFICIAL USE**');
    expect(md).toContain('# NATO Secretary General in Tokyo and Seoul');
    expect(md).toContain('global threat[^1].');
    for (let note = 1; note <= 4; note += 1) expect(md).toContain(`\n[^${note}]: `);
    expect(md).toContain('[^4]: \\[missing source\\]');
    expect(md).toContain('- **Likelihood:** likely (55–80%)');
    expect(md).toContain('- **Confidence:** Moderate');
    expect(md).toContain('| City | Meeting |');
  });
});

describe(`script-injection payloads (${XSS_PAYLOADS.length}) export as visible text in every format`, () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
  let fixture: ExportFixture;
  let briefingId: string;
  let judgements: Judgement[];

  beforeAll(() => {
    fixture = new ExportFixture(temp, { extraParagraphs: 0 });
    const ws = fixture.workspace;
    const paragraphs = XSS_PAYLOADS.map((payload) => {
      const source = ws.sources.create({
        title: payload,
        kind: 'other',
        url: null,
        author: payload,
        publisher: payload,
        publishedDate: null,
        accessedDate: null,
        language: '',
        reliability: 'C',
        notes: '',
      });
      const quote = ws.quotes.create({
        sourceId: source.id,
        text: payload,
        span: null,
        page: null,
        paragraph: payload.slice(0, 50),
        timestamp: '',
        speaker: payload,
        dateSaid: null,
        credibility: '3',
        verbatim: true,
        note: '',
      });
      return { node: paragraph(text(payload), cite('quote', quote.id)), quote, source };
    });
    const link = {
      type: 'link',
      url: "javascript:alert('xss-link')",
      rel: null,
      target: null,
      title: null,
      children: [text('a javascript: link')],
      format: '',
      indent: 0,
      version: 1,
      direction: null,
    };
    const briefing = ws.briefings.create({
      title: XSS_PAYLOADS[0] ?? '',
      typeId: 'briefing',
      author: XSS_PAYLOADS[1] ?? '',
      marking: XSS_PAYLOADS[2] ?? '',
      date: '2017-11-02',
    });
    briefingId = briefing.id;
    ws.briefings.updateMeta(briefingId, {
      title: briefing.title,
      typeId: 'briefing',
      status: 'draft',
      author: briefing.author,
      date: briefing.date,
      marking: briefing.marking,
      summary: XSS_PAYLOADS.slice(0, 10).join('\n'),
      yardstick: 'phia',
      reference: XSS_PAYLOADS[3] ?? '',
      cutoffDate: null,
      dissemination: XSS_PAYLOADS[4] ?? '',
      tagIds: [],
    });
    ws.briefings.saveBody({
      id: briefingId,
      body: state([section('s1', XSS_PAYLOADS[3] ?? '', [...paragraphs.map((p) => p.node), paragraph(link)])]),
      bodyText: '',
      wordCount: 0,
    });
    const first = paragraphs[0];
    if (!first) throw new Error('empty corpus');
    const empty = { quotes: 0, sources: 0, independentSources: 0 };
    judgements = XSS_PAYLOADS.slice(0, 5).map((payload, index) => ({
      id: `kj-${index}`,
      briefingId,
      position: index,
      statement: payload,
      likelihood: 'realistic-possibility',
      confidence: 'low',
      rationale: payload,
      evidence: [
        {
          id: `ev-${index}`,
          judgementId: `kj-${index}`,
          stance: 'supports',
          note: payload,
          item: {
            kind: 'quote',
            id: first.quote.id,
            state: 'live',
            text: payload,
            sourceId: first.source.id,
            sourceTitle: payload,
            reliability: 'C',
            credibility: '3',
          },
          createdAt: '2026-11-28T00:00:00.000Z',
        },
      ],
      counts: { supports: empty, contradicts: empty, context: empty },
      matrixCitation: null,
      version: 0,
      createdAt: '2026-11-28T00:00:00.000Z',
      updatedAt: '2026-11-28T00:00:00.000Z',
    }));
    fixture.sample.judgements.splice(0, fixture.sample.judgements.length);
  });

  afterAll(async () => {
    fixture.close();
    await printer.close();
    temp.cleanup();
  });

  const exportIt = async (format: 'pdf' | 'docx' | 'html' | 'md') => {
    const { exportBriefing } = await import('../../main/export/export-service');
    return exportBriefing(
      fixture.workspace,
      { briefingId, format, paper: 'a4' },
      { progress: () => undefined, throwIfCancelled: () => undefined },
      { appVersion: 'test', printer, loadJudgements: () => judgements },
    );
  };

  it('HTML: every payload is text in the document, none is markup', async () => {
    const html = Buffer.from((await exportIt('html')).bytes).toString('utf8');
    const doc = expectInertHtml(html);
    const visible = textOf(doc);
    for (const payload of XSS_PAYLOADS) expect(visible).toContain(payload);
    expect(html).not.toContain("javascript:alert('xss-link')\"");
    expect(visible).toContain('a javascript: link');
  });

  it('the print HTML behind the PDF is just as inert', async () => {
    const { renderPrintHtml } = await import('../../src/export/print-html');
    const { buildExportModel } = await import('../../main/export/build-model');
    const { model } = buildExportModel(fixture.workspace, briefingId, () => judgements);
    const html = renderPrintHtml(model, { paper: 'a4', fontFaceCss: '' }).html;
    const visible = textOf(expectInertHtml(html));
    for (const payload of XSS_PAYLOADS) expect(visible).toContain(payload);
    // The marking goes into CSS strings: escaped so it cannot close the rule or the <style>.
    expect(html.match(/<\/style>/g)?.length).toBe(1);
  });

  it('PDF: the payloads print as text', async () => {
    const { join } = await import('node:path');
    const { writeFileSync } = await import('node:fs');
    const path = join(fixture.dir, 'xss.pdf');
    writeFileSync(path, (await exportIt('pdf')).bytes);
    const printed = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    // Bidirectional controls reorder what a text extractor reads back; those payloads are checked
    // in the other formats, where the characters themselves are compared.
    const comparable = XSS_PAYLOADS.filter((payload) => !/[\u202a-\u202e\u2066-\u2069]/.test(payload));
    expect(comparable.length).toBeGreaterThan(XSS_PAYLOADS.length - 5);
    for (const payload of comparable) expect(printed).toContain(squash(payload));
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/JavaScript:\s+no/);
  }, 60_000);

  it('DOCX: the payloads are text runs of well-formed XML', async () => {
    const { join } = await import('node:path');
    const { writeFileSync } = await import('node:fs');
    const path = join(fixture.dir, 'xss.docx');
    writeFileSync(path, (await exportIt('docx')).bytes);
    const xml = unzip(path, 'word/document.xml');
    expect(xml).not.toMatch(/<script|<img|<svg|<iframe/i);
    const body = docxText(xml);
    for (const payload of XSS_PAYLOADS) expect(body).toContain(payload);
  });

  it('Markdown: no raw markup survives; every payload is escaped text', async () => {
    const md = Buffer.from((await exportIt('md')).bytes).toString('utf8');
    expect(md).not.toMatch(/<[a-z!/?]/i);
    expect(md).not.toContain('](<javascript');
    const unescaped = md
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/\\(.)/g, '$1')
      .replace(/ {2}\n/g, '\n');
    for (const payload of XSS_PAYLOADS) expect(unescaped).toContain(payload);
  });
});
