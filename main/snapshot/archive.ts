import { WarrantError } from '../../src/contract/errors';
import type { ArchiveFormat, ArchivePageList } from '../../src/domain/snapshot';
import { canonicalEncoding, decodeCapturedText, type DecodedText } from '../../src/snapshot/charset';
import { archiveFormatOf } from '../../src/snapshot/archive-facts';
import { quotedFileName } from '../../src/snapshot/media-type';
import { MhtmlReadError, parseMhtml, type MhtmlPart } from '../../src/snapshot/mhtml';
import { sniffImage } from '../../db/repositories/briefing-images';
import { listWarcPages, plainWarc, readWarcPage, WarcReadError, type WarcCapture, type WarcListing } from './warc';
import { ZipReadError, ZipReader } from './zip-reader';

type ImageType = NonNullable<ReturnType<typeof sniffImage>>;

/**
 * Saved pages that come inside a container: MHTML (one page and its resources), WARC and WACZ
 * (any number of captures). The container's bytes are what is stored and hashed; the page chosen
 * inside it is what the text is extracted from.
 */

/** Most bytes an archive may unpack to (its WARCs inflated): four times the snapshot limit. */
export const ARCHIVE_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;
/** Most files a WACZ may hold. */
export const WACZ_MAX_ENTRIES = 10_000;

/** The page inside an archive: its HTML bytes and what the archive says about its capture. */
export interface ArchivedPage {
  body: Uint8Array;
  /** The charset the archive declares for the page (HTTP response or MIME part), if any. */
  charset: string | null;
  url: string | null;
  capturedAt: string | null;
  /** The images the container carries with the page (MHTML only), to be kept for viewing. */
  images: SnapshotResource[];
}

/** An image part of an MHTML, under the address the page names it by. */
export interface SnapshotResource {
  location: string;
  mediaType: ImageType;
  bytes: Uint8Array;
}

/** Most images kept from one MHTML page; a page with more keeps the first ones. */
export const MHTML_MAX_IMAGES = 500;

/** The MHTML's image parts that really are PNG, JPEG, GIF or WebP (by their bytes), once each. */
function keptImages(resources: readonly MhtmlPart[]): SnapshotResource[] {
  const kept = new Map<string, SnapshotResource>();
  for (const part of resources) {
    const mediaType = sniffImage(part.bytes);
    const location = part.contentLocation ?? (part.contentId === null ? null : `cid:${part.contentId}`);
    if (mediaType === null || location === null || kept.has(location)) continue;
    kept.set(location, { location, mediaType, bytes: part.bytes });
    if (kept.size >= MHTML_MAX_IMAGES) break;
  }
  return [...kept.values()];
}

const FORMAT_NAMES: Readonly<Record<ArchiveFormat, string>> = {
  mhtml: 'an MHTML page',
  warc: 'a WARC web archive',
  wacz: 'a WACZ web archive',
};

function refusal(fileName: string, format: ArchiveFormat, reason: string): WarrantError {
  return new WarrantError('invalid_input', `${quotedFileName(fileName)} could not be read as ${FORMAT_NAMES[format]} (${reason}).`);
}

/** The WARC files inside an archive, each as plain (un-gzipped) bytes. */
interface OpenedArchive {
  warcs: Uint8Array[];
  /** URLs pages.jsonl names as the archive's pages (WACZ only). */
  namedPages: string[];
}

function openArchive(bytes: Uint8Array, format: 'warc' | 'wacz'): OpenedArchive {
  if (format === 'warc') return { warcs: [plainWarc(bytes, ARCHIVE_MAX_EXPANDED_BYTES)], namedPages: [] };
  const zip = new ZipReader(bytes, { maxEntries: WACZ_MAX_ENTRIES, maxTotalBytes: ARCHIVE_MAX_EXPANDED_BYTES });
  const names = zip.names.filter((name) => /^archive\/[^/]+\.warc(\.gz)?$/i.test(name)).sort();
  if (names.length === 0) throw new ZipReadError('it holds no archive/*.warc files');
  let expanded = 0;
  const warcs = names.map((name) => {
    // The WARCs of one WACZ share the budget: the limit is on the archive, not on each file.
    const plain = plainWarc(zip.read(name), ARCHIVE_MAX_EXPANDED_BYTES - expanded, ARCHIVE_MAX_EXPANDED_BYTES);
    expanded += plain.length;
    return plain;
  });
  return { warcs, namedPages: zip.names.includes('pages/pages.jsonl') ? pageUrls(zip.read('pages/pages.jsonl')) : [] };
}

/** The page URLs of a WACZ's pages.jsonl (its first line is a header without a URL). */
function pageUrls(jsonl: Uint8Array): string[] {
  const urls: string[] = [];
  for (const line of new TextDecoder().decode(jsonl).split('\n')) {
    try {
      const entry: unknown = JSON.parse(line);
      if (typeof entry === 'object' && entry !== null && 'url' in entry && typeof entry.url === 'string') urls.push(entry.url);
    } catch {
      // A blank or damaged line names no page; the captures themselves are still listed.
    }
  }
  return urls;
}

