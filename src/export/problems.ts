import { countSerialized, type SerializedCountNode } from '../briefing/word-count';
import type { BriefingDocument } from './document';
import { formatCaptureTime } from '../domain/snapshot';
import { snapshotAltered, type ExportModel, type ExportProblem } from './model';
import { References } from './references';

/**
 * The problems an export can find on its own: broken citations and evidence links (they print as
 * "[missing source]"), snapshots whose bytes no longer match their recorded hash, and word counts over the product's limit or a section's cap. Other checks
 * (the tradecraft checks) are appended by the caller to the same list.
 */
export function exportProblems(model: Omit<ExportModel, 'problems'>, doc: BriefingDocument): ExportProblem[] {
  const problems: ExportProblem[] = [];
  const refs = new References({ ...model, problems: [] });
  for (const note of doc.notes) {
    if (refs.resolve(note).state === 'missing')
      problems.push({
        code: 'broken-citation',
        message: `Citation ${note.note}: the cited ${note.kind} is in the trash or no longer exists; it will print as “[missing source]”.`,
      });
  }
  model.judgements.forEach((judgement, index) => {
    const broken = judgement.evidence.filter((link) => refs.evidenceAnnex(link) === null).length;
    if (broken > 0)
      problems.push({
        code: 'broken-evidence',
        message: `Key judgement ${index + 1}: ${broken === 1 ? 'one evidence link points' : `${broken} evidence links point`} at a deleted quote or source.`,
      });
  });
  for (const source of model.sources) {
    if (snapshotAltered(source)) {
      problems.push({
        code: 'snapshot-hash-mismatch',
        message: `“${source.title}”: its snapshot was changed after capture (SHA-256 recorded ${source.snapshotSha256 ?? ''}, found ${source.snapshotFoundSha256 ?? ''}); quotes from it are not verified, and the annex will say “hash mismatch”.`,
      });
    }
    // An earlier capture that cited quotes came from is attested as much as the current one.
    for (const capture of source.citedCaptures ?? []) {
      if (capture.sha256 === source.snapshotSha256 || capture.foundSha256 === null || capture.foundSha256 === capture.sha256) continue;
      problems.push({
        code: 'snapshot-hash-mismatch',
        message: `“${source.title}”: its capture of ${formatCaptureTime(capture.capturedAt)} was changed after capture (SHA-256 recorded ${capture.sha256}, found ${capture.foundSha256}); quotes from it are not verified, and the annex will say “hash mismatch”.`,
      });
    }
  }
  const { wordCount, wordLimit } = model.briefing;
  if (wordLimit !== null && wordCount > wordLimit) {
    problems.push({
      code: 'over-limit',
      message: `The briefing has ${wordCount.toLocaleString('en')} words; a ${model.briefing.typeName} should not exceed ${wordLimit.toLocaleString('en')}.`,
    });
  }
  let counted: ReturnType<typeof countSerialized> | null;
  try {
    counted = countSerialized((JSON.parse(model.body) as { root: SerializedCountNode }).root);
  } catch {
    counted = null;
  }
  for (const section of counted?.sections ?? []) {
    if (section.cap !== null && section.words > section.cap) {
      problems.push({
        code: 'section-over-cap',
        message: `“${section.heading || 'Untitled section'}” has ${section.words.toLocaleString('en')} words; its cap is ${section.cap.toLocaleString('en')}.`,
      });
    }
  }
  return problems;
}
