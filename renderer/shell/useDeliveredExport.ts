import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import type { Delivery } from '../../src/contract/file-ref';
import { saveBytesAs } from '../app/download';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useToast } from './useToast';

/** An export job's state in a dialog: busy while it runs, the error if it failed or was cancelled. */
export interface DeliveredExport {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs the job, hands its file over (download, or already saved by the host), and reports it. */
  run: (job: () => Promise<Delivery>, onDone: () => void) => Promise<void>;
}

/**
 * What every export dialog does once the user presses Export: the host either wrote the file
 * where the user chose (desktop) or returns bytes for the browser to download.
 */
export function useDeliveredExport(cancelledMessage: string): DeliveredExport {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (job: () => Promise<Delivery>, onDone: () => void): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await job();
      if (result.delivery === 'download') saveBytesAs(await client.fetchFile(result.file), result.file.name, result.file.mediaType);
      toast({ message: result.delivery === 'download' ? `Exported as “${result.file.name}”.` : `Exported to “${result.path}”.` });
      onDone();
    } catch (failure) {
      setError(failure instanceof ContractError && failure.payload.code === 'cancelled' ? cancelledMessage : errorMessage(failure));
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
