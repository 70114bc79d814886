import { describe, expect, it } from 'vitest';
import { type EvidenceLink, type Judgement } from '../../src/domain/judgement';
import { type Quote } from '../../src/domain/quote';
import { type SearchResults } from '../../src/domain/search';
import { type Settings } from '../../src/domain/settings';
import { type SnapshotText } from '../../src/domain/snapshot';
import { type Source } from '../../src/domain/source';
import { normaliseTagPath, type Tag } from '../../src/domain/tag';
import { XSS_PAYLOADS } from '../fixtures/xss-corpus';
import { contractPerTest } from './helpers/contract';

/**
 * The whole corpus through the contract into every text field: each comes back exactly as
 * written (text is data, never markup, and never "cleaned"), and a captured page holding the
 * payloads as markup yields them only where they were text.
 */
const contract = contractPerTest();

const everything = XSS_PAYLOADS.join('\n');

describe(`the script-injection corpus (${XSS_PAYLOADS.length} payloads)`, () => {
  it('holds at least 50 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it('keeps each payload verbatim in every source and quote text field', async () => {
    for (const payload of XSS_PAYLOADS) {
      const created = await contract.value<Source>('sources.create', {
        draft: { title: payload, author: payload, publisher: payload, language: payload.slice(0, 35), notes: everything },
      });
      const source = await contract.value<Source>('sources.get', { id: created.id });
      expect(source).toMatchObject({
        title: payload,
        author: payload,
        publisher: payload,
        language: payload.slice(0, 35),
        notes: everything,
        url: null,
      });
      const quote = await contract.value<Quote>('quotes.create', {
        draft: {
          sourceId: source.id,
          text: payload,
          speaker: payload,
          paragraph: payload.slice(0, 50),
          timestamp: payload.slice(0, 50),
          note: everything,
        },
      });
      expect(await contract.value<Quote>('quotes.get', { id: quote.id })).toMatchObject({
        text: payload,
        speaker: payload,
        paragraph: payload.slice(0, 50),
        timestamp: payload.slice(0, 50),
        note: everything,
      });
    }
  });

  it('keeps each payload verbatim in a key judgement’s statement and rationale and an evidence link’s note', async () => {
    const briefing = await contract.value<{ id: string }>('briefings.create', { title: 'Corpus briefing', typeId: 'briefing' });
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Corpus source' } });
    for (const payload of XSS_PAYLOADS) {
      const judgement = await contract.value<Judgement>('judgements.create', {
        briefingId: briefing.id,
        draft: { statement: payload, rationale: everything },
      });
      const link = await contract.value<EvidenceLink>('judgements.link', {
        judgementId: judgement.id,
        item: { kind: 'source', id: source.id },
        link: { stance: 'supports', note: payload },
      });
      expect(link.note).toBe(payload.trim());
      const read = await contract.value<Judgement>('judgements.get', { id: judgement.id });
      expect(read).toMatchObject({ statement: payload.trim(), rationale: everything.trim() });
    }
  });

  it('keeps payloads in tag paths and settings, or refuses them with a typed error', async () => {
    for (const payload of XSS_PAYLOADS) {
      const result = await contract.call('tags.create', { path: `Topic/${payload}` });
      if (result.ok) expect((result.value as Tag).path).toBe(normaliseTagPath(`Topic/${payload}`));
      else expect(result.error.code).toBe('invalid_input');
      const settings = await contract.value<Settings>('settings.update', { analystName: payload.slice(0, 200), defaultMarking: payload });
      expect(settings).toMatchObject({ analystName: payload.slice(0, 200).trim(), defaultMarking: payload.trim(), backupsToKeep: 5 });
    }
  });

  it('refuses script, data, file and other non-web links as a source URL, naming the field', async () => {
    const links = XSS_PAYLOADS.filter((payload) => /^(javascript|data|file|vbscript):/i.test(payload));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const url of [...links, 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)']) {
      const result = await contract.call('sources.create', { draft: { title: 'Link', url } });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatchObject({ code: 'invalid_input', details: { fields: { 'draft.url': expect.any(String) } } });
    }
  });

  it('keeps pasted text verbatim, and takes only the text of a captured page', async () => {
    const pasted = await contract.value<Source>('sources.create', { draft: { title: 'Pasted' } });
    expect((await contract.job('snapshots.attach', { sourceId: pasted.id, pastedText: everything })).status).toBe('succeeded');
    expect((await contract.value<SnapshotText>('snapshots.text', { sourceId: pasted.id })).text).toBe(everything);

    // The payloads as escaped text in a page, then as live markup after it (which may swallow
    // whatever follows it, as browsers' parsers do: so it comes last).
    const escaped = everything.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const page = `<!doctype html><html><head><script>alert('HEAD')</script></head><body><pre id="text">${escaped}</pre>${everything}</body></html>`;
    const captured = await contract.value<Source>('sources.create', { draft: { title: 'Captured' } });
    const uploadId = contract.uploads.put(new TextEncoder().encode(page), 'hostile.html');
    expect((await contract.job('snapshots.attach', { sourceId: captured.id, uploadId })).status).toBe('succeeded');
    const text = (await contract.value<SnapshotText>('snapshots.text', { sourceId: captured.id })).text;
    // Script bodies written as markup are not text; every payload written as text is.
    expect(text).not.toContain("alert('HEAD')");
    const last = XSS_PAYLOADS.at(-1) ?? '';
    const end = text.indexOf(last) + last.length;
    expect(end).toBeGreaterThan(last.length);
    const [asText, asMarkup] = [text.slice(0, end), text.slice(end)];
    for (const payload of XSS_PAYLOADS) expect(asText.replace(/\s+/g, ' ')).toContain(payload.trim().replace(/\s+/g, ' '));
    expect(asMarkup).not.toMatch(/<script|onerror|alert\('xss-0[1-4]'\)/);
  });

  it('searches for every payload without an error', async () => {
    await contract.value<Source>('sources.create', { draft: { title: 'Corpus', notes: everything } });
    for (const payload of XSS_PAYLOADS) {
      const results = await contract.value<SearchResults>('search.query', { text: payload });
      expect(results.sources.total + results.quotes.total).toBeGreaterThanOrEqual(0);
    }
  });
});
