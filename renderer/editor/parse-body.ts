import { createEditor, type SerializedEditorState } from 'lexical';
import { BRIEFING_NODES } from '../../src/editor/nodes';

/** A stored body either parses into an editor state, or the reason it does not. */
export type ParsedBody = { ok: true; json: string } | { ok: false; reason: string };

/**
 * Checks a stored body before an editor is mounted on it: an unparseable body must open in the
 * recovery view, never as a blank editor whose first autosave would overwrite it.
 */
export function checkBody(body: string): ParsedBody {
  try {
    const probe = createEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    probe.parseEditorState(JSON.parse(body) as SerializedEditorState);
    return { ok: true, json: body };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'The stored text could not be read.' };
  }
}
