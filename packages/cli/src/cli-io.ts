/** The streams a command talks to; tests pass in-memory ones. */
export interface CliIo {
  readStdin(): Promise<string>;
  writeOut(text: string): void;
  writeErr(text: string): void;
  env: Record<string, string | undefined>;
}

/** Reads all of a readable stream as UTF-8 text. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The process's own stdin, stdout, stderr and environment. */
export function createProcessIo(): CliIo {
  return {
    readStdin: () => readStream(process.stdin),
    writeOut: (text) => void process.stdout.write(text),
    writeErr: (text) => void process.stderr.write(text),
    env: process.env,
  };
}
