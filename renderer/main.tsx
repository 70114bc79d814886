import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../src/contract/client';
import { App } from './app/App';
import { startBoot } from './app/boot';
import { ClientProvider } from './app/ClientProvider';
import { NoSession } from './app/NoSession';
import './styles.css';
import { selectTransport } from './transport/select-transport';

const transport = selectTransport();
const client = transport ? createClient(transport) : null;
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {client ? (
      <ClientProvider client={client}>
        <App boot={startBoot(client)} />
      </ClientProvider>
    ) : (
      <NoSession />
    )}
  </StrictMode>,
);
