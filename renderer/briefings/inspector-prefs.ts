/*
 * How the analyst left the briefing inspector: which tab, how wide, whether it was hidden. Kept
 * in this browser's storage (a matter of taste, not of the workspace), read once per open.
 */

export const INSPECTOR_TABS = ['evidence', 'assumptions', 'problems', 'library', 'revisions', 'comments'] as const;
export type InspectorTab = (typeof INSPECTOR_TABS)[number];

export const INSPECTOR_WIDTH = { min: 260, max: 560, initial: 340, step: 20 } as const;

export interface InspectorPrefs {
  tab: InspectorTab;
  width: number;
  collapsed: boolean;
}

const KEY = 'warrant.inspector';

export function clampWidth(width: number): number {
  return Math.round(Math.min(INSPECTOR_WIDTH.max, Math.max(INSPECTOR_WIDTH.min, width)));
}

export function readInspectorPrefs(): InspectorPrefs {
  const fallback: InspectorPrefs = { tab: 'evidence', width: INSPECTOR_WIDTH.initial, collapsed: false };
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return fallback;
    const { tab, width, collapsed } = stored as Record<string, unknown>;
    return {
      tab: INSPECTOR_TABS.find((known) => known === tab) ?? fallback.tab,
      width: typeof width === 'number' && Number.isFinite(width) ? clampWidth(width) : fallback.width,
      collapsed: collapsed === true,
    };
  } catch {
    return fallback;
  }
}

export function writeInspectorPrefs(prefs: InspectorPrefs): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or refused: the layout still works, it is just not remembered.
  }
}
