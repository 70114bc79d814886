// The `warrant` process (bin/warrant.mjs runs this, bundled into dist/cli.mjs by
// scripts/build-cli.mjs); the commands themselves are in main/cli/index.ts.
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2));