async function listPages(opened: OpenedArchive): Promise<WarcListing> {
  const all: WarcListing = { pages: [], refused: [] };
  for (const [index, warc] of opened.warcs.entries()) {
    const listing = await listWarcPages(warc, index);
    all.pages.push(...listing.pages);
    all.refused.push(...listing.refused);
  }
  // pages.jsonl tells the pages from the frames and other HTML fetched along the way.
  const named = all.pages.filter((page) => opened.namedPages.includes(page.url));
  if (named.length > 0) all.pages = named;
  return all;
}

async function readListing(
  bytes: Uint8Array,
  fileName: string,
  format: 'warc' | 'wacz',
): Promise<{ opened: OpenedArchive; listing: WarcListing }> {
  try {
    const opened = openArchive(bytes, format);
    const listing = await listPages(opened);
    if (listing.pages.length === 0) {
      const refused = listing.refused[0];
      if (refused) throw new WarcReadError(`its only HTML captures are refused: ${refused.url.slice(0, 80)}: ${refused.reason}`);
      throw new WarcReadError('it holds no captured HTML page');
    }
    return { opened, listing };
  } catch (error) {
    if (error instanceof WarcReadError || error instanceof ZipReadError) throw refusal(fileName, format, error.reason);
    throw error;
  }
}

/** The page to take without asking: the only one, or the only one pages.jsonl names. */
function obviousPage(listing: WarcListing, opened: OpenedArchive): string | null {
  if (listing.pages.length === 1) return listing.pages[0]?.pageId ?? null;
  const named = new Set(opened.namedPages);
  if (named.size === 1) {
    const matches = listing.pages.filter((page) => named.has(page.url));
    if (matches.length === 1) return matches[0]?.pageId ?? null;
  }
  return null;
}

/** The captured pages of a WARC or WACZ, for the analyst to pick from. MHTML has one page. */
export async function listArchivePages(bytes: Uint8Array, fileName: string): Promise<ArchivePageList> {
  const format = archiveFormatOf(fileName);
  if (format === null) return { format: null, pages: [], chosenPageId: null };
  if (format === 'mhtml') return { format, pages: [], chosenPageId: null };
  const { opened, listing } = await readListing(bytes, fileName, format);
  return { format, pages: listing.pages, chosenPageId: obviousPage(listing, opened) };
}

/** The page an archive holds (MHTML), or the one picked (WARC, WACZ; the obvious one when `pageId` is left out). */
export async function archivedPage(bytes: Uint8Array, fileName: string, format: ArchiveFormat, pageId?: string): Promise<ArchivedPage> {
  if (format === 'mhtml') {
    try {
      const document = parseMhtml(bytes);
      return {
        body: document.main.bytes,
        charset: document.main.charset,
        url: document.pageUrl,
        capturedAt: document.savedAt,
        images: keptImages(document.resources),
      };
    } catch (error) {
      if (error instanceof MhtmlReadError) throw refusal(fileName, format, error.reason);
      throw error;
    }
  }
  const { opened, listing } = await readListing(bytes, fileName, format);
  const wanted = pageId ?? obviousPage(listing, opened);
  if (wanted === undefined || wanted === null) {
    throw new WarrantError(
      'invalid_input',
      `${quotedFileName(fileName)} holds ${listing.pages.length} captured pages: pick the one to keep.`,
    );
  }
  const fileIndex = Number(wanted.split(':')[0]);
  const plain = opened.warcs[fileIndex];
  let capture: WarcCapture | null = null;
  try {
    if (plain) capture = await readWarcPage(plain, fileIndex, wanted, ARCHIVE_MAX_EXPANDED_BYTES);
  } catch (error) {
    if (error instanceof WarcReadError) throw refusal(fileName, format, error.reason);
    throw error;
  }
  if (!capture)
    throw new WarrantError('invalid_input', `${quotedFileName(fileName)} has no captured page with that id; pick one from its list.`);
  return { body: capture.body, charset: capture.charset, url: capture.url, capturedAt: capture.capturedAt, images: [] };
}

/** Decodes an archived page: byte-order mark, then the charset the archive declares, then the page's own. */
export function decodeArchivedHtml(page: ArchivedPage): DecodedText {
  const declared = page.charset === null ? null : canonicalEncoding(page.charset);
  const [first, second, third] = page.body;
  const hasBom =
    (first === 0xef && second === 0xbb && third === 0xbf) || (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
  if (declared !== null && !hasBom)
    return { text: new TextDecoder(declared).decode(page.body), encoding: declared, decidedBy: 'declared in the page' };
  return decodeCapturedText(page.body, { html: true });
}
