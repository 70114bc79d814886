import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
const ROOT = process.argv[2]!;
const ws = process.argv[3]!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const totals = new Map<string, number>();
let grand = 0;
for (let run = 0; run < 5; run++) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/warrant.mjs'), 'web', '--workspace', ws, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url: string = await new Promise((res) => { let out = ''; child.stdout.on('data', (c) => { out += c; const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out); if (m) res(m[1]!); }); });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.getByText(/^S(tartup source)? \d+$/).first().waitFor();
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const self = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const maps = new Map<string, SourceMapConsumer>();
  for (const n of profile.nodes) {
    const t = self.get(n.id) ?? 0; if (!t || n.callFrame.functionName === '(idle)') continue;
    grand += t;
    let key = n.callFrame.functionName || n.callFrame.url || '(anon)';
    const u: string = n.callFrame.url;
    if (u.includes('/assets/') && u.endsWith('.js')) {
      const file = join(ROOT, 'dist/renderer/assets', u.replace(/^.*\/assets\//, ''));
      if (!maps.has(file)) maps.set(file, new SourceMapConsumer(JSON.parse(readFileSync(file + '.map', 'utf8'))));
      const pos = maps.get(file)!.originalPositionFor({ line: n.callFrame.lineNumber + 1, column: n.callFrame.columnNumber });
      key = (pos.source ?? '?').replace(/^.*node_modules\//, 'nm/').split('/').slice(0, 3).join('/');
    }
    totals.set(key, (totals.get(key) ?? 0) + t);
  }
  await page.close(); child.kill();
}
console.log('total', (grand / 5000).toFixed(1), 'ms per run');
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 5000).toFixed(1).padStart(7), k);
await browser.close();
