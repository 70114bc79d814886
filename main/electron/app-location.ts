import type { AppLocation } from '../../src/security/url-policy';

/** The renderer is served from this custom scheme, never from a dev server or file:// URL. */
export const APP_SCHEME = 'app';
export const APP_LOCATION: AppLocation = { protocol: 'app:', host: 'warrant' };
export const APP_ENTRY_URL = 'app://warrant/index.html';

/** IPC channels the preload may use; nothing else crosses. */
export const CHANNELS = {
  call: 'warrant:call',
  job: 'warrant:job',
  file: 'warrant:file',
  upload: 'warrant:upload',
  jobEvent: 'warrant:job-event',
  /** Main to page only: a desktop menu command's id (the page runs it from its command table). */
  menuCommand: 'warrant:menu-command',
} as const;
