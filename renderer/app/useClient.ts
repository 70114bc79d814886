import { useContext } from 'react';
import type { WarrantClient } from '../../src/contract/client';
import { ClientContext } from './ClientProvider';

/** The contract client for this window. */
export function useClient(): WarrantClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>.');
  return client;
}
