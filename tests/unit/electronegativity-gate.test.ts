import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsFromSarif, unlisted, type AllowEntry } from '../../scripts/electronegativity-gate.mjs';

const FILES: Record<string, string> = {
  'desktop/main.js': ['const a = 1;', '  if (ok) void shell.openExternal(decision.url);', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })'].join('\n'),
};

function result(ruleId: string, file: string, startLine: number, startColumn: number, charLength: number) {
  return { ruleId, level: 'warning', message: { text: ruleId }, locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine, startColumn, charLength } } }] };
}

const SARIF = {
  runs: [
    {
      results: [
        result('OPEN_EXTERNAL_JS_CHECK', 'desktop/main.js', 2, 16, 33),
        result('NODE_INTEGRATION_JS_CHECK', 'desktop/main.js', 3, 39, 21),
        { ruleId: 'CSP_GLOBAL_CHECK', level: 'warning', message: { text: 'No CSP' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'N/A' } } }] },
      ],
    },
  ],
};

const ALLOW: AllowEntry[] = [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'desktop/main.js', sample: 'shell.openExternal(decision.url)', reason: 'filtered' }];

describe('electronegativity gate', () => {
  const findings = findingsFromSarif(SARIF, (file) => FILES[file] ?? '');

  it('cuts each finding’s sample from the scanned file', () => {
    expect(findings.map((finding) => [finding.check, finding.line, finding.sample])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 2, 'shell.openExternal(decision.url);'],
      ['NODE_INTEGRATION_JS_CHECK', 3, 'nodeIntegration: true'],
      ['CSP_GLOBAL_CHECK', 0, ''],
    ]);
  });

  it('fails on everything the allowlist does not name by check, file and code', () => {
    expect(unlisted(findings, ALLOW).map((finding) => finding.check)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'CSP_GLOBAL_CHECK']);
    // The same check elsewhere in the code is not covered by an entry for one call site.
    const moved = [{ ...findings[0], check: 'OPEN_EXTERNAL_JS_CHECK', file: 'desktop/main.js', level: 'warning', line: 9, sample: 'shell.openExternal(userInput)' }];
    expect(unlisted(moved, ALLOW)).toHaveLength(1);
  });

  it('gives a reason for every reviewed finding', () => {
    const allowlist = JSON.parse(readFileSync(new URL('../../tools/electronegativity/allowlist.json', import.meta.url), 'utf8')) as AllowEntry[];
    for (const entry of allowlist) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
  });
});
