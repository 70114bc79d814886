// Help text of each command, apart from the commands themselves: a start of `warrant web` (or a
// --help) must not load what export, import, restore, the sample or the team server need.
import { defaultWorkspacePath } from '../paths';
import { TEAM_USAGE } from './team-usage';

/** Each command's lines in the help, in the order `warrant --help` lists them. */
export const COMMAND_USAGE = {
  web: `  web                    Serve the workbench to your browser on 127.0.0.1
            --workspace PATH   workspace file to open (default: ${defaultWorkspacePath()})
            --port N           port to listen on (default: the one this workspace had
                               last time if it is free, so open tabs can reconnect;
                               else any free port; 0 for any free port)
            --no-open          do not open a browser window
            --open-cleaned-copy  when the workspace holds triggers, views or tables Warrant
                               did not create, write a copy beside it without them (the
                               file itself is never changed) and open that instead
            --read-only        open a workspace another Warrant holds, to read only`,
  import: `  import FILE            Import a BibTeX, RIS or CSL-JSON file into a workspace
            --workspace PATH   workspace file (created if missing)
            --on-duplicate skip|merge   what to do with duplicates (default: skip)
            --keywords tags|notes       the entries' keywords as tags, or as a line of
                               each source's notes (default: tags)`,
  'export-library': `  export-library         Write the library as CSL-JSON or BibTeX
            --workspace PATH   workspace file
            --format csl-json|bibtex
            --out FILE         write here instead of to standard output`,
  export: `  export                 Export a briefing as PDF, DOCX, standalone HTML or Markdown
            --workspace PATH   workspace file
            --briefing ID|TITLE   the briefing, by id or exact title
            --format pdf|docx|html|md
            --out FILE         where to write it
            --paper a4|letter  paper size for PDF (default: a4)`,
  restore: `  restore                Restore a workspace from one of its automatic backups (with Warrant closed)
            --workspace PATH   the workspace file (required)
            --list             list its backups, newest first (the default)
            --backup FILE      restore this backup (a file name from the list)`,
  sample: `  sample                 Create the sample workspace (a briefing on the NATO Secretary General's
                         2017 visits to Tokyo and Seoul)
            --out FILE         the new workspace file to write (must not exist)`,
  'team-server': TEAM_USAGE,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_USAGE, name);
}

/** `warrant --help`: every command, with its options. */
export const USAGE = `Usage: warrant <command> [options]

Commands:
${Object.values(COMMAND_USAGE).join('\n')}

Options:
  --help      show this help; after a command (warrant export --help), that command's alone
  --version   show the version`;

/** `warrant NAME --help`: one command and its options. */
export function commandUsage(name: CommandName): string {
  return `Usage: warrant ${name} [options]\n\n${COMMAND_USAGE[name]}`;
}
