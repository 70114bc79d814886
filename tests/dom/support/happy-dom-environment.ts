import { builtinEnvironments, type Environment } from 'vitest/runtime';

/**
 * happy-dom's globals, with modules transformed as for Node (Vite's "ssr" side) instead of as
 * for a browser bundle: some tests run the real hosts in this process, and the browser-side
 * transform rewrites their `new URL('./migrations/', import.meta.url)` into page addresses.
 * Renderer modules load unchanged either way; only how file paths in Node code resolve differs.
 */
const environment: Environment = { ...builtinEnvironments['happy-dom'], name: 'happy-dom-node-modules', viteEnvironment: 'ssr' };

export default environment;
