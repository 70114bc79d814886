// Who may write which team document, and the limits the team server holds every client to.
// Pure so that the server enforces it and, later, the workbench can explain a refusal in the same words.

export const TEAM_ROLES = ['analyst', 'reviewer', 'reader'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

/** What each role is for, as `team-server user list` and the README say it. */
export const ROLE_MEANING: Record<TeamRole, string> = {
  analyst: 'reads and writes every document',
  reviewer: 'reads every document, writes only review comments',
  reader: 'reads every document',
};

/**
 * The families of team documents (ARCHITECTURE.md, "Which records live in which document").
 * A name outside them is refused, so a client cannot make the server hold documents no
 * workbench would ever read.
 */
const DOCUMENT_NAME = /^(library\/[a-z0-9-]{1,40}|briefing\/[A-Za-z0-9_-]{1,64}|comments\/[A-Za-z0-9_-]{1,64}|team\/settings)$/;

export function isTeamDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/** Comments live in their own documents so that a reviewer's write permission can stop at them. */
export function isCommentsDocument(name: string): boolean {
  return name.startsWith('comments/');
}

/** Whether `role` may change `documentName`; every role may read every document. */
export function mayWrite(role: TeamRole, documentName: string): boolean {
  if (role === 'analyst') return true;
  if (role === 'reviewer') return isCommentsDocument(documentName);
  return false;
}

export interface TeamLimits {
  /** Largest single message a client may send (bytes); larger ones are refused and the connection closed. */
  maxMessageBytes: number;
  /** Largest encoded state a document may reach (bytes); an update that would pass it is refused. */
  maxDocumentBytes: number;
  /** Largest blob (a snapshot's or an image's bytes) the blob store keeps; larger ones get 413. */
  maxBlobBytes: number;
}

/**
 * 1 MB per message holds a pasted 100-page report in one update; 64 MB per document is ~50 times
 * a 50,000-word briefing with its history, and a tenth of a library shard's worst case. 32 MB per
 * blob is the workbench's 25 MB snapshot cap with room to spare.
 */
export const DEFAULT_TEAM_LIMITS: TeamLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxBlobBytes: 32 * 1024 * 1024,
};

/** A blob's name in the store: its SHA-256 in lowercase hex, the form the documents hold. */
export function isBlobHash(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** How long a login session lasts unless the server is told otherwise. */
export const DEFAULT_SESSION_HOURS = 12;
