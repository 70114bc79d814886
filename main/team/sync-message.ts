// Reads just enough of a Hocuspocus message to judge it before Hocuspocus applies it: which
// kind it is and, for a document change, the Yjs update it carries.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus's outer message types (the ones that carry document changes). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols' sync steps: a state vector, then updates. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type ParsedMessage = { kind: 'change'; update: Uint8Array } | { kind: 'other' } | { kind: 'malformed'; reason: string };

/** Parses `documentName, type, …`; a change's update is checked to decode as Yjs before anything applies it. */
export function parseIncoming(data: Uint8Array): ParsedMessage {
  let update: Uint8Array;
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return { kind: 'other' };
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP_1) return { kind: 'other' };
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { kind: 'malformed', reason: `unknown sync step ${step}` };
    update = decoding.readVarUint8Array(decoder);
  } catch {
    return { kind: 'malformed', reason: 'the message is truncated or not a Hocuspocus message' };
  }
  try {
    // Decoding walks every struct and the delete set, which is where a corrupt update would
    // otherwise throw half-way through being applied to the shared document.
    Y.decodeUpdate(update);
  } catch (error) {
    return { kind: 'malformed', reason: `the Yjs update does not decode (${error instanceof Error ? error.message : String(error)})` };
  }
  return { kind: 'change', update };
}

/**
 * The Yjs update a message carries, or null when it carries none. Unlike parseIncoming it does not
 * decode the update: the guard has already refused any message that does not decode.
 */
export function changeIn(data: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    const step = decoding.readVarUint(decoder);
    return step === SYNC_STEP_2 || step === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : null;
  } catch {
    return null;
  }
}

/** Whether an update would change nothing in `doc` (a read-only client's harmless first sync sends one). */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

/** The size of the document's whole state as Yjs encodes it. */
export function encodedSize(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).length;
}
