import type { HOST_OPERATIONS } from '../../src/contract/operations/host';
import type { DomainHandlers, HandlerContext } from './context';

/** What the host can do and which workspace it has open. */
export function hostHandlers({ ws, session, host }: HandlerContext): DomainHandlers<typeof HOST_OPERATIONS> {
  return {
    handlers: {
      'host.info': () => ({
        appVersion: host.appVersion,
        capabilities: { nativeDialogs: host.dialogs !== null },
        workspace: { name: ws().name, path: ws().path, epoch: session.epoch, readOnly: session.readOnly },
        lastPlace: ws().lastPlace.get(),
        teamRelay: host.teamRelay ?? null,
      }),
    },
    jobHandlers: {},
  };
}
