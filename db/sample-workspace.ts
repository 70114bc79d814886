import { writeSampleAssumptions } from './sample-assumptions';
import { existsSync, rmSync } from 'node:fs';
import { WarrantError } from '../src/contract/errors';
import { BodySaveSchema, BriefingMetaSchema } from '../src/domain/briefing';
import { QuoteDraftSchema } from '../src/domain/quote';
import { SourceDraftSchema } from '../src/domain/source';
import { TagPathSchema } from '../src/domain/tag';
import {
  bodyFacts,
  SAMPLE_WORKSPACE,
  sampleBodyState,
  type SampleCapture,
  type SampleJudgement,
  type SampleKey,
  type SampleWorkspace,
} from '../src/sample';
import { decodeCapturedText } from '../src/snapshot/charset';
import { htmlToText } from '../src/snapshot/html-text';
import { codePointLength } from '../src/text/code-points';
import { Workspace } from './workspace';
import { localDay } from '../src/analysis/indicators';
import { writeSampleIndicators } from './sample-indicators';

/**
 * Writes the sample's key judgements into the new workspace. The judgement store lives apart
 * from this builder, so whoever builds the sample passes this step in. `idsByKey` maps every
 * sample key (sources, quotes, tags) to the id its record was given; `workspace` is the new
 * workspace, still open. Returns how many judgements it wrote.
 */
export type WriteJudgements = (
  briefingId: string,
  judgements: readonly SampleJudgement[],
  idsByKey: ReadonlyMap<SampleKey, string>,
  workspace: Workspace,
) => number;

export interface SampleBuild {
  path: string;
  briefingId: string;
  idsByKey: ReadonlyMap<SampleKey, string>;
  counts: { tags: number; sources: number; quotes: number; derivations: number; judgements: number };
}

export interface SampleOptions {
  /** Writes the judgements; without it the sample has everything but its key judgements. */
  writeJudgements?: WriteJudgements;
  now?: () => string;
  sample?: SampleWorkspace;
  /** The better-sqlite3 binary of the host building it (the desktop app's Electron build). */
  nativeBinding?: string;
}

/**
 * Creates a new workspace file at `path` holding the sample: tags, sources with their
 * derived-from links, graded quotes, and the briefing with its body and citations, all written
 * through the repositories (and their validation) as the app would. Refuses to touch an existing
 * file; a failure part-way removes the new file, so there is never half a sample.
 */
export function buildSampleWorkspace(path: string, options: SampleOptions = {}): SampleBuild {
  if (existsSync(path)) throw new WarrantError('invalid_input', `“${path}” already exists: choose a new file for the sample workspace.`);
  const sample = options.sample ?? SAMPLE_WORKSPACE;
  const workspace = Workspace.open(path, {
    create: true,
    nativeBinding: options.nativeBinding,
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    // The sample's review days count from the day it is built (see src/sample/nato-asia-2017-indicators.ts).
    const today = localDay(new Date(options.now ? options.now() : Date.now()));
    const build = fill(workspace, sample, options.writeJudgements);
    writeSampleIndicators(
      workspace,
      sample,
      build.briefingId,
      (key) => {
        const id = build.idsByKey.get(key);
        if (id === undefined) throw new Error(`A sample indicator was seen in “${key}”, which the sample does not define.`);
        return id;
      },
      today,
    );
    workspace.close();
    return { path, ...build };
  } catch (error) {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
}

function fill(workspace: Workspace, sample: SampleWorkspace, writeJudgements: WriteJudgements | undefined): Omit<SampleBuild, 'path'> {
  const ids = new Map<SampleKey, string>();
  const idOf = (key: SampleKey): string => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`The sample refers to “${key}”, which it does not define.`);
    return id;
  };
  const snapshotTexts = new Map<SampleKey, string>();
  for (const tag of sample.tags) ids.set(tag.key, workspace.tags.create(TagPathSchema.parse(tag.path), null).id);
  for (const source of sample.sources) {
    const created = workspace.sources.create(SourceDraftSchema.parse(source.draft));
    ids.set(source.key, created.id);
    if (source.tags.length > 0) workspace.tags.apply(source.tags.map(idOf), [{ kind: 'source', id: created.id }], false);
    if (source.capture) snapshotTexts.set(source.key, attachCapture(workspace, created.id, source.capture));
  }
  for (const quote of sample.quotes) {
    const span = quote.draft.verbatim ? spanIn(snapshotTexts.get(quote.sourceKey), quote.draft.text) : null;
    const draft = { ...quote.draft, sourceId: idOf(quote.sourceKey), ...(span ? { span } : {}) };
    const created = workspace.quotes.create(QuoteDraftSchema.parse(draft));
    ids.set(quote.key, created.id);
    if (quote.tags.length > 0) workspace.tags.apply(quote.tags.map(idOf), [{ kind: 'quote', id: created.id }], false);
  }
  for (const link of sample.derivations) workspace.derivations.link(idOf(link.sourceKey), idOf(link.originKey));

  const { briefing } = sample;
  const type = workspace.productTypes.get(briefing.typeId);
  const created = workspace.briefings.create({
    title: briefing.title,
    typeId: type.id,
    author: briefing.author,
    marking: briefing.marking,
    date: briefing.date,
  });
  workspace.briefings.updateMeta(
    created.id,
    BriefingMetaSchema.parse({
      title: briefing.title,
      typeId: type.id,
      status: briefing.status,
      author: briefing.author,
      date: briefing.date,
      marking: briefing.marking,
      summary: briefing.summary,
      yardstick: briefing.yardstick,
      tagIds: briefing.tags.map(idOf),
    }),
  );
  const kinds = new Map<SampleKey, 'quote' | 'source'>([
    ...sample.sources.map((s) => [s.key, 'source'] as const),
    ...sample.quotes.map((q) => [q.key, 'quote'] as const),
  ]);
  const body = sampleBodyState(briefing, type, (key) => {
    const kind = kinds.get(key);
    if (!kind) throw new Error(`The sample body cites “${key}”, which is not a quote or source of the sample.`);
    return { kind, id: idOf(key) };
  });
  const facts = bodyFacts(body);
  workspace.briefings.saveBody(BodySaveSchema.parse({ id: created.id, body, bodyText: facts.text, wordCount: facts.count.total }));

  writeReview(workspace, briefing, created.id);
  const judgements = writeJudgements ? writeJudgements(created.id, sample.judgements, ids, workspace) : 0;
  writeMatrix(workspace, sample, created.id, idOf);
  writeSampleAssumptions(workspace, sample, created.id);
  return {
    briefingId: created.id,
    idsByKey: ids,
    counts: {
      tags: sample.tags.length,
      sources: sample.sources.length,
      quotes: sample.quotes.length,
      derivations: sample.derivations.length,
      judgements,
    },
  };
}

