import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { errorMessage, isConflict } from '../app/error-message';
import { useCommand, type RunCommand } from '../data/mutations';
import { useToast } from '../shell/useToast';

/**
 * Runs an indicator command; a failure is said in a toast and nothing on screen is lost. A
 * conflict (changed in another tab or window) reads the stored indicators again, so the analyst
 * sees what is there before trying again. Resolves true when the command succeeded.
 */
export function useIndicatorCommand(): (work: (command: RunCommand) => Promise<unknown>) => Promise<boolean> {
  const command = useCommand();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async (work) => {
      try {
        await work(command);
        return true;
      } catch (error) {
        if (isConflict(error))
          await Promise.all(['indicators.list', 'indicators.due'].map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
        toast({ message: errorMessage(error), tone: 'error' });
        return false;
      }
    },
    [command, queryClient, toast],
  );
}
