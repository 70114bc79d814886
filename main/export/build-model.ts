import { achTable } from '../../src/analysis/ach-table';
import type { Workspace } from '../../db/workspace';
import type { CitationRef } from '../../src/domain/briefing';
import type { Judgement } from '../../src/domain/judgement';
import { imageIds, type BriefingDocument } from '../../src/export/document';
import { briefingDocument } from '../../src/export/lexical-document';
import type { ExportCapture, ExportModel, ExportProblem, ExportQuote, ExportSource } from '../../src/export/model';
import { captureFormatLabel } from '../../src/domain/snapshot';
import { judgementCaveats } from '../../src/export/product-page';
import { analysisLines } from '../../src/export/analysis-line';
import { matrixStandingsOf } from './matrix-standings';
import { exportProblems } from '../../src/export/problems';
import { ocrRegionText } from '../../src/snapshot/ocr';
import { pageRegionText } from '../../src/snapshot/pdf-selection';
import type { Quote } from '../../src/domain/quote';
import { strandsTouching } from '../../src/judgement/independence';
import { runTradecraftChecks } from '../../src/tradecraft';
import { WarrantError } from '../../src/contract/errors';

/** Where a briefing's key judgements come from (the judgement store, wired by the host). */
export type LoadJudgements = (briefingId: string) => Judgement[];

/** Until the judgement store is wired in, exports carry no judgements. */
export const NO_JUDGEMENTS: LoadJudgements = () => [];

/** Extra checks whose problems the export dialog lists with its own (e.g. tradecraft checks). */
export type LoadProblems = (model: Omit<ExportModel, 'problems'>) => ExportProblem[];