/** The sample's review comments: each thread on the words its anchor marks in the text. */
function writeReview(workspace: Workspace, briefing: SampleWorkspace['briefing'], briefingId: string): void {
  for (const thread of briefing.review ?? []) {
    const words = briefing.sections
      .flatMap((section) => section.paragraphs.flat())
      .find((part) => typeof part === 'object' && 'comment' in part && part.comment === thread.anchor);
    const [first, ...replies] = thread.comments;
    if (!words || typeof words !== 'object' || !('words' in words) || first === undefined) {
      throw new Error(`The sample's review thread “${thread.anchor}” has no marked words or no comment.`);
    }
    const started = workspace.comments.start(briefingId, thread.anchor, words.words, first);
    for (const reply of replies) workspace.comments.reply(started.id, reply);
  }
}

/** The sample's ACH matrix, built as the analyst would: hypotheses, then items, then each rating. */
function writeMatrix(workspace: Workspace, sample: SampleWorkspace, briefingId: string, idOf: (key: SampleKey) => string): void {
  const matrix = sample.matrix;
  const quoteKeys = new Set(sample.quotes.map((quote) => quote.key));
  let stored = workspace.ach.create(matrix.title, matrix.question, briefingId, matrix.hypotheses);
  for (const item of matrix.items) {
    const draft =
      'key' in item
        ? {
            kind: quoteKeys.has(item.key) ? ('quote' as const) : ('source' as const),
            targetId: idOf(item.key),
            text: '',
            relevance: item.relevance,
          }
        : { kind: item.kind, targetId: null, text: item.text, relevance: item.relevance };
    stored = workspace.ach.addItem(stored.id, draft);
  }
  matrix.items.forEach((item, row) => {
    const itemId = stored.items[row]?.id;
    item.ratings.forEach((rating, column) => {
      const hypothesisId = stored.hypotheses[column]?.id;
      if (itemId && hypothesisId && rating !== 'N') workspace.ach.rate(stored.id, itemId, hypothesisId, rating, 'N');
    });
  });
  // Judgements are matched by statement: the sample writes them apart (and may leave them out).
  const written = workspace.judgements.list(briefingId).items;
  for (const citation of matrix.citedBy ?? []) {
    const statement = sample.judgements.find((judgement) => judgement.key === citation.judgementKey)?.statement;
    const judgement = written.find((candidate) => candidate.statement === statement);
    const hypothesisId = stored.hypotheses[citation.hypothesis]?.id;
    if (judgement && hypothesisId) workspace.matrixCitations.cite(judgement.id, { matrixId: stored.id, hypothesisId }, undefined);
  }
}

/** Stores a capture as the app stores an attached HTML file: its bytes unchanged, its text extracted the same way. */
function attachCapture(workspace: Workspace, sourceId: string, capture: SampleCapture): string {
  const bytes = new TextEncoder().encode(capture.html);
  const { text: decoded, encoding } = decodeCapturedText(bytes, { html: true });
  const { text } = htmlToText(decoded);
  workspace.snapshots.attach(sourceId, { fileName: capture.fileName, mediaType: 'text/html', bytes, text, pageOffsets: null, encoding });
  return text;
}

/** Where a verbatim quote stands in its source's snapshot text, in code points, so it is cut from the capture as an analyst would. */
function spanIn(snapshotText: string | undefined, quoteText: string): { start: number; end: number } | null {
  if (snapshotText === undefined) return null;
  const at = snapshotText.indexOf(quoteText);
  if (at < 0) throw new Error(`The sample quote “${quoteText}” is not in its source's capture.`);
  const start = codePointLength(snapshotText.slice(0, at));
  return { start, end: start + codePointLength(quoteText) };
}
