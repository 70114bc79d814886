import { strandsTouching } from '../../src/judgement/independence';
import type { JUDGEMENT_OPERATIONS } from '../../src/contract/operations/judgements';
import type { Workspace } from '../../db/workspace';
import type { Judgement } from '../../src/domain/judgement';
import type { DomainHandlers, HandlerContext } from './context';

/** Derived-from links in the strands of the sources these judgements link (for the tradecraft checks). */
function derivationsOf(ws: Workspace, judgements: readonly Judgement[]): [string, string][] {
  const sources = judgements.flatMap((judgement) =>
    judgement.evidence.map((link) => link.item.sourceId).filter((id): id is string => id !== null),
  );
  return strandsTouching(sources, ws.evidence.derivations());
}

/** Wires the key-judgement operations to the open workspace. */
export function judgementsHandlers({ ws }: HandlerContext): DomainHandlers<typeof JUDGEMENT_OPERATIONS> {
  /** A judgement after its evidence changed, with its briefing's strands: what the UI would otherwise read again. */
  const afterLink = (judgementId: string) => {
    const judgement = ws().judgements.get(judgementId);
    return { judgement, derivations: derivationsOf(ws(), ws().judgements.list(judgement.briefingId).items) };
  };
  const handlers: DomainHandlers<typeof JUDGEMENT_OPERATIONS>['handlers'] = {
    'judgements.list': ({ briefingId }) => {
      const listed = ws().judgements.list(briefingId);
      return { ...listed, derivations: derivationsOf(ws(), listed.items) };
    },
    'judgements.get': ({ id }) => ws().judgements.get(id),
    'judgements.create': ({ briefingId, draft }) =>
      ws().judgements.create(briefingId, {
        statement: draft.statement ?? '',
        likelihood: draft.likelihood ?? null,
        confidence: draft.confidence ?? null,
        rationale: draft.rationale ?? '',
      }),
    'judgements.update': ({ id, draft, baseVersion, editSession }) => ws().judgements.update(id, draft, baseVersion, editSession ?? null),
    'judgements.reorder': ({ briefingId, ids, baseOrder }) => {
      ws().judgements.reorder(briefingId, ids, baseOrder);
      return { reordered: true as const };
    },
    'judgements.delete': ({ id, baseVersion }) => ({ id, deletedAt: ws().judgements.trash(id, baseVersion) }),
    'judgements.link': ({ judgementId, item, link }) => {
      const linked = ws().evidence.link(judgementId, item, link);
      return { ...linked, ...afterLink(linked.judgementId) };
    },
    'judgements.updateLink': ({ id, link }) => {
      const updated = ws().evidence.update(id, link);
      return { ...updated, ...afterLink(updated.judgementId) };
    },
    'judgements.unlink': ({ id }) => {
      const judgementId = ws().evidence.unlink(id);
      return { unlinked: true as const, ...afterLink(judgementId) };
    },
    'judgements.citeMatrix': ({ judgementId, citation, baseVersion }) => {
      ws().matrixCitations.cite(judgementId, citation, baseVersion);
      return afterLink(judgementId);
    },
    'judgements.changes': ({ judgementId }) => {
      ws().judgements.row(judgementId);
      return { items: ws().judgementChanges.list(judgementId) };
    },
    'judgements.usedIn': (ref) => ws().backLinks.usedIn(ref),
    'judgements.ofRevision': ({ revisionId }) => {
      const items = ws().revisions.judgementsOf(revisionId);
      return { captured: items !== null, items: items ?? [] };
    },
  };
  return { handlers, jobHandlers: {} };
}
