// A password for `team-server user add|password`: from WARRANT_TEAM_PASSWORD (scripts, tests),
// else typed at the terminal without echo, else the first line of stdin.
import { createInterface } from 'node:readline';

function firstLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

function typedWithoutEcho(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

export function readPassword(prompt: string): Promise<string> {
  const fromEnvironment = process.env.WARRANT_TEAM_PASSWORD;
  if (fromEnvironment !== undefined) return Promise.resolve(fromEnvironment);
  return process.stdin.isTTY ? typedWithoutEcho(prompt) : firstLine();
}
