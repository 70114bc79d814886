import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { SAMPLE_MARKING, SAMPLE_TITLE, seedSampleBriefing } from '../fixtures/export/sample-briefing';
import { runCli, runCliInProcess } from './helpers/cli';
import { TempDirs } from './helpers/temp-workspace';

const cli = (args: string[]) => runCli(args, 90_000);

describe('warrant export (CLI)', () => {
  const temp = new TempDirs();
  let dir: string;
  let workspacePath: string;
  let briefingId: string;

  beforeAll(() => {
    dir = temp.make();
    workspacePath = join(dir, 'sample.warrant');
    const ws = Workspace.open(workspacePath, { create: true });
    briefingId = seedSampleBriefing(ws).briefingId;
    ws.close();
  });
  afterAll(() => temp.cleanup());

  it('exports the sample briefing in all four formats, by title or by id, exit 0', async () => {
    const outputs: Record<string, string> = {};
    for (const format of ['pdf', 'docx', 'html', 'md']) {
      const out = join(dir, `sample.${format}`);
      const target = format === 'pdf' ? SAMPLE_TITLE.toUpperCase() : briefingId;
      const result = await cli([
        'export',
        '--workspace',
        workspacePath,
        '--briefing',
        target,
        '--format',
        format,
        '--out',
        out,
        ...(format === 'pdf' ? ['--paper', 'letter'] : []),
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`Exported “${SAMPLE_TITLE}” to ${out}`);
      expect(result.stderr).toContain('warning: Citation 4: the cited quote is in the trash');
      outputs[format] = out;
    }
    const pdf = execFileSync('pdftotext', [outputs.pdf ?? '', '-'], { encoding: 'utf8' });
    expect(pdf).toContain(SAMPLE_TITLE);
    expect(pdf).toContain(SAMPLE_MARKING);
    expect(execFileSync('pdfinfo', [outputs.pdf ?? ''], { encoding: 'utf8' })).toMatch(/\(letter\)/);
    expect(execFileSync('unzip', ['-p', outputs.docx ?? '', 'word/document.xml'], { encoding: 'utf8' })).toContain(SAMPLE_TITLE);
    expect(readFileSync(outputs.html ?? '', 'utf8')).toContain(`<h1 class="title">${SAMPLE_TITLE}</h1>`);
    expect(readFileSync(outputs.md ?? '', 'utf8')).toContain(`# ${SAMPLE_TITLE}`);
  }, 240_000);

  it('fails with a message and a non-zero exit for bad arguments, writing nothing (in-process)', async () => {
    const out = join(dir, 'never.pdf');
    const cases: [string[], RegExp][] = [
      [
        ['--workspace', workspacePath, '--briefing', 'No such briefing', '--format', 'md', '--out', out],
        /No briefing in this workspace has the id or title “No such briefing”/,
      ],
      [
        ['--workspace', workspacePath, '--briefing', briefingId, '--format', 'rtf', '--out', out],
        /--format must be one of pdf, docx, html, md/,
      ],
      [
        ['--workspace', workspacePath, '--briefing', briefingId, '--format', 'pdf', '--out', out, '--paper', 'a3'],
        /--paper must be a4 or letter/,
      ],
      [['--workspace', workspacePath, '--briefing', briefingId, '--format', 'md'], /--out FILE/],
      [['--workspace', join(dir, 'missing.warrant'), '--briefing', briefingId, '--format', 'md', '--out', out], /missing\.warrant/],
      [
        ['--workspace', workspacePath, '--briefing', briefingId, '--format', 'md', '--out', join(dir, 'no-such-dir', 'x.md')],
        /Could not write/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCliInProcess(['export', ...args]);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
