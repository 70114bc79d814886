import { describe, expect, it } from 'vitest';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();
/** Stored as captured; the page view reads them back (the text is what extraction would have given). */
const PDF_BYTES = Buffer.from('%PDF-1.7\n% a stand-in: nothing here parses these bytes\n');

async function sourceWith(mediaType: 'application/pdf' | 'text/plain', bytes: Buffer): Promise<string> {
  const { id } = await contract.value<{ id: string }>('sources.create', { draft: { title: mediaType, kind: 'news_report' } });
  contract.session.current.snapshots.attach(id, {
    fileName: 'capture',
    mediaType,
    bytes,
    text: 'Page one.\n\nPage two.',
    pageOffsets: null,
  });
  return id;
}

describe('what the page view reads through the contract', () => {
  it('gives a PDF snapshot’s bytes exactly as captured, no OCR words for it, and refuses the bytes of a snapshot that is not a PDF', async () => {
    const pdf = await sourceWith('application/pdf', PDF_BYTES);
    const { base64 } = await contract.value<{ base64: string }>('snapshots.pdf', { sourceId: pdf });
    expect(Buffer.from(base64, 'base64').equals(PDF_BYTES)).toBe(true);
    expect(await contract.value('snapshots.ocrWords', { sourceId: pdf })).toEqual({ words: [] });

    const text = await sourceWith('text/plain', Buffer.from('Page one.\n\nPage two.'));
    await expect(contract.value('snapshots.pdf', { sourceId: text })).rejects.toThrow('invalid_input: This snapshot is not a PDF.');
  });
});
