/** The only place that writes to the terminal. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns: number;
  cwd: string;
}

/**
 * A stream whose reader may go away (`clawdiff … | head -1`): once a write
 * fails with EPIPE the rest of the output is dropped quietly, so the run
 * still ends with the exit code its verdict gives, not with a stack trace.
 */
function closableWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

export function processIO(): CliIO {
  return {
    stdout: closableWriter(process.stdout),
    stderr: closableWriter(process.stderr),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns ?? 100,
    cwd: process.cwd(),
  };
}
