import { ChildProcess } from 'node:child_process';

/** Calls `onLine` for every non-empty line a child process writes to stdout or stderr. */
export function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
    stream.on('end', () => {
      if (buffered.trim()) onLine(buffered);
      buffered = '';
    });
  }
}
