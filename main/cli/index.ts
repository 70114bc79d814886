import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WarrantError } from '../../src/contract/warrant-error';
import { APP_VERSION } from '../app-version';
import { commandUsage, isCommandName, USAGE, type CommandName } from './command-usage';
import { defaultWorkspacePath, ensurePrivateDataDir, userDataDir } from '../paths';
import { startBrowserHost, type BrowserHostOptions, type StartedBrowserHost } from '../web-host/browser-host';
import { PortMemory } from '../web-host/port-memory';

/**
 * The checkout: the nearest folder above this module that holds package.json. Found by walking up
 * because this module runs from two depths, main/cli/ under tsx and dist/cli.mjs as the bundle.
 */
function checkoutRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Warrant’s package.json was not found above the CLI.');
    dir = parent;
  }
  return dir;
}

const ROOT = checkoutRoot();
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

/** Where the CLI writes; the process's streams, or a test's collector for an in-process run. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** A refusal with its message and exit code; `runCli` prints it, so nothing exits mid-call. */
class CliExit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function fail(message: string, code = 2): never {
  throw new CliExit(message, code);
}

/** The renderer is built by Vite; build it once when running from a fresh checkout. */
function ensureRendererBuilt(output: CliOutput): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  output.stdout('Building the user interface (first run)…\n');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (result.status !== 0) fail('Could not build the user interface; run `npm run build` to see why.');
}

function openBrowser(url: string, output: CliOutput): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => output.stdout('Could not open a browser: open the address above yourself.\n'));
  child.unref();
}

