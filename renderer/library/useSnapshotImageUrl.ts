import { useEffect, useMemo } from 'react';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';

/**
 * An image snapshot's bytes as a blob URL (the page's policy allows blob: for images only), read
 * from the workspace, never from the network; revoked when no longer shown.
 */
export function useSnapshotImageUrl(sourceId: string, snapshotId?: string): { url: string | null; error: string | null } {
  // A snapshot's bytes never change after capture.
  const read = useContractQuery('snapshots.image', { sourceId, snapshotId }, { immutable: true });
  const url = useMemo(() => {
    if (!read.data) return null;
    const bytes = Uint8Array.from(atob(read.data.base64), (char) => char.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: read.data.mediaType }));
  }, [read.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, error: read.error ? errorMessage(read.error) : null };
}