function location(quote: { page: number | null; paragraph: string; timestamp: string }): string {
  return [quote.page !== null ? `p. ${quote.page}` : '', quote.paragraph ? `para. ${quote.paragraph}` : '', quote.timestamp]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * Where a quote stands; for one cut from OCR text, with the region of the image it covers (or
 * the page and region of a scanned PDF, which then says the page itself); for one cut on a
 * rendered PDF page, the region of the page.
 */
function quoteLocation(workspace: Workspace, quote: Quote): string {
  const [place] = quote.span ? workspace.snapshots.ocrRegions(quote.snapshotId, [quote.span]) : [null];
  if (!place) return [location(quote), pageRegionLocation(quote)].filter(Boolean).join(', ');
  const rest = location(place.page === undefined ? quote : { ...quote, page: null });
  return [rest, ocrRegionText(place)].filter(Boolean).join(', ');
}

/** For a quote selected on a rendered PDF page, where on that page (the page number is said already). */
function pageRegionLocation(quote: Pick<Quote, 'page' | 'region'>): string {
  return quote.page !== null && quote.region ? pageRegionText(quote.region) : '';
}

/**
 * Gathers one briefing's export model from the workspace: the body, judgements, the live
 * quotes and sources its citations and evidence point at (in reading order), and images.
 */
export function buildExportModel(
  workspace: Workspace,
  briefingId: string,
  loadJudgements: LoadJudgements = NO_JUDGEMENTS,
  loadProblems?: LoadProblems,
): { model: ExportModel; doc: BriefingDocument } {
  const briefing = workspace.briefings.get(briefingId);
  let doc: BriefingDocument;
  try {
    doc = briefingDocument(briefing.body);
  } catch {
    throw new WarrantError(
      'invalid_input',
      'This briefing’s text cannot be read, so it cannot be exported. Open it to recover its text first.',
    );
  }
  const judgements = loadJudgements(briefingId);
  const refs: CitationRef[] = [
    ...doc.notes.map((note) => ({ kind: note.kind, id: note.id })),
    ...judgements.flatMap((j) => j.evidence.map((link) => ({ kind: link.item.kind, id: link.item.id }))),
  ];
  const sourceOrder: string[] = [];
  const quotes = new Map<string, ExportQuote>();
  // Each cited capture is re-hashed once: the annex and the notes attest these bytes, not a past check.
  const captures = new Map<string, ExportCapture | null>();
  // A note names its capture only when the source has several: with one, the annex's hash is it.
  const captureOf = (sourceId: string, snapshotId: string | null): ExportCapture | null => {
    if (snapshotId === null || workspace.snapshots.count(sourceId) < 2) return null;
    if (!captures.has(snapshotId)) {
      const info = workspace.snapshots.recheck(sourceId, snapshotId);
      captures.set(
        snapshotId,
        info && {
          capturedAt: info.capturedAt,
          format: captureFormatLabel(info),
          sha256: info.sha256,
          foundSha256: info.hashCheck.foundSha256,
        },
      );
    }
    return captures.get(snapshotId) ?? null;
  };
  const resolved = workspace.citations.resolve(refs);
  for (const target of resolved) {
    if (target.state !== 'live') continue;
    if (target.kind === 'quote') {
      if (quotes.has(target.id)) continue;
      const quote = workspace.quotes.get(target.id);
      quotes.set(quote.id, {
        id: quote.id,
        sourceId: quote.sourceId,
        text: quote.text,
        speaker: quote.speaker,
        dateSaid: quote.dateSaid,
        credibility: quote.credibility,
        location: quoteLocation(workspace, quote),
        capture: captureOf(quote.sourceId, quote.snapshotId),
      });
      if (!sourceOrder.includes(quote.sourceId)) sourceOrder.push(quote.sourceId);
    } else if (!sourceOrder.includes(target.id)) {
      sourceOrder.push(target.id);
    }
  }
  const citedCaptures = (sourceId: string): ExportCapture[] => {
    const cited = new Set([...quotes.values()].filter((quote) => quote.sourceId === sourceId).map((quote) => quote.capture));
    return [...cited]
      .filter((capture): capture is ExportCapture => capture != null)
      .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
  };
  const sources: ExportSource[] = sourceOrder.map((id) => {
    const source = workspace.sources.get(id);
    // Always re-hashed before an export: the annex attests these bytes, not a past check.
    const snapshot = source.hasSnapshot ? workspace.snapshots.recheck(id) : null;
    return {
      id,
      title: source.title,
      kind: source.kind,
      author: source.author,
      publisher: source.publisher,
      url: source.url,
      doi: source.doi,
      isbn: source.isbn,
      publishedDate: source.publishedDate,
      accessedDate: source.accessedDate,
      reliability: source.reliability,
      snapshotSha256: snapshot?.sha256 ?? null,
      snapshotFoundSha256: snapshot?.hashCheck.foundSha256 ?? null,
      snapshotArchive: snapshot?.archive ?? null,
      captureCount: workspace.snapshots.count(id),
      citedCaptures: citedCaptures(id),
      derivedFrom: workspace.derivations.linksOf(id).derivedFrom.map((origin) => ({ id: origin.id, title: origin.title })),
    };
  });
  // The product page prints the tradecraft checks' verdicts on each judgement's ground as caveats.
  const evidenceSources = judgements.flatMap((j) => j.evidence.map((link) => link.item.sourceId).filter((id): id is string => id !== null));
  const standings = matrixStandingsOf(workspace, judgements);
  const caveats = judgementCaveats(
    runTradecraftChecks({
      yardstick: briefing.yardstick,
      judgements,
      derivations: strandsTouching(evidenceSources, workspace.evidence.derivations()),
      analysis: { matrices: standings },
    }),
  );
  const images = imageIds(doc.blocks).flatMap((id) => {
    try {
      const image = workspace.images.get(id);
      return [{ id, mediaType: image.mediaType, base64: Buffer.from(image.bytes).toString('base64') }];
    } catch {
      return [];
    }
  });
  const partial: Omit<ExportModel, 'problems'> = {
    briefing: {
      id: briefing.id,
      title: briefing.title,
      typeName: briefing.typeName,
      status: briefing.status,
      author: briefing.author,
      date: briefing.date,
      marking: briefing.marking,
      summary: briefing.summary,
      yardstick: briefing.yardstick,
      tags: briefing.tags.map((tag) => tag.path),
      wordCount: briefing.wordCount,
      wordLimit: briefing.wordLimit,
      reference: briefing.reference,
      cutoffDate: briefing.cutoffDate,
      dissemination: briefing.dissemination,
    },
    body: briefing.body,
    judgements,
    matrices: workspace.ach.list(briefingId).map((summary) => achTable(workspace.ach.get(summary.id))),
    comments: workspace.comments
      .list(briefingId)
      .filter((thread) => thread.resolvedAt === null)
      .map((thread) => ({ anchor: thread.anchor, comments: thread.comments })),
    indicators: [
      ...judgements.flatMap((j) => workspace.indicators.listFor({ kind: 'judgement', id: j.id })),
      ...workspace.ach.list(briefingId).flatMap((m) => workspace.indicators.listFor({ kind: 'matrix', id: m.id })),
    ],
    assumptions: workspace.assumptions.list(briefingId),
    sources,
    quotes: [...quotes.values()],
    images,
    caveats,
    analysisLines: analysisLines(standings),
    generatedAt: new Date().toISOString(),
  };
  const problems = [...exportProblems(partial, doc), ...(loadProblems?.(partial) ?? [])];
  return { model: { ...partial, problems }, doc };
}
