import { existsSync } from 'node:fs';

/** Debian's Chromium; Playwright's own browser download cannot reach this network. */
export const CHROMIUM_PATH = process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's build of Chromium's old headless shell (package chromium-headless-shell). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The browser the tests drive: the same Blink as CHROMIUM_PATH without the full browser's
 * window and compositor, which is what Playwright itself runs headless. It cost about a fifth
 * less CPU over the same e2e tests, with the reference screenshots unchanged. The app's own
 * print engine (main/export) keeps CHROMIUM_PATH, so exports are still tested with the browser
 * a user's machine prints with; WARRANT_TEST_CHROMIUM picks another browser for the tests.
 */
export const TEST_CHROMIUM_PATH =
  process.env.WARRANT_TEST_CHROMIUM ?? process.env.WARRANT_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_PATH);

/** Flags that keep Chromium from phoning home (the machine's network refuses it anyway). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
