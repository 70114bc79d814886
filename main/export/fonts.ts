import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The faces exports use, from @fontsource packages: serif body text, sans headings. */
const FACES: readonly { family: string; pkg: string; weight: number; style: 'normal' | 'italic' }[] = [
  { family: 'Source Serif 4', pkg: 'source-serif-4', weight: 400, style: 'normal' },
  { family: 'Source Serif 4', pkg: 'source-serif-4', weight: 400, style: 'italic' },
  { family: 'Source Serif 4', pkg: 'source-serif-4', weight: 600, style: 'normal' },
  { family: 'Source Serif 4', pkg: 'source-serif-4', weight: 700, style: 'normal' },
  { family: 'Source Sans 3', pkg: 'source-sans-3', weight: 400, style: 'normal' },
  { family: 'Source Sans 3', pkg: 'source-sans-3', weight: 700, style: 'normal' },
];

/** Latin and Latin Extended cover Western European names; other scripts fall back (see SERIF_STACK). */
const SUBSETS: readonly { subset: string; range: string }[] = [
  {
    subset: 'latin',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  {
    subset: 'latin-ext',
    range:
      'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
];

let cached: string | null = null;

/** One .woff2 file the exports inline, named as @fontsource names it. */
export interface FontFile {
  pkg: string;
  file: string;
}

function fileName(pkg: string, subset: string, weight: number, style: string): string {
  return `${pkg}-${subset}-${weight}-${style}.woff2`;
}

/** Every file the exports inline: scripts/build-desktop.mjs copies these into the packaged app. */
export const FONT_FILES: readonly FontFile[] = FACES.flatMap((face) =>
  SUBSETS.map(({ subset }) => ({ pkg: face.pkg, file: fileName(face.pkg, subset, face.weight, face.style) })),
);

/**
 * The packaged desktop app has no @fontsource in node_modules (fonts are build-time assets), so
 * the desktop bundle carries them in `fonts/` beside itself; a checkout reads the packages.
 */
function findFontFile(pkg: string, file: string): string | null {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'fonts', file);
  if (existsSync(beside)) return beside;
  try {
    const inPackage = join(dirname(createRequire(import.meta.url).resolve(`@fontsource/${pkg}/package.json`)), 'files', file);
    return existsSync(inPackage) ? inPackage : null;
  } catch {
    return null;
  }
}

/**
 * @font-face rules with the bundled fonts inlined as data: URLs, so neither the print page nor a
 * standalone HTML file ever fetches a font. Read once per process. Missing files are skipped
 * (the CSS stacks fall back to system fonts) rather than failing an export.
 */
export function bundledFontCss(): string {
  if (cached !== null) return cached;
  const rules: string[] = [];
  for (const face of FACES) {
    for (const { subset, range } of SUBSETS) {
      const file = findFontFile(face.pkg, fileName(face.pkg, subset, face.weight, face.style));
      if (!file) continue;
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face { font-family: '${face.family}'; font-style: ${face.style}; font-weight: ${face.weight}; font-display: block; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${range}; }`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
