import { useCallback, useEffect, useState } from 'react';
import { useCommandHandler } from '../commands/registry';
import { readInspectorPrefs, writeInspectorPrefs, type InspectorPrefs, type InspectorTab } from './inspector-prefs';

/**
 * How an open briefing is laid out, apart from what it holds: the inspector (tab, width, hidden,
 * kept in this browser) and focus mode, with the commands that change them.
 */
export function useWorkspaceLayout() {
  const [prefs, setPrefsState] = useState<InspectorPrefs>(readInspectorPrefs);
  const setPrefs = useCallback((patch: Partial<InspectorPrefs>) => {
    setPrefsState((prev) => {
      const next = { ...prev, ...patch };
      writeInspectorPrefs(next);
      return next;
    });
  }, []);
  const [focusMode, setFocusMode] = useState(false);
  // Focus mode hides the app's own header too, which lives outside this view.
  useEffect(() => {
    if (!focusMode) return;
    document.documentElement.dataset.focusMode = 'on';
    return () => {
      delete document.documentElement.dataset.focusMode;
    };
  }, [focusMode]);
  /** Shows the inspector on `tab`, leaving focus mode (a panel asks to be seen). */
  const reveal = useCallback(
    (tab: InspectorTab) => {
      setFocusMode(false);
      setPrefs({ collapsed: false, tab });
    },
    [setPrefs],
  );
  const inspectorShown = !prefs.collapsed && !focusMode;
  /** Shown: hide it; hidden (or hidden by focus mode): show it. */
  const toggleInspector = (): void => {
    setFocusMode(false);
    setPrefs({ collapsed: inspectorShown });
  };

  useCommandHandler('briefing.inspector', toggleInspector);
  useCommandHandler('briefing.assumptions', () => reveal('assumptions'));
  useCommandHandler('briefing.focusMode', () => setFocusMode((on) => !on));
  useCommandHandler('briefing.leaveFocus', () => setFocusMode(false), focusMode);

  return { prefs, setPrefs, focusMode, setFocusMode, inspectorShown, toggleInspector, reveal };
}
