/**
 * From the preview's page to the line of the issue file: the editor named by --editor, else
 * $VISUAL, else $EDITOR, started with the file and line the way it reads them (`code --goto
 * file:line`, `zed file:line`, `emacsclient -n +line file`…), or a command written with {file}
 * and {line}. An editor that runs in a terminal cannot be opened from a browser: the preview
 * says the command to run instead. Started without a shell, so no file name is ever read as one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Editors that take `--goto file:line`, and those that take `file:line`. */
const GOTO = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf']);
const COLON = new Set(['zed', 'zeditor', 'subl', 'sublime_text', 'hx', 'helix', 'micro']);
/** Editors that take `--line N file` (JetBrains IDEs). */
const LINE_FLAG = new Set(['idea', 'webstorm', 'pycharm', 'phpstorm', 'goland', 'rider', 'clion', 'fleet']);
/** Editors that need a terminal of their own. */
const TERMINAL = new Set(['vi', 'vim', 'nvim', 'nano', 'pico', 'emacs', 'hx', 'helix', 'micro', 'kak', 'ne', 'joe', 'mcedit', 'ed']);
/** Flags that make an editor wait for the file to be closed (meant for git commit, not here). */
const WAIT = new Set(['-w', '--wait']);

export type EditorCall = { command: string; args: string[] } | { terminal: string };

/** The editor's words: a command and its arguments, quotes kept together ("…", '…'). */
export function splitCommand(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** How to open `file` at `line` with `editor` (a name, a path, or a command with {file} and {line}). */
export function editorCall(editor: string, file: string, line: number): EditorCall {
  const [command = '', ...given] = splitCommand(editor.trim());
  if (given.some((arg) => arg.includes('{file}'))) {
    return { command, args: given.map((arg) => arg.replaceAll('{file}', file).replaceAll('{line}', String(line))) };
  }
  // win32 reads both separators: C:\…\Code.exe and /usr/bin/code.
  const name = path.win32.basename(command).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
  const args = given.filter((arg) => !WAIT.has(arg));
  const inTerminal = TERMINAL.has(name) || (name === 'emacsclient' && args.some((arg) => arg === '-t' || arg === '-nw' || arg === '--tty'));
  if (inTerminal) {
    const where = COLON.has(name) ? [`${file}:${line}`] : [`+${line}`, file];
    return { terminal: [command, ...args, ...where].map(shellWord).join(' ') };
  }
  if (GOTO.has(name)) return { command, args: [...args, '--goto', `${file}:${line}`] };
  if (COLON.has(name)) return { command, args: [...args, `${file}:${line}`] };
  if (LINE_FLAG.has(name)) return { command, args: [...args, '--line', String(line), file] };
  if (name === 'emacsclient') return { command, args: [...args.filter((arg) => arg !== '-n'), '-n', `+${line}`, file] };
  // gvim, gedit, kate, mousepad, pluma…: the `+line file` most editors have read since vi.
  return { command, args: [...args, `+${line}`, file] };
}

/** A word as a POSIX shell reads it back. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Starts the editor, detached: resolves once it runs, rejects when it cannot start. */
export function startEditor(call: { command: string; args: string[] }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(call.command, call.args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
