import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asarUnpack?: string[];
  fileAssociations?: { ext: string }[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}

// electron-builder's own loader and schema validator, offline.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };

const config = load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected by that validation if it were wrong (the check is real)', async () => {
    await expect(validateConfiguration({ ...config, fileAssociations: 'warrant' }, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the product, associates .warrant files and builds the installers for each platform', () => {
    expect(config.productName).toBe('Warrant');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.fileAssociations?.map((association) => association.ext)).toEqual(['warrant']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('ships the built app and unpacks the native module, but no sources or tests', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist/desktop/**', 'package.json']));
    for (const pattern of config.files ?? []) expect(pattern).not.toMatch(/^(src|renderer|main|db|tests|scripts|bench)\//);
    expect(config.asarUnpack).toEqual([
      '**/node_modules/better-sqlite3/**',
      '**/node_modules/pdfjs-dist/**',
      '**/node_modules/@napi-rs/**',
      '**/node_modules/tesseract.js/**',
      '**/node_modules/tesseract.js-core/**',
      '**/node_modules/@tesseract.js-data/**',
    ]);
    expect(packageJson.main).toBe('dist/desktop/main.js');
  });

  it('keeps renderer-only packages out of dependencies (everything there ships in app.asar)', () => {
    // The desktop bundle inlines everything else. Only the native module and pdf.js (which loads
    // its worker and font data from its own package folder) must ship as packages.
    // What the main process loads at run time: SQLite, pdf.js and the canvas it draws scanned pages
    // on, the OCR engine and its models, the WARC reader.
    expect(Object.keys(packageJson.dependencies).sort()).toEqual([
      '@napi-rs/canvas',
      '@tesseract.js-data/eng',
      '@tesseract.js-data/jpn',
      '@tesseract.js-data/kor',
      'better-sqlite3',
      'pdfjs-dist',
      'tesseract.js',
      'warcio',
    ]);
  });
});
