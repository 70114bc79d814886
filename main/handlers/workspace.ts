import { WarrantError } from '../../src/contract/errors';
import type { WORKSPACE_JOBS, WORKSPACE_OPERATIONS } from '../../src/contract/operations/workspace';
import { ForeignSchemaRefusals } from '../cleaned-copy';
import type { DomainHandlers, HandlerContext, HostServices, NativeDialogs } from './context';

function requireDialogs(host: HostServices): NativeDialogs {
  if (!host.dialogs)
    throw new WarrantError(
      'unsupported',
      'Opening and creating workspaces needs the desktop app. In the browser, restart Warrant with --workspace PATH.',
    );
  return host.dialogs;
}

/** Opening, creating and switching workspaces, and saving a copy of the open one. */
export function workspaceHandlers({
  ws,
  session,
  host,
}: HandlerContext): DomainHandlers<typeof WORKSPACE_OPERATIONS, typeof WORKSPACE_JOBS> {
  const refusals = new ForeignSchemaRefusals();
  const switchTo = async (pick: () => Promise<string | null>, create: boolean): Promise<{ switched: boolean }> => {
    const path = await pick();
    if (path === null) return { switched: false };
    refusals.opening(path, () => session.switchTo(path, create));
    return { switched: true };
  };
  return {
    handlers: {
      'workspace.rememberPlace': (place) => {
        ws().lastPlace.set(place);
        return {};
      },
      'workspace.recent': () => ({ items: session.recentWorkspaces?.list() ?? [] }),
      'workspace.create': () => switchTo(() => requireDialogs(host).pickNewWorkspacePath(), true),
      'workspace.open': () => switchTo(() => requireDialogs(host).pickWorkspaceToOpen(), false),
      // Loaded when asked for: building the sample reads its HTML capture, and the HTML parser is
      // not needed to serve the first page.
      'workspace.openSample': () =>
        switchTo(async () => {
          const { ensureSampleBeside } = await import('../sample-workspace-file');
          return ensureSampleBeside(ws().path, session.nativeBinding);
        }, false),
      'workspace.openCleanedCopy': () => refusals.openCleanedCopy(session),
      'workspace.openRecent': ({ index }) => {
        requireDialogs(host);
        const path = session.recentWorkspaces?.paths()[index];
        if (path === undefined) throw new WarrantError('not_found', 'That workspace is no longer in the recent list.');
        return switchTo(async () => path, false);
      },
    },
    jobHandlers: {
      'workspace.saveCopy': (_input, control) => host.deliverCopy(ws(), control),
    },
  };
}
