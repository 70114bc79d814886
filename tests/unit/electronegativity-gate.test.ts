import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { covers, findingsFromSarif, stale, unlisted, type AllowEntry, type Finding } from '../../scripts/electronegativity-gate.mjs';

const FILES: Record<string, string> = {
  'desktop/main.js': [
    'const a = 1;',
    '  if (ok) void shell.openExternal(decision.url);',
    'new BrowserWindow({ webPreferences: { nodeIntegration: true } })',
  ].join('\n'),
};

function result(ruleId: string, file: string, startLine: number, startColumn: number, charLength: number) {
  return {
    ruleId,
    level: 'warning',
    message: { text: ruleId },
    locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine, startColumn, charLength } } }],
  };
}

const SARIF = {
  runs: [
    {
      results: [
        result('OPEN_EXTERNAL_JS_CHECK', 'desktop/main.js', 2, 16, 33),
        result('NODE_INTEGRATION_JS_CHECK', 'desktop/main.js', 3, 39, 21),
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          level: 'warning',
          message: { text: 'No CSP' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'N/A' } } }],
        },
      ],
    },
  ],
};

const ALLOW: AllowEntry[] = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    level: 'warning',
    file: 'desktop/main.js',
    sample: 'shell.openExternal(decision.url);',
    reason: 'filtered',
  },
];

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
    const moved = [
      {
        ...findings[0],
        check: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'desktop/main.js',
        level: 'warning',
        line: 9,
        sample: 'shell.openExternal(userInput)',
      },
    ];
    expect(unlisted(moved, ALLOW)).toHaveLength(1);
  });

  it('gives a reason, a level and the exact flagged code for every reviewed finding', () => {
    for (const entry of ALLOWLIST) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(40);
      expect(['none', 'note', 'warning', 'error'], entry.check).toContain(entry.level);
      expect(entry.sample.length, entry.check).toBeGreaterThan(10);
    }
  });
});

const ALLOWLIST = JSON.parse(
  readFileSync(new URL('../../tools/electronegativity/allowlist.json', import.meta.url), 'utf8'),
) as AllowEntry[];

/** The CSP as Vite writes it into the built index.html, with `script-src` replaced. */
function cspLine(scriptSrc: string): string {
  const reviewed = ALLOWLIST.find((entry) => entry.check === 'CSP_GLOBAL_CHECK')?.sample ?? '';
  return `    ${reviewed.replace('script-src &#39;self&#39;;', `script-src ${scriptSrc};`)}`;
}

/** A scan of index.html whose CSP finding sits on line 2, as the scanner reports it (a short region). */
function cspFindings(scriptSrc: string, level: string): Finding[] {
  const html = ['<!doctype html>', cspLine(scriptSrc), '<title>Warrant</title>'].join('\n');
  const sarif = {
    runs: [
      {
        results: [
          {
            ruleId: 'CSP_GLOBAL_CHECK',
            level,
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'renderer/index.html' },
                  region: { startLine: 2, startColumn: 1, charLength: 176 },
                },
              },
            ],
          },
        ],
      },
    ],
  };
  return findingsFromSarif(sarif, () => html);
}

describe('the allowlist pins check, level and exact code (issue 14 item 7)', () => {
  it('passes the reviewed CSP at its reviewed level', () => {
    expect(cspLine('&#39;self&#39;').trim()).toContain('Content-Security-Policy');
    expect(unlisted(cspFindings('&#39;self&#39;', 'note'), ALLOWLIST)).toEqual([]);
  });

  it('fails a weakened CSP, though it still says Content-Security-Policy and every reviewed word', () => {
    for (const weakened of [
      '&#39;self&#39; &#39;unsafe-inline&#39;',
      '&#39;self&#39; &#39;unsafe-eval&#39;',
      '&#39;self&#39; https:',
      '*',
    ]) {
      const findings = cspFindings(weakened, 'note');
      expect(findings[0]?.sample, weakened).toContain('Content-Security-Policy');
      expect(unlisted(findings, ALLOWLIST), weakened).toHaveLength(1);
    }
  });

  it('pins the whole policy even though the scanner’s region stops partway through it', () => {
    const [finding] = cspFindings('&#39;self&#39;', 'note');
    expect(finding?.sample.endsWith('object-src &#39;none&#39;">')).toBe(true);
    // A change after the first 176 characters (here: connect-src) is a different policy too.
    const reviewed = ALLOWLIST.find((entry) => entry.check === 'CSP_GLOBAL_CHECK');
    const loosened = { ...(finding as Finding), sample: (finding?.sample ?? '').replace('connect-src &#39;self&#39;', 'connect-src *') };
    expect(reviewed && covers(reviewed, loosened)).toBe(false);
  });

  it('fails when the scanner rates the same code higher than reviewed, and passes a lower rating', () => {
    expect(unlisted(cspFindings('&#39;self&#39;', 'warning'), ALLOWLIST)).toHaveLength(1);
    expect(unlisted(cspFindings('&#39;self&#39;', 'error'), ALLOWLIST)).toHaveLength(1);
    expect(unlisted(cspFindings('&#39;self&#39;', 'unheard-of'), ALLOWLIST)).toHaveLength(1);
    expect(unlisted(cspFindings('&#39;self&#39;', 'none'), ALLOWLIST)).toEqual([]);
  });

  it('matches code exactly, not as a substring, and names entries that matched nothing', () => {
    const findings = findingsFromSarif(SARIF, (file) => FILES[file] ?? '');
    const [opened] = findings.filter((finding) => finding.check === 'OPEN_EXTERNAL_JS_CHECK');
    expect(
      unlisted([{ ...(opened as Finding), sample: 'shell.openExternal(decision.url); shell.openExternal(userInput);' }], ALLOW),
    ).toHaveLength(1);
    expect(stale([], ALLOW)).toEqual(ALLOW);
    expect(stale(findings, ALLOW)).toEqual([]);
  });
});
