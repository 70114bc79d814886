import { useCallback } from 'react';
import { ContractError } from '../../src/contract/client';
import { useJobs } from '../shell/useJobs';
import { useToast } from '../shell/useToast';
import { saveBytesAs } from './download';
import { errorMessage } from './error-message';
import { useClient } from './useClient';

/** File → Save a copy…: a consistent copy of the workspace, delivered the host's way. */
export function useSaveCopy(): () => Promise<void> {
  const client = useClient();
  const jobs = useJobs();
  const toast = useToast();
  return useCallback(async () => {
    try {
      const result = await jobs.run('workspace.saveCopy', {});
      if (result.delivery === 'download') {
        saveBytesAs(await client.fetchFile(result.file), result.file.name, result.file.mediaType);
        toast({ message: `Saved a copy as “${result.file.name}”.` });
      } else {
        toast({ message: `Saved a copy to “${result.path}”.` });
      }
    } catch (error) {
      const cancelled = error instanceof ContractError && error.payload.code === 'cancelled';
      toast({
        message: cancelled ? 'Save a copy: cancelled. Nothing was written.' : errorMessage(error),
        tone: cancelled ? 'info' : 'error',
      });
    }
  }, [client, jobs, toast]);
}
