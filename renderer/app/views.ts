/** The main navigation's destinations, with the commands that go there (and their shortcuts). */
export const VIEWS = [
  { id: 'library', label: 'Library', command: 'go.library' },
  { id: 'briefings', label: 'Briefings', command: 'go.briefings' },
  { id: 'trash', label: 'Trash', command: 'go.trash' },
  { id: 'settings', label: 'Settings', command: 'go.settings' },
  { id: 'tags', label: 'Tags', command: 'go.tags' },
  { id: 'analysis', label: 'Analysis', command: 'go.analysis' },
  { id: 'indicators', label: 'Indicators', command: 'go.indicators' },
  { id: 'team', label: 'Team', command: 'go.team' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];
