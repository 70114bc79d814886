import { RuleTester } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import layering from '../../eslint-rules/layering.js';
import { LAYERS } from '../../eslint-rules/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = fileURLToPath(new URL('../..', import.meta.url));
const options = [{ root, layers: LAYERS }];
const inSrc = join(root, 'src', 'contract', 'x.ts');
const atSrcTop = join(root, 'src', 'x.ts');
const inRenderer = join(root, 'renderer', 'x.ts');
const inDb = join(root, 'db', 'x.ts');
const inMain = join(root, 'main', 'x.ts');
const inDesktopShell = join(root, 'main', 'electron', 'x.ts');
const inBrowserHost = join(root, 'main', 'web-host', 'x.ts');
const inTests = join(root, 'tests', 'x.ts');

const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

function ok(filename: string, code: string): RuleTester.ValidTestCase {
  return { filename, code, options };
}

function bad(filename: string, code: string, messageId: 'folder' | 'package'): RuleTester.InvalidTestCase {
  return { filename, code, options, errors: [{ messageId }] };
}

tester.run('warrant/layering', layering, {
  valid: [
    ok(atSrcTop, "import { z } from 'zod';"),
    ok(atSrcTop, "import { WarrantError } from './contract/errors';"),
    ok(inSrc, "import { SourceSchema } from '../domain/source';"),
    ok(inRenderer, "import { x } from '../src/x';"),
    ok(inRenderer, "import { useState } from 'react';"),
    ok(inRenderer, "import { createRoot } from 'react-dom/client';"),
    ok(inDb, "import { x } from '../src/x';"),
    ok(inDb, "import Database from 'better-sqlite3';"),
    ok(inDb, "import { readFileSync } from 'node:fs';"),
    ok(inMain, "import { Workspace } from '../db/x';"),
    ok(inMain, "import { createDispatcher } from '../src/contract/dispatch';"),
    ok(inDesktopShell, "import { app } from 'electron';"),
    // Files outside the listed layers are not checked.
    ok(inTests, "import { Workspace } from '../db/workspace'; import React from 'react';"),
  ],
  invalid: [
    bad(atSrcTop, "import React from 'react';", 'package'),
    bad(atSrcTop, "import { createRoot } from 'react-dom/client';", 'package'),
    bad(atSrcTop, "import { app } from 'electron';", 'package'),
    bad(atSrcTop, "import Database from 'better-sqlite3';", 'package'),
    bad(atSrcTop, "import { LexicalComposer } from '@lexical/react/LexicalComposer';", 'package'),
    bad(atSrcTop, "import { readFileSync } from 'node:fs';", 'package'),
    bad(atSrcTop, "import { readFileSync } from 'fs';", 'package'),
    bad(atSrcTop, "import { readFile } from 'fs/promises';", 'package'),
    bad(atSrcTop, "import { Workspace } from '../db/workspace';", 'folder'),
    bad(inSrc, "import { Workspace } from '../../db/workspace';", 'folder'),
    bad(atSrcTop, "import { x } from '../renderer/x';", 'folder'),
    bad(atSrcTop, "import { y } from '../main/y';", 'folder'),
    bad(atSrcTop, "export { y } from '../main/y';", 'folder'),
    bad(atSrcTop, "export * from '../db/x';", 'folder'),
    bad(atSrcTop, "const m = import('../db/x');", 'folder'),
    bad(inRenderer, "import { x } from '../db/x';", 'folder'),
    bad(inRenderer, "import { x } from '../main/x';", 'folder'),
    bad(inRenderer, "import Database from 'better-sqlite3';", 'package'),
    bad(inRenderer, "import { ipcRenderer } from 'electron';", 'package'),
    bad(inRenderer, "import { join } from 'node:path';", 'package'),
    bad(inDb, "import { x } from '../main/x';", 'folder'),
    bad(inDb, "import React from 'react';", 'package'),
    bad(inMain, "import { App } from '../renderer/App';", 'folder'),
    bad(inMain, "import React from 'react';", 'package'),
    bad(inMain, "import { app } from 'electron';", 'package'),
    bad(inBrowserHost, "import { shell } from 'electron';", 'package'),
  ],
});
