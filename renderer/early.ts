// The page's first script: small, `async`, and free of React and the transport, so it can run while
// the main script is still being fetched and compiled. It sends the reads the start would send
// anyway (renderer/app/first-reads.ts); the HTTP transport takes their answers instead of asking
// again, and checks them like any answer. When it runs after the main script's boot, which has
// then asked for itself, it sends nothing. The desktop app (IPC, no token) asks nothing here.
import { firstReads } from './app/first-reads';
import { sendEarlyReads } from './transport/early-reads';
import { currentToken, fragmentWithoutToken } from './transport/token';

const token = window.warrant ? null : currentToken();
if (token) sendEarlyReads(token, firstReads(fragmentWithoutToken(window.location.hash)));
