/** What every command's CLI wrapper shares: global flags → logger, exit codes. */
import type { Command } from 'commander';
import { createLogger, type LogLevel, type Logger } from './logger.js';

export const EXIT = { ok: 0, userError: 1, usage: 2, bug: 70, interrupted: 130 } as const;

/** Exit codes after a signal: 128 + its number, as a shell reports it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
}

export function loggerFor(program: Command): Logger {
  const flags = program.opts<GlobalFlags>();
  const level: LogLevel = flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
  return createLogger({ level });
}
