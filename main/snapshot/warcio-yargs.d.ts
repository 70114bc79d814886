/**
 * warcio's typings import `Argv` from yargs for its command-line tool, which Warrant never runs;
 * this stands in for yargs' typings so the reader's types check without installing them.
 */
declare module 'yargs' {
  export type Argv<T = unknown> = { readonly argv: T };
}
