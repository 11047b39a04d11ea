// Output of CLI commands, injectable so tests capture it; what the terminal allows (colour, a status line).

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour on stdout: only on a terminal, and never with `NO_COLOR` set or `TERM=dumb`. Default off. */
  color?: boolean;
  /** A transient status line on stderr (progress); absent when stderr is not a terminal. `''` clears it. */
  status?: (text: string) => void;
  /** Ends long-running commands (`tail`); the process's own io wires SIGINT/SIGTERM to it in `tail`. */
  signal?: AbortSignal;
}

/** Whether colour is allowed: a terminal, `NO_COLOR` unset or empty (https://no-color.org), `TERM` not `dumb`. */
export function colorAllowed(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get color() {
    return colorAllowed(process.stdout.isTTY, process.env);
  },
  get status() {
    if (!process.stderr.isTTY || process.env['TERM'] === 'dumb') return undefined;
    return (text: string) => void process.stderr.write(`\r\x1b[K${text}`);
  },
};
