import type { SETTINGS_OPERATIONS } from '../../src/contract/operations/settings';
import type { DomainHandlers, HandlerContext } from './context';

/** The workspace settings. */
export function settingsHandlers({ ws }: HandlerContext): DomainHandlers<typeof SETTINGS_OPERATIONS> {
  return {
    handlers: {
      'settings.get': () => ws().settings.get(),
      'settings.update': ({ version, ...patch }) => ws().settings.update(patch, version),
    },
    jobHandlers: {},
  };
}
