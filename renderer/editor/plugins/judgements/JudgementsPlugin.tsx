import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  COMMAND_PRIORITY_LOW,
  createCommand,
  HISTORY_MERGE_TAG,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type NodeKey,
  type NodeMutation,
} from 'lexical';
import { useContext, useEffect } from 'react';
import { errorCodeOf, errorMessage, isConflict } from '../../../app/error-message';
import { PLATFORM } from '../../../commands/shortcut-labels';
import { chordsOf } from '../../../../src/commands/command-keys';
import { matchesChord, type KeyPress } from '../../../../src/commands/shortcut';
import { $createJudgementNode, $isJudgementNode, JudgementNode } from '../../../../src/editor/nodes/JudgementNode';
import type { Judgement } from '../../../../src/domain/judgement';
import { copyJudgementInto } from './copy-judgement';
import { findRecord, retryDelayMs } from './find-record';
import { $insertJudgementBlock, $judgementNodes, $keyJudgementsSection, $moveJudgementBlock } from './judgement-nodes';
import { JudgementContext, type JudgementScope } from './JudgementContext';
import { useReadNow } from '../../../data/useContractQuery';

/** Adds a key judgement (a record and its block in the Key Judgements section). */
export const INSERT_JUDGEMENT_COMMAND: LexicalCommand<void> = createCommand('INSERT_JUDGEMENT_COMMAND');
/** Moves a judgement's block up or down; the records follow the document's order. */
export const MOVE_JUDGEMENT_COMMAND: LexicalCommand<{ nodeKey: string; direction: 'up' | 'down' }> =
  createCommand('MOVE_JUDGEMENT_COMMAND');
/** Removes a judgement's block; its record goes to the trash. */
export const REMOVE_JUDGEMENT_COMMAND: LexicalCommand<string> = createCommand('REMOVE_JUDGEMENT_COMMAND');

/** Whether a key press is the command table's "Add key judgement" (Ctrl+Shift+Enter). */
export function isAddJudgementKey(event: KeyPress): boolean {
  return chordsOf('editor.addJudgement').some((chord) => matchesChord(event, chord, PLATFORM));
}

// Unique ids: a pasted twin shares its original's id until its own record is made.
const readIds = (editor: LexicalEditor): string[] => [
  ...new Set(editor.getEditorState().read(() => $judgementNodes().map((node) => node.getJudgementId()))),
];

/**
 * Keeps the document's judgement blocks and the judgement records in step: the records load with
 * the briefing, blocks of records the document lacks are added (a judgement restored from the
 * trash), blocks without a live record are dropped; a block removed by any means sends its record
 * to the trash (and undo brings it back); the records' order follows the blocks'.
 */
