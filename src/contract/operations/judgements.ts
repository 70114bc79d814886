import { z } from 'zod';
import { BackLinksSchema } from '../../domain/back-links';
import { YARDSTICKS } from '../../domain/briefing';
import { RecordId, Timestamp } from '../../domain/fields';
import {
  CapturedJudgementSchema,
  EditSession,
  EvidenceLinkDraftSchema,
  EvidenceLinkSchema,
  EvidenceRefSchema,
  JudgementChangeSchema,
  JudgementDraftSchema,
  JudgementSchema,
} from '../../domain/judgement';
import { MatrixCitationTargetSchema } from '../../domain/matrix-citation';
import { command, query } from '../define';

/** A new judgement may start with any of its fields; the rest start empty. */
const NewJudgementSchema = JudgementDraftSchema.partial().strict();

/** The judgement's `version` a write started from; a stale one is refused with `conflict`. */
const BaseVersion = z.number().int().min(0);

/**
 * What an evidence change answers with besides the link: the judgement as it now is (evidence and
 * counts) and its briefing's derived-from strands, so the UI shows the change without reading again.
 */
const JudgementAfterLinkSchema = z.object({
  judgement: JudgementSchema,
  /** As in `judgements.list`: derived-from links in the strands of the briefing's linked sources. */
  derivations: z.array(z.tuple([RecordId, RecordId])),
});

/** The key-judgement part of the contract (spread into `operations`). */
export const JUDGEMENT_OPERATIONS = {
  'judgements.list': query(
    'A briefing’s key judgements in order, with their evidence resolved and counts per stance (independent sources through derived-from links).',
    z.object({ briefingId: RecordId }).strict(),
    z.object({
      yardstick: z.enum(YARDSTICKS),
      items: z.array(JudgementSchema),
      /** Derived-from links [derived, origin] in the strands of the linked sources, for the tradecraft checks. */
      derivations: z.array(z.tuple([RecordId, RecordId])),
    }),
  ),
  'judgements.get': query('One key judgement with its evidence and counts.', z.object({ id: RecordId }).strict(), JudgementSchema),
  'judgements.create': command(
    'Add a key judgement to a briefing (at the end; the editor places its block).',
    z.object({ briefingId: RecordId, draft: NewJudgementSchema.default({}) }).strict(),
    JudgementSchema,
  ),
  'judgements.update': command(
    'Replace a judgement’s statement, likelihood (a term key of the briefing’s yardstick), confidence and rationale; changes go to its change log, one entry per `editSession`.',
    z
      .object({ id: RecordId, draft: JudgementDraftSchema.strict(), baseVersion: BaseVersion, editSession: EditSession.optional() })
      .strict(),
    JudgementSchema,
  ),
  'judgements.reorder': command(
    'Put a briefing’s judgements in this order (every live judgement once); `baseOrder` is the stored order it started from.',
    z.object({ briefingId: RecordId, ids: z.array(RecordId).max(500), baseOrder: z.array(RecordId).max(500) }).strict(),
    z.object({ reordered: z.literal(true) }),
  ),
  'judgements.delete': command(
    'Move a key judgement (with its links) to the trash, unless it changed since `baseVersion`.',
    z.object({ id: RecordId, baseVersion: BaseVersion }).strict(),
    z.object({ id: RecordId, deletedAt: Timestamp }),
  ),

  'judgements.link': command(
    'Link a quote or a whole source to a judgement, with a stance and a note; answers with the link and the judgement’s new counts.',
    z.object({ judgementId: RecordId, item: EvidenceRefSchema.strict(), link: EvidenceLinkDraftSchema.strict() }).strict(),
    EvidenceLinkSchema.extend(JudgementAfterLinkSchema.shape),
  ),
  'judgements.updateLink': command(
    'Change an evidence link’s stance or note; answers with the link and the judgement’s new counts.',
    z.object({ id: RecordId, link: EvidenceLinkDraftSchema.strict() }).strict(),
    EvidenceLinkSchema.extend(JudgementAfterLinkSchema.shape),
  ),
  'judgements.unlink': command(
    'Remove an evidence link; answers with the judgement’s new counts.',
    z.object({ id: RecordId }).strict(),
    JudgementAfterLinkSchema.extend({ unlinked: z.literal(true) }),
  ),
  'judgements.citeMatrix': command(
    'Make a judgement cite an ACH matrix, naming the hypothesis it supports (null: cite none), unless its citation changed since `baseVersion` (0: it had none).',
    z.object({ judgementId: RecordId, citation: MatrixCitationTargetSchema.strict().nullable(), baseVersion: BaseVersion }).strict(),
    JudgementAfterLinkSchema,
  ),

  'judgements.changes': query(
    'A judgement’s change log, newest first: one entry per editing session.',
    z.object({ judgementId: RecordId }).strict(),
    z.object({ items: z.array(JudgementChangeSchema) }),
  ),
  'judgements.usedIn': query(
    'Back-links of a quote or source: briefings citing it and judgements linking it (a source includes its quotes).',
    EvidenceRefSchema.strict(),
    BackLinksSchema,
  ),
  'judgements.ofRevision': query(
    'The judgements a revision kept (`captured` is false for revisions older than judgements).',
    z.object({ revisionId: RecordId }).strict(),
    z.object({ captured: z.boolean(), items: z.array(CapturedJudgementSchema) }),
  ),
} as const;
