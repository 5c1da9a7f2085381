/** The logger every stage writes to; the command line's (src/cli/logger.ts) colours it and knows where it writes. */
import { Chalk, type ChalkInstance } from 'chalk';

export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  /** Step-by-step progress: shown in a terminal, or always with --verbose. */
  progress(message: string): void;
  /** Detail only for --verbose. */
  debug(message: string): void;
  /** Status worth seeing even outside a terminal (watch mode's rebuilds): stderr unless --quiet. */
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The result (a file path): stdout. */
  result(message: string): void;
  /**
   * One line that updates in place while work runs (a batch's "2 of 8 done, printing …"): in a
   * terminal only; any other message clears it first, and `status('')` clears it for good.
   */
  status(message: string): void;
  color: ChalkInstance;
}

/** A logger that records everything: for tests and library callers. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const color = new Chalk({ level: 0 });
  const push = (prefix: string) => (m: string) => void lines.push(`${prefix}${m}`);
  return { color, lines, progress: push('progress: '), debug: push('debug: '), info: push('info: '), warn: push('warn: '), error: push('error: '), result: push(''), status: push('status: ') };
}
