import type { Writable } from 'node:stream';

/**
 * Reads a secret (an administrator password) without echoing it: from the terminal in raw mode,
 * or the first line of standard input when it is a pipe. Never reads from arguments, which other
 * users can see in the process list.
 */
export async function readSecret(prompt: string, stderr: Writable, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!stdin.isTTY) return readFirstLine(stdin);
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let secret = '';
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            stderr.write('\n');
            resolve(secret);
            return;
          }
          if (char === '\u0003') {
            stdin.off('data', onData);
            stderr.write('\n');
            reject(new Error('Cancelled.'));
            return;
          }
          if (char === '\u007f' || char === '\b') secret = secret.slice(0, -1);
          else secret += char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
  }
  return text;
}
