import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../src/contract/client';
import { App } from './app/App';
import { startBoot } from './app/boot';
import { ClientProvider } from './app/ClientProvider';
import { NoSession } from './app/NoSession';
import { createQueryClient } from './data/query-client';
import './styles.css';
import { selectTransport } from './transport/select-transport';

const transport = selectTransport();
const client = transport ? createClient(transport) : null;
const queryClient = createQueryClient();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {client ? (
      <ClientProvider client={client} queryClient={queryClient}>
        <App boot={startBoot(client, queryClient)} />
      </ClientProvider>
    ) : (
      <NoSession />
    )}
  </StrictMode>,
);
