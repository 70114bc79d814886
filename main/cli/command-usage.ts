// Help text of the commands that `warrant --help` lists, apart from the commands themselves: a start of
// `warrant web` (or a --help) must not load what export, import, restore and the sample need.

export const EXPORT_USAGE = `  export                 Export a briefing as PDF, DOCX, standalone HTML or Markdown
            --workspace PATH   workspace file
            --briefing ID|TITLE   the briefing, by id or exact title
            --format pdf|docx|html|md
            --out FILE         where to write it
            --paper a4|letter  paper size for PDF (default: a4)`;

export const LIBRARY_USAGE = `  import FILE            Import a BibTeX, RIS or CSL-JSON file into a workspace
            --workspace PATH   workspace file (created if missing)
            --on-duplicate skip|merge   what to do with duplicates (default: skip)
  export-library         Write the library as CSL-JSON or BibTeX
            --workspace PATH   workspace file
            --format csl-json|bibtex
            --out FILE         write here instead of to standard output`;

export const RESTORE_USAGE = `  restore Restore a workspace from one of its automatic backups (with Warrant closed)
            --workspace PATH   the workspace file (required)
            --list             list its backups, newest first (the default)
            --backup FILE      restore this backup (a file name from the list)`;

export const SAMPLE_USAGE = `  sample  Create the sample workspace (a Briefing on the NATO Secretary General's 2017 visits to Tokyo and Seoul)
            --out FILE         the new workspace file to write (must not exist)`;
