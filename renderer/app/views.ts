/** The main navigation's destinations, with their Alt+digit shortcuts. */
export const VIEWS = [
  { id: 'library', label: 'Library', shortcut: 'Alt+1' },
  { id: 'briefings', label: 'Briefings', shortcut: 'Alt+2' },
  { id: 'trash', label: 'Trash', shortcut: 'Alt+3' },
  { id: 'settings', label: 'Settings', shortcut: 'Alt+4' },
  { id: 'tags', label: 'Tags', shortcut: 'Alt+5' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];
