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
 * rows that contain quotes, so SARIF is read and the sample is cut from the scanned file).
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
        sample = line.slice(region.startColumn - 1, region.startColumn - 1 + (region.charLength ?? line.length));
      }
      return { check: result.ruleId, level: result.level, file, line: region?.startLine ?? 0, sample };
    }),
  );
}

export function unlisted(findings, allowlist) {
  return findings.filter((finding) => !allowlist.some((entry) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sample)));
}

function main() {
  if (!existsSync(BIN)) {
    const install = spawnSync('npm', ['ci', '--prefix', TOOL_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (install.status !== 0) process.exit(1);
  }
  mkdirSync('test-results', { recursive: true });
  const run = spawnSync(BIN, ['-i', SCANNED, '-e', electronVersion(), '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', REPORT], { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(REPORT)) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const allowlist = JSON.parse(readFileSync(`${TOOL_DIR}/allowlist.json`, 'utf8'));
  const all = findingsFromSarif(JSON.parse(readFileSync(REPORT, 'utf8')), (file) => readFileSync(`${SCANNED}/${file}`, 'utf8'));
  const findings = unlisted(all, allowlist);
  if (findings.length === 0) {
    console.log(`Electronegativity: no findings outside the ${allowlist.length} reviewed in ${TOOL_DIR}/allowlist.json.`);
    return;
  }
  console.error(`Electronegativity: ${findings.length} finding(s) not in ${TOOL_DIR}/allowlist.json:`);
  for (const f of findings) console.error(`- ${f.check} (${f.level}) ${f.file}:${f.line}: ${f.sample}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
