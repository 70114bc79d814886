import type { Route } from '../app/routes';

/** Where the analyst is when a key is pressed or the palette opens: what `when` decides on. */
export interface CommandContext {
  /** The route's view (`source` and `briefing` are one record open in the library or briefings). */
  view: Route['view'];
  /** Focus is inside the briefing editor, where Lexical handles its own keys. */
  editorFocused: boolean;
  /** Focus is in a field or editable text, where a bare key such as `?` is typed, not a command. */
  typing: boolean;
  /** A modal dialog is open: commands that would act behind it wait until it closes. */
  dialogOpen: boolean;
  /** The workspace was opened read-only: commands that write are not offered. */
  readOnly: boolean;
  /** The desktop app: native dialogs and an application menu. */
  desktop: boolean;
}

export const ROUTE_VIEWS = [
  'library',
  'source',
  'briefings',
  'briefing',
  'trash',
  'settings',
  'tags',
  'analysis',
  'matrix',
  'unknown',
] as const satisfies readonly Route['view'][];
