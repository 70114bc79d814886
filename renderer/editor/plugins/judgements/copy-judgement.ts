import type { RunCommand } from '../../../data/mutations';
import type { Yardstick } from '../../../../src/domain/briefing';
import { likelihoodTerm, nearestTerm, type Judgement } from '../../../../src/domain/judgement';

/** The original's likelihood in the target briefing's yardstick (the nearest term when they differ). */
function likelihoodIn(original: Judgement, from: Yardstick, to: Yardstick): string | null {
  if (original.likelihood === null) return null;
  if (from === to) return likelihoodTerm(to, original.likelihood)?.key ?? null;
  return nearestTerm(from, original.likelihood, to)?.key ?? null;
}

/**
 * A new judgement in `briefingId` with the original's statement, likelihood, confidence,
 * rationale and live evidence links: what a pasted judgement block becomes, so two blocks never
 * share one record (editing one would silently change the other, even in another briefing).
 */
export async function copyJudgementInto(
  command: RunCommand,
  original: Judgement,
  briefingId: string,
  yardstick: Yardstick,
): Promise<Judgement> {
  const from = original.briefingId === briefingId ? yardstick : (await command('briefings.get', { id: original.briefingId })).yardstick;
  const created = await command('judgements.create', {
    briefingId,
    draft: {
      statement: original.statement,
      likelihood: likelihoodIn(original, from, yardstick),
      confidence: original.confidence,
      rationale: original.rationale,
    },
  });
  // Each link answers with the judgement as it now is, so the last answer is the finished copy.
  let copy = created;
  for (const link of original.evidence) {
    if (link.item.state !== 'live') continue;
    const linked = await command('judgements.link', {
      judgementId: created.id,
      item: { kind: link.item.kind, id: link.item.id },
      link: { stance: link.stance, note: link.note },
    });
    copy = linked.judgement;
  }
  return copy;
}
