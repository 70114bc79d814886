#!/usr/bin/env node
// The warrant CLI runs the TypeScript sources of the checkout directly through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli.ts');
