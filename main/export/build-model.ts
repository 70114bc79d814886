import type { Workspace } from '../../db/workspace';
import type { CitationRef } from '../../src/domain/briefing';
import type { Judgement } from '../../src/domain/judgement';
import { imageIds, type BriefingDocument } from '../../src/export/document';
import { briefingDocument } from '../../src/export/lexical-document';
import type { ExportModel, ExportProblem, ExportQuote, ExportSource } from '../../src/export/model';
import { judgementCaveats } from '../../src/export/product-page';
import { exportProblems } from '../../src/export/problems';
import { ocrRegionText } from '../../src/snapshot/ocr';
import { strandsTouching } from '../../src/judgement/independence';
import { runTradecraftChecks } from '../../src/tradecraft';
import { WarrantError } from '../../src/contract/errors';
import type { Quote } from '../../src/domain/quote';

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
 * the page and region of a scanned PDF, which then says the page itself).
 */
function quoteLocation(workspace: Workspace, quote: Quote): string {
  const [place] = quote.span ? workspace.snapshots.ocrRegions(quote.sourceId, [quote.span]) : [null];
  if (!place) return location(quote);
  const rest = location(place.page === undefined ? quote : { ...quote, page: null });
  return [rest, ocrRegionText(place)].filter(Boolean).join(', ');
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
      });
      if (!sourceOrder.includes(quote.sourceId)) sourceOrder.push(quote.sourceId);
    } else if (!sourceOrder.includes(target.id)) {
      sourceOrder.push(target.id);
    }
  }
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
      publishedDate: source.publishedDate,
      accessedDate: source.accessedDate,
      reliability: source.reliability,
      snapshotSha256: snapshot?.sha256 ?? null,
      snapshotFoundSha256: snapshot?.hashCheck.foundSha256 ?? null,
      snapshotArchive: snapshot?.archive ?? null,
      derivedFrom: workspace.derivations.linksOf(id).derivedFrom.map((origin) => ({ id: origin.id, title: origin.title })),
    };
  });
  // The product page prints the tradecraft checks' verdicts on each judgement's ground as caveats.
  const evidenceSources = judgements.flatMap((j) => j.evidence.map((link) => link.item.sourceId).filter((id): id is string => id !== null));
  const caveats = judgementCaveats(
    runTradecraftChecks({
      yardstick: briefing.yardstick,
      judgements,
      derivations: strandsTouching(evidenceSources, workspace.evidence.derivations()),
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
    sources,
    quotes: [...quotes.values()],
    images,
    caveats,
    generatedAt: new Date().toISOString(),
  };
  const problems = [...exportProblems(partial, doc), ...(loadProblems?.(partial) ?? [])];
  return { model: { ...partial, problems }, doc };
}
