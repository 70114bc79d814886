import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CommandId } from '../../src/commands/command-keys';
import { navigate } from '../app/router';
import type { CommandContext } from './context';
import { commandSpec } from './table';

type Handler = () => void;

/** Handlers bound by mounted views; the latest binding of an id wins (an inner view over an outer). */
const handlers = new Map<CommandId, Handler[]>();
/** A command waiting for its view to mount after `run` went to the command's home. */
let pending: { id: CommandId; until: number } | null = null;
/** A view that has not mounted by then (a failed chunk) drops the command instead of running it later. */
const PENDING_MS = 5000;

function bind(id: CommandId, handler: Handler): () => void {
  const list = handlers.get(id) ?? [];
  handlers.set(id, [...list, handler]);
  if (pending?.id === id) {
    const waiting = pending;
    pending = null;
    if (Date.now() <= waiting.until) queueMicrotask(handler);
  }
  return () =>
    handlers.set(
      id,
      (handlers.get(id) ?? []).filter((bound) => bound !== handler),
    );
}

function handlerOf(id: CommandId): Handler | undefined {
  return handlers.get(id)?.at(-1);
}

/** Whether a command can run in a context: its `when` holds and a view handles it or it has a home. */
export function isAvailable(id: CommandId, context: CommandContext): boolean {
  const spec = commandSpec(id);
  return spec.when(context) && (handlerOf(id) !== undefined || spec.home !== undefined);
}

/** Runs a command if it applies; returns whether it did (or went to the view that will). */
export function runCommand(id: CommandId, context: CommandContext): boolean {
  if (!isAvailable(id, context)) return false;
  const handler = handlerOf(id);
  pending = null;
  if (handler) handler();
  else {
    const home = commandSpec(id).home;
    if (!home) return false;
    pending = { id, until: Date.now() + PENDING_MS };
    navigate(home);
  }
  return true;
}

/** Binds a command to a handler while the calling component is mounted (and `enabled`). */
export function useCommandHandler(id: CommandId, handler: Handler, enabled = true): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? bind(id, () => latest.current()) : undefined), [id, enabled]);
}