/** The workspace to serve: `path` itself, or when it holds foreign SQL, a cleaned copy written beside it. */
async function cleanedIfForeign(path: string, output: CliOutput): Promise<string> {
  // Loaded only for this flag: a plain start opens the workspace without its repositories.
  const [{ Workspace }, { writeCleanedCopy }] = await Promise.all([import('../../db/workspace'), import('../../db/clean-copy')]);
  try {
    Workspace.open(path).close();
    return path;
  } catch (error) {
    if (!(error instanceof WarrantError && error.details?.foreignSchema)) throw error;
  }
  try {
    const cleaned = writeCleanedCopy(path);
    output.stdout(`“${path}” holds database objects Warrant did not create; opening a cleaned copy: “${cleaned}”.\n`);
    return cleaned;
  } catch (error) {
    if (error instanceof WarrantError) fail(error.message);
    throw error;
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/** The port asked for; without one, this workspace's last port when it is free, else any free port. */
async function runOnPort(ports: PortMemory, asked: number | null, options: Omit<BrowserHostOptions, 'port'>): Promise<StartedBrowserHost> {
  const last = asked === null ? ports.recall(options.workspacePath) : null;
  if (last !== null) {
    try {
      return await startBrowserHost({ ...options, port: last });
    } catch (error) {
      if (!isAddressInUse(error)) throw error;
    }
  }
  return startBrowserHost({ ...options, port: asked ?? 0 });
}

async function web(args: string[], output: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'open-cleaned-copy': { type: 'boolean', default: false },
      'read-only': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535))
    fail(`--port must be a whole number from 0 to 65535, not “${values.port}”.`);
  const isDefault = values.workspace === undefined;
  let workspacePath = values.workspace ?? defaultWorkspacePath();
  if (isDefault) ensurePrivateDataDir(dirname(workspacePath));
  if (values['open-cleaned-copy'] && existsSync(workspacePath)) workspacePath = await cleanedIfForeign(workspacePath, output);
  ensureRendererBuilt(output);

  const ports = new PortMemory(userDataDir());
  let host;
  try {
    host = await runOnPort(ports, port, {
      workspacePath,
      rendererDir: RENDERER_DIR,
      create: true,
      readOnly: values['read-only'],
      onInternalError: (operation, error) =>
        output.stderr(`Internal error in ${operation}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
  } catch (error) {
    if (error instanceof WarrantError && error.details?.foreignSchema)
      fail(`${error.message}\nTo do that, run again with --open-cleaned-copy.`);
    if (error instanceof WarrantError) fail(error.message);
    if (isAddressInUse(error)) fail(`Port ${port ?? 0} is already in use; choose another with --port.`);
    throw error;
  }
  ports.remember(workspacePath, host.port);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => process.exit(0));
  };
  // Handlers go in before the address is printed: whoever reads it may stop us at once.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (host.readOnly) output.stdout('Opened read-only: another Warrant process holds this workspace, so changes are refused.\n');
  output.stdout(`Warrant is running at ${host.url}\n`);
  if (!values['no-open']) openBrowser(host.url, output);
  return 0;
}

/** `warrant team-server …`: Hocuspocus is loaded only for this command. */
async function teamServer(args: string[], output: CliOutput): Promise<number> {
  const { teamServerCommand } = await import('./team-commands');
  const { AccountError } = await import('../team/accounts');
  const { TeamStoreError } = await import('../team/team-store');
  try {
    return await teamServerCommand(args, {
      ...output,
      onStop: (close) => {
        let stopping = false;
        const stop = (): void => {
          if (stopping) return;
          stopping = true;
          void close().then(() => process.exit(0));
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      },
    });
  } catch (error) {
    if (error instanceof AccountError || error instanceof TeamStoreError) fail(error.message, 1);
    if (isAddressInUse(error)) fail('That port is already in use; choose another with --port.');
    throw error;
  }
}

/** True when the arguments ask for help, before any `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
}

/** Node's message for an argument parseArgs refused, said of the command it was given to. */
function parseRefusal(error: TypeError & { code: string }, name: CommandName): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']+)'/.exec(error.message)?.[1] : undefined;
  const message = unknown ? `Unknown option “${unknown}” for warrant ${name}.` : error.message;
  return `${message}\n\n${commandUsage(name)}`;
}

function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/** Runs one command; returns its exit code (`web` returns once it serves, and keeps serving). */
async function command(argv: string[], output: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  if (name === 'help') {
    const [topic] = rest;
    if (topic !== undefined && !isCommandName(topic)) fail(`Unknown command “${topic}”.\n\n${USAGE}`);
    output.stdout(`${topic === undefined ? USAGE : commandUsage(topic)}\n`);
    return 0;
  }
  if (name === '--version') {
    output.stdout(`${APP_VERSION}\n`);
    return 0;
  }
  if (!isCommandName(name)) fail(`Unknown command “${name}”.\n\n${USAGE}`);
  if (asksForHelp(rest)) {
    output.stdout(`${commandUsage(name)}\n`);
    return 0;
  }
  try {
    return await run(name, rest, output);
  } catch (error) {
    if (isParseArgsError(error)) fail(parseRefusal(error, name));
    if (error instanceof WarrantError) fail(error.message, 1);
    throw error;
  }
}

async function run(name: CommandName, args: string[], output: CliOutput): Promise<number> {
  // Each command loads its own code when it runs, so `warrant web` starts without any of it.
  switch (name) {
    case 'web':
      return web(args, output);
    case 'team-server':
      return teamServer(args, output);
    case 'import':
      return (await import('./library-commands')).importCommand(args);
    case 'export-library':
      return (await import('./library-commands')).exportCommand(args);
    case 'export': {
      const [{ briefingExportCommand }, { judgementsFrom, tradecraftFrom }] = await Promise.all([
        import('./export-command'),
        import('../export/briefing-checks'),
      ]);
      return briefingExportCommand(args, {
        loadJudgements: (workspace) => judgementsFrom(() => workspace),
        loadProblems: (workspace) => tradecraftFrom(() => workspace),
      });
    }
    case 'restore':
      output.stdout(`${(await import('./restore-command')).restoreCommand(args)}\n`);
      return 0;
    case 'sample': {
      const [{ sampleCommand }, { writeSampleJudgements }] = await Promise.all([
        import('./sample-command'),
        import('../../db/sample-judgements'),
      ]);
      output.stdout(`${await sampleCommand(args, writeSampleJudgements)}\n`);
      return 0;
    }
  }
}

/**
 * `warrant ARGV`: runs the command and returns the exit code; refusals and errors are printed to
 * `output.stderr`, never thrown, so tests can run it in-process (main/cli/entry.ts is the process).
 */
export async function runCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  try {
    return await command(argv, output);
  } catch (error) {
    const refusal =
      error instanceof CliExit ? error : new CliExit(error instanceof Error ? (error.stack ?? error.message) : String(error), 1);
    output.stderr(`${refusal.message}\n`);
    return refusal.code;
  }
}
