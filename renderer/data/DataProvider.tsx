import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

/**
 * The cache of contract reads for this page; one per page load, so a workspace switch (which
 * reloads) starts empty. The page's start passes the one it already asked its first reads through.
 */
export function DataProvider({ queryClient, children }: { queryClient?: QueryClient; children: ReactNode }) {
  const [cache] = useState(() => queryClient ?? createQueryClient());
  return <QueryClientProvider client={cache}>{children}</QueryClientProvider>;
}
