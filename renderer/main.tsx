import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../src/contract/client';
import { App } from './app/App';
import { ClientProvider } from './app/ClientProvider';
import { NoSession } from './app/NoSession';
import './styles.css';
import { selectTransport } from './transport/select-transport';

const transport = selectTransport();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {transport ? (
      <ClientProvider client={createClient(transport)}>
        <App />
      </ClientProvider>
    ) : (
      <NoSession />
    )}
  </StrictMode>,
);
