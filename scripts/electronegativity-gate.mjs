// Runs Electronegativity over the built desktop host and renderer and fails on any finding not
// in the reviewed allowlist. The tool lives in its own folder with its own lockfile because it
// pulls in eslint 7 and TypeScript 4.2. Its online check for newer Electron releases is
// excluded: it needs the network and is about release notes, not about this code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { electronVersion } from './electron-runtime.mjs';

const TOOL_DIR = 'tools/electronegativity';
const BIN = `${TOOL_DIR}/node_modules/.bin/electronegativity`;
const REPORT = 'test-results/electronegativity.sarif';
const SCANNED = 'dist';

/**
 * Findings from the SARIF report, each with the code it points at (the CSV report mangles
 * rows that contain quotes, so SARIF is read and the sample is cut from the scanned file). In
 * HTML the scanner's region counts characters of the decoded attribute, so a slice of the file
 * would stop partway through the CSP: there the sample is the whole flagged line.
 */
export function findingsFromSarif(sarif, readScanned) {
  return sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const file = location?.artifactLocation?.uri ?? 'N/A';
      const region = location?.region;
      let sample = '';
      if (region && file !== 'N/A') {
        const line = readScanned(file).split('\n')[region.startLine - 1] ?? '';
        sample = /\.html?$/i.test(file)
          ? line.trim()
          : line.slice(region.startColumn - 1, region.startColumn - 1 + (region.charLength ?? line.length));
      }
      return { check: result.ruleId, level: result.level ?? 'warning', file, line: region?.startLine ?? 0, sample };
    }),
  );
}

/** SARIF levels, least severe first. An unknown level ranks highest, so it can never pass as reviewed. */
const LEVELS = ['none', 'note', 'warning', 'error'];

function rank(level) {
  const index = LEVELS.indexOf(level);
  return index === -1 ? LEVELS.length : index;
}

/**
 * Whether a reviewed entry covers a finding: the same check in the same file, exactly the code
 * that was reviewed, at the reviewed level or lower. A substring match let a weakened CSP pass
 * (the policy still contained the reviewed words); a risen level means the scanner now rates the
 * same code as worse, which needs a new review.
 */
export function covers(entry, finding) {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    entry.sample === finding.sample &&
    rank(finding.level) <= rank(entry.level)
  );
}

export function unlisted(findings, allowlist) {
  return findings.filter((finding) => !allowlist.some((entry) => covers(entry, finding)));
}

/** Entries that matched nothing in this scan: the code they reviewed changed or went away. */
export function stale(findings, allowlist) {
  return allowlist.filter((entry) => !findings.some((finding) => covers(entry, finding)));
}

function main() {
  if (!existsSync(BIN)) {
    const install = spawnSync('npm', ['ci', '--prefix', TOOL_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (install.status !== 0) process.exit(1);
  }
  mkdirSync('test-results', { recursive: true });
  const run = spawnSync(BIN, ['-i', SCANNED, '-e', electronVersion(), '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', REPORT], {
    encoding: 'utf8',
  });
  if (run.status !== 0 || !existsSync(REPORT)) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const allowlist = JSON.parse(readFileSync(`${TOOL_DIR}/allowlist.json`, 'utf8'));
  const all = findingsFromSarif(JSON.parse(readFileSync(REPORT, 'utf8')), (file) => readFileSync(`${SCANNED}/${file}`, 'utf8'));
  const findings = unlisted(all, allowlist);
  for (const entry of stale(all, allowlist))
    console.warn(`Electronegativity: allowlist entry ${entry.check} (${entry.file}) matched nothing; remove it if the code is gone.`);
  if (findings.length === 0) {
    console.log(`Electronegativity: no findings outside the ${allowlist.length} reviewed in ${TOOL_DIR}/allowlist.json.`);
    return;
  }
  console.error(`Electronegativity: ${findings.length} finding(s) not in ${TOOL_DIR}/allowlist.json:`);
  for (const f of findings) console.error(`- ${f.check} (${f.level}) ${f.file}:${f.line}: ${f.sample}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
