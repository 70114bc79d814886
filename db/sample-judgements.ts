import { BodySaveSchema } from '../src/domain/briefing';
import { EvidenceLinkDraftSchema, JudgementDraftSchema } from '../src/domain/judgement';
import { bodyFacts, type SampleJudgement, type SampleKey } from '../src/sample';
import type { WriteJudgements } from './sample-workspace';
import type { Workspace } from './workspace';

/** The serialized shapes this step reads and writes in a stored body. */
interface StoredNode {
  type: string;
  text?: string;
  children?: StoredNode[];
  [field: string]: unknown;
}

/** A heading's own words, so the Key Judgements section is found as the editor finds it. */
function textOf(node: StoredNode): string {
  return typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('');
}

/**
 * The Key Judgements section of a stored body: the top-level section whose heading names key
 * judgements, else the last section (where the editor would put new blocks too).
 */
function keyJudgementsSection(root: StoredNode): StoredNode {
  const sections = (root.children ?? []).filter((node) => node.type === 'section');
  const named = sections.find((section) => {
    const first = section.children?.[0];
    return first?.type === 'heading' && /key judg/i.test(textOf(first));
  });
  const section = named ?? sections.at(-1);
  if (!section) throw new Error('The sample briefing has no section to hold its key judgements.');
  return section;
}

/**
 * The sample's `writeJudgements` step: creates each judgement through the judgement store (its
 * yardstick check included), links its evidence by the sample keys with stance and note, then
 * adds one judgement block per judgement to the Key Judgements section of the stored body, so the
 * editor opens on them, and saves the body with its text and word count as the editor would.
 */
export const writeSampleJudgements: WriteJudgements = (briefingId, judgements, idsByKey, workspace) => {
  const idOf = (key: SampleKey): string => {
    const id = idsByKey.get(key);
    if (id === undefined) throw new Error(`A sample judgement links “${key}”, which the sample does not define.`);
    return id;
  };
  const created = judgements.map((judgement) => createOne(workspace, briefingId, judgement, idOf));

  const briefing = workspace.briefings.get(briefingId);
  const state = JSON.parse(briefing.body) as { root: StoredNode };
  const section = keyJudgementsSection(state.root);
  section.children = [
    ...(section.children ?? []),
    ...created.map(({ id, statement }) => ({ type: 'judgement', judgementId: id, statement, version: 1 })),
  ];
  const body = JSON.stringify(state);
  const facts = bodyFacts(body);
  workspace.briefings.saveBody(BodySaveSchema.parse({ id: briefingId, body, bodyText: facts.text, wordCount: facts.count.total }));
  return created.length;
};

function createOne(
  workspace: Workspace,
  briefingId: string,
  judgement: SampleJudgement,
  idOf: (key: SampleKey) => string,
): { id: string; statement: string } {
  const draft = JudgementDraftSchema.parse({
    statement: judgement.statement,
    likelihood: judgement.likelihood,
    confidence: judgement.confidence,
    rationale: judgement.rationale,
  });
  const record = workspace.judgements.create(briefingId, draft);
  for (const link of judgement.evidence) {
    workspace.evidence.link(
      record.id,
      { kind: link.kind, id: idOf(link.key) },
      EvidenceLinkDraftSchema.parse({ stance: link.stance, note: link.note }),
    );
  }
  return { id: record.id, statement: record.statement };
}
