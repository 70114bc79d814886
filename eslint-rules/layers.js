// Warrant's layering: src/ is the shared core; db/ and renderer/ build on it; main/ wires src/ and db/.
const REACT = { name: 'react*', reason: 'React belongs in renderer/.' };
const ELECTRON = { name: 'electron', reason: 'Electron belongs in main/.' };
const SQLITE = { name: 'better-sqlite3', reason: 'SQLite belongs in db/.' };
// Only the desktop shell runs inside Electron; the browser host and the CLI must load without it.
const ELECTRON_OUTSIDE_SHELL = {
  name: 'electron',
  reason: 'only main/electron/ runs inside Electron; the browser host and the CLI load without it.',
  except: 'main/electron',
};
const LEXICAL_REACT = { name: '@lexical/react', reason: 'React parts of the editor belong in renderer/.' };

export const LAYERS = {
  src: { folders: [], noNodeBuiltins: true, bannedPackages: [REACT, ELECTRON, SQLITE, LEXICAL_REACT] },
  db: { folders: ['src'], bannedPackages: [REACT, ELECTRON] },
  renderer: { folders: ['src'], noNodeBuiltins: true, bannedPackages: [ELECTRON, SQLITE] },
  main: { folders: ['src', 'db'], bannedPackages: [REACT, ELECTRON_OUTSIDE_SHELL] },
};

// Renderer folders every feature may import file by file (eslint-rules/feature-index.js); any
// other renderer folder is a feature, reached from outside only through its index.ts. They are
// shared by design, not by exemption: `app/` is the frame and holds what every view uses to reach
// the host and the other views (useClient, error-message, the router and routes); `shell/` holds
// the shared pieces (dialogs, toasts, jobs, stores); `transport/` is the connection to the host;
// `data/` is the one data layer every view reads and writes through (see ARCHITECTURE.md);
// `commands/` is the one command table every view registers its handlers and shortcut labels with.
export const SHARED_RENDERER_FOLDERS = ['app', 'shell', 'transport', 'data', 'commands'];