export function JudgementsPlugin({
  briefingId,
  editable,
  onRemoved,
}: {
  briefingId: string;
  editable: boolean;
  onRemoved: (id: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const scope = useContext(JudgementContext);
  const read = useReadNow();

  useEffect(() => {
    if (!scope) return;
    const { store, client, command, onError } = scope;
    let active = true;
    let known: string[] = [];
    const fail = (failure: unknown): void => onError(errorMessage(failure));

    const syncOrder = (ids: string[]): void => {
      // A read-only tab shows the records; the tab editing the briefing keeps them in step.
      if (!editable) return;
      const live = ids.filter((id) => store.has(id));
      const stored = [...live].sort((a, b) => (store.get(a)?.position ?? 0) - (store.get(b)?.position ?? 0));
      if (live.join() === stored.join()) return;
      command('judgements.reorder', { briefingId, ids: live, baseOrder: stored }).then(
        () => {
          live.forEach((id, position) => {
            const record = store.get(id);
            if (record && record.position !== position) store.put({ ...record, position });
          });
        },
        (failure: unknown) => {
          // Reported, never swallowed: the order on screen is not the stored one.
          fail(failure);
          if (!isConflict(failure)) return;
          // Another window moved them: learn the stored order so the next move starts from it.
          read('judgements.list', { briefingId }).then(({ items }) => {
            for (const item of items) {
              const record = store.get(item.id);
              if (record && record.position !== item.position) store.put({ ...record, position: item.position });
            }
          }, fail);
        },
      );
    };

    /** Removes the blocks bound to `id` (a stray block with no record it may use). */
    const dropBlocks = (id: string): void => {
      editor.update(
        () => {
          for (const node of $judgementNodes()) if (node.getJudgementId() === id) node.remove();
        },
        { tag: HISTORY_MERGE_TAG },
      );
    };

    /** Points the blocks holding `from` (all of them, or only those of `keys`) at record `to`. */
    const rebind = (from: string, to: string, keys?: ReadonlySet<NodeKey>): void => {
      editor.update(
        () => {
          for (const node of $judgementNodes())
            if (node.getJudgementId() === from && (!keys || keys.has(node.getKey()))) node.setJudgementId(to);
        },
        { tag: HISTORY_MERGE_TAG },
      );
    };

    /** A pasted block gets a record of its own in this briefing, copied from the one it came from. */
    const giveOwnRecord = async (original: Judgement, keys?: ReadonlySet<NodeKey>): Promise<void> => {
      const copy = await copyJudgementInto(command, original, briefingId, store.yardstick());
      store.put(copy);
      rebind(original.id, copy.id, keys);
    };

    /**
     * A block came (back) into the document: find or restore its record, or drop the stray block.
     * Only a `not_found` answer drops it; any other failed read keeps the block, says so in it and
     * tries again. A block pasted from another briefing is given a copy; if its original was cut
     * (so trashed), the original goes back to the trash once copied.
     */
    const adopt = async (id: string, attempt = 0): Promise<void> => {
      const found = await findRecord(id, {
        get: (judgementId) => client.call('judgements.get', { id: judgementId }),
        restoreFromTrash: async (judgementId) => void (await command('trash.restore', { kind: 'judgement', id: judgementId })),
      });
      if (!active) return;
      if (found.kind === 'gone') {
        store.setProblem(id, null);
        dropBlocks(id);
        return;
      }
      if (found.kind === 'unreadable') {
        store.setProblem(id, `Could not load this key judgement (${errorMessage(found.error)}). It is kept and will be tried again.`);
        window.setTimeout(() => {
          if (active && !store.has(id) && readIds(editor).includes(id)) void adopt(id, attempt + 1);
        }, retryDelayMs(attempt));
        return;
      }
      store.setProblem(id, null);
      const { record, restoredFromTrash } = found;
      if (record.briefingId === briefingId) {
        store.put(record);
        return;
      }
      try {
        await giveOwnRecord(record);
      } catch (failure) {
        // The block cannot get a record of its own: drop it rather than leave it bound to another briefing's.
        dropBlocks(id);
        fail(failure);
      } finally {
        if (restoredFromTrash) await command('judgements.delete', { id, baseVersion: record.version }).catch(fail);
      }
    };

    /** Blocks just created that share a record with another block: copies pasted in this briefing. */
    const pastedTwins = (mutations: ReadonlyMap<NodeKey, NodeMutation>): Map<string, Set<NodeKey>> => {
      const twins = new Map<string, Set<NodeKey>>();
      editor.getEditorState().read(() => {
        const byId = new Map<string, NodeKey[]>();
        for (const node of $judgementNodes()) byId.set(node.getJudgementId(), [...(byId.get(node.getJudgementId()) ?? []), node.getKey()]);
        for (const [id, keys] of byId) {
          if (keys.length < 2 || !store.has(id)) continue;
          // The block that was there before the paste keeps the record; if all are new, the first does.
          const keeper = keys.find((key) => mutations.get(key) !== 'created') ?? keys[0];
          const extra = keys.filter((key) => key !== keeper && !store.isCopying(key));
          if (extra.length > 0) twins.set(id, new Set(extra));
        }
      });
      return twins;
    };

    const onMutation = (mutations: ReadonlyMap<NodeKey, NodeMutation>): void => {
      if (!active || !editable) return;
      for (const [id, keys] of pastedTwins(mutations)) {
        const original = store.get(id);
        if (!original) continue;
        store.markCopying(keys, true);
        giveOwnRecord(original, keys)
          .catch(fail)
          .finally(() => store.markCopying(keys, false));
      }
      const ids = readIds(editor);
      const now = new Set(ids);
      const before = new Set(known);
      known = ids;
      store.setOrder(ids);
      for (const id of before) {
        const record = store.get(id);
        if (now.has(id) || !record) continue;
        store.remove(id);
        command('judgements.delete', { id, baseVersion: record.version }).then(
          () => onRemoved(id),
          (failure: unknown) => {
            if (errorCodeOf(failure) !== 'not_found') fail(failure);
          },
        );
      }
      for (const id of now) if (!before.has(id) && !store.has(id)) void adopt(id);
      syncOrder(ids);
    };

    // A failed first read keeps every block as it is (none is dropped) and is tried again.
    const load = (attempt: number): void => {
      const askedAt = store.mark();
      void read('judgements.list', { briefingId }).then(
        ({ yardstick, items }) => {
          if (!active) return;
          // A save answered while the list was on its way is newer than the list: the store keeps it.
          store.setAll(yardstick, items, askedAt);
          const live = new Set(store.ids());
          editor.update(
            () => {
              const nodes = $judgementNodes();
              const present = new Set<string>();
              for (const node of nodes) {
                const id = node.getJudgementId();
                if (!live.has(id) || present.has(id)) node.remove();
                else {
                  present.add(id);
                  const statement = store.get(id)?.statement ?? '';
                  if (node.getStatement() !== statement) node.setStatement(statement);
                }
              }
              const section = $keyJudgementsSection();
              for (const item of store.all()) if (!present.has(item.id)) section.append($createJudgementNode(item.id, item.statement));
            },
            {
              tag: HISTORY_MERGE_TAG,
              onUpdate: () => {
                known = readIds(editor);
                store.setOrder(known);
                syncOrder(known);
              },
            },
          );
        },
        (failure: unknown) => {
          if (attempt === 0) fail(failure);
          if (active && errorCodeOf(failure) !== 'not_found') window.setTimeout(() => active && load(attempt + 1), retryDelayMs(attempt));
        },
      );
    };
    load(0);

    const unregister = mergeRegister(
      editor.registerMutationListener(JudgementNode, onMutation, { skipInitialization: true }),
      editor.registerCommand(
        INSERT_JUDGEMENT_COMMAND,
        () => {
          if (!editable) return true;
          command('judgements.create', { briefingId, draft: {} }).then((created) => {
            store.put(created);
            store.requestFocus(created.id);
            store.select(created.id);
            editor.update(() => $insertJudgementBlock(created.id, ''));
          }, fail);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        MOVE_JUDGEMENT_COMMAND,
        ({ nodeKey, direction }) => $moveJudgementBlock(nodeKey, direction),
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        REMOVE_JUDGEMENT_COMMAND,
        (nodeKey) => {
          const node = $getNodeByKey(nodeKey);
          if (!$isJudgementNode(node)) return false;
          node.remove();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isAddJudgementKey(event)) return false;
          event.preventDefault();
          editor.dispatchCommand(INSERT_JUDGEMENT_COMMAND, undefined);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      active = false;
      unregister();
    };
  }, [editor, scope, read, briefingId, editable, onRemoved]);

  return null;
}

export type { JudgementScope };
