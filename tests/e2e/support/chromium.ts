/** Debian's Chromium; Playwright's own browser download cannot reach this network. */
export const CHROMIUM_PATH = process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium from phoning home (the machine's network refuses it anyway). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
