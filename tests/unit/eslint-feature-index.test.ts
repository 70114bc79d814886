import { ESLint, RuleTester } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import featureIndex from '../../eslint-rules/feature-index.js';
import { SHARED_RENDERER_FOLDERS } from '../../eslint-rules/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = fileURLToPath(new URL('../..', import.meta.url));
const options = [{ root, folder: 'renderer', shared: SHARED_RENDERER_FOLDERS }];
const inBriefings = join(root, 'renderer', 'briefings', 'BriefingWorkspace.tsx');
const deepInEditor = join(root, 'renderer', 'editor', 'plugins', 'citations', 'CitationsPlugin.tsx');
const inApp = join(root, 'renderer', 'app', 'App.tsx');
const rendererEntry = join(root, 'renderer', 'main.tsx');
const inTests = join(root, 'tests', 'e2e', 'x.ts');

const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const ok = (filename: string, code: string): RuleTester.ValidTestCase => ({ filename, code, options });
const bad = (filename: string, code: string): RuleTester.InvalidTestCase => ({ filename, code, options, errors: [{ messageId: 'deep' }] });

tester.run('warrant/feature-index', featureIndex, {
  valid: [
    ok(inBriefings, "import { CITATION_MIME } from '../editor';"),
    ok(inBriefings, "import { CITATION_MIME } from '../editor/index';"),
    ok(inBriefings, "import { CITATION_MIME } from '../editor/index.ts';"),
    // Inside its own feature a file imports anything.
    ok(inBriefings, "import { EvidencePanel } from './EvidencePanel';"),
    ok(deepInEditor, "import { CitationStore } from './citation-store'; import { x } from '../../nodes/x';"),
    ok(deepInEditor, "import { FormField } from '../../../library';"),
    // The shared folders are imported file by file.
    ok(inBriefings, "import { useClient } from '../app/useClient'; import { ModalDialog } from '../shell/ModalDialog';"),
    ok(inApp, "import { createHttpTransport } from '../transport/http-transport';"),
    ok(inApp, "const m = import('../briefings');"),
    // Packages and src/ are the layering rule's business.
    ok(inBriefings, "import { useState } from 'react'; import { x } from '../../src/domain/x';"),
    // The entry at the renderer's top and files outside it are not features.
    ok(rendererEntry, "import { App } from './app/App';"),
    ok(inTests, "import { LibraryView } from '../../renderer/library/LibraryView';"),
  ],
  invalid: [
    bad(inBriefings, "import { CitationStore } from '../editor/plugins/citations/citation-store';"),
    bad(inBriefings, "const m = import('../editor/BriefingComposer');"),
    bad(inBriefings, "export { TagChips } from '../library/TagChips';"),
    bad(inBriefings, "export * from '../library/TagChips';"),
    bad(deepInEditor, "import { FormField } from '../../../library/FormField';"),
    // The frame is shared, but it too reaches features through their index.
    bad(inApp, "import { LibraryView } from '../library/LibraryView';"),
    bad(inApp, "const m = import('../briefings/BriefingsView');"),
  ],
});

describe('the feature-index rule in the project configuration', () => {
  it('is on for renderer files and names the index to use', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { FormField } from '../library/FormField';\nexport const field = FormField;\n", {
      filePath: join(root, 'renderer', 'tags', 'TagsView.tsx'),
    });
    const messages = (result?.messages ?? []).filter((message) => message.ruleId === 'warrant/feature-index');
    expect(messages.map((message) => message.message)).toEqual([
      '`tags/` may import `library/` only through its index (`../library`), not `../library/FormField`.',
    ]);
  });
});
