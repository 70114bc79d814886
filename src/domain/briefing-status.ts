// Apart from briefing.ts's schemas (built by zod at import): library search results show these labels.

export const BRIEFING_STATUSES = ['draft', 'in_review', 'final'] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];
export const BRIEFING_STATUS_LABELS: Readonly<Record<BriefingStatus, string>> = { draft: 'Draft', in_review: 'In review', final: 'Final' };
