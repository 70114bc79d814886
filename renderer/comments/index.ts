// Review comments: the panel beside the text and the store it shares with the editor's plugin.
export { CommentMarksStore } from './comment-marks-store';
export { CommentsPanel } from './CommentsPanel';
export { BriefingAccessNotice, useBriefingAccess } from './briefing-access';
