/**
 * The workspace a launch asks for: `--workspace PATH`, or a `.warrant` file passed by the OS
 * (file association, "Open with", a second launch). The last one given wins.
 */
export function workspaceFromArgv(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--workspace') {
      const next = argv[index + 1];
      if (next !== undefined) found = next;
      index += 1;
    } else if (arg.startsWith('--workspace=')) {
      found = arg.slice('--workspace='.length);
    } else if (!arg.startsWith('-') && arg.toLowerCase().endsWith('.warrant')) {
      found = arg;
    }
  }
  return found === '' ? null : found;
}
