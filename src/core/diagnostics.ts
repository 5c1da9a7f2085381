/** Problems found in an issue file, each pointing at `file:line:col`. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based line and column of the offending node. */
  line: number;
  col: number;
  /** Field path such as `parts[2].articles[5].source.url`; empty for the whole file. */
  path: string;
  message: string;
  /** The offending source line, shown with a caret under `col`. */
  sourceLine?: string;
  /** A short rule name for warnings (`date-outside-period`…) or errors (`schema`, `yaml`…). */
  code: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Raised for a problem the user can fix; the CLI prints it without a stack trace. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}

/** A command line that cannot be carried out as given (an output that is an input…): exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
