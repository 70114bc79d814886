// What the editor offers the rest of the renderer (the briefing workspace): the composer, its
// body check, and the plugins' stores and contexts the panels beside it read.
export { BriefingComposer } from './BriefingComposer';
export { checkBody } from './parse-body';
export { registerDecorators } from './nodes/register-decorators';
export type { BodySaveStatus } from './plugins/autosave/autosave-controller';
export type { EditorText } from './plugins/autosave/AutosavePlugin';
export { CitationStore } from './plugins/citations/citation-store';
export { CitationContext } from './plugins/citations/CitationContext';
export { CITATION_MIME, INSERT_CITATION_COMMAND } from './plugins/citations/CitationsPlugin';
export { JudgementContext, type JudgementScope } from './plugins/judgements/JudgementContext';
export { JudgementStore } from './plugins/judgements/judgement-store';
export {
  markPendingComment,
  readPendingComment,
  removeCommentMarks,
  selectCommentedWords,
  type PendingComment,
} from './plugins/comments/comment-marks';
export { markQuotedWords } from './plugins/comments/quoted-marks';
