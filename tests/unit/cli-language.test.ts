/**
 * The command line in the interface language: --lang, then BANTIN_LANG, then the locale. The
 * program runs in this process (main() with stdout and stderr captured), as bin/bantin.js runs it.
 * And a look over src/ for English sentences left outside the catalogues.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { langFlag, main } from '../../src/cli/main.js';
import { setLanguage } from '../../src/core/i18n.js';

interface Run {
  out: string;
  err: string;
  code: number;
}

/** `bantin ARGS` with the given locale variables (everything else about the language unset). */
async function bantin(args: string[], locale: Record<string, string> = {}): Promise<Run> {
  for (const name of ['BANTIN_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) vi.stubEnv(name, locale[name] ?? '');
  vi.stubEnv('FORCE_COLOR', '0');
  let out = '';
  let err = '';
  const write = (to: 'out' | 'err') => (chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (to === 'out') out += text;
    else err += text;
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(write('out') as typeof process.stdout.write);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(write('err') as typeof process.stderr.write);
  process.exitCode = undefined;
  try {
    await main(['node', 'bantin', ...args]);
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
    setLanguage('en');
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const VI = { LANG: 'vi_VN.UTF-8' };
const C = { LANG: 'C' };
const BROKEN = 'tests/fixtures/bad/missing-field.yaml';
const UNKNOWN_KEY = 'tests/fixtures/bad/unknown-key.yaml';

/**
 * English words that must not be left in a Vietnamese line (command names such as build, check,
 * help, new and values such as print are identifiers; "in" is Vietnamese too: to print).
 */
const ENGLISH_WORDS = [
  'the', 'a', 'an', 'file', 'files', 'issue', 'issues', 'expected', 'usage', 'options', 'option', 'error', 'errors',
  'warning', 'warnings', 'command', 'commands', 'arguments', 'argument', 'display', 'for', 'with', 'and', 'or', 'of',
  'to', 'default', 'choices', 'missing', 'unknown', 'required', 'invalid', 'failed', 'write', 'where', 'folder',
  'browser', 'pages', 'done', 'not', 'is', 'did', 'you', 'mean', 'too', 'many', 'got', 'field', 'text',
];

/**
 * English words left in a line once what is not prose is taken out: option names (--output, -o),
 * placeholders (<file>, [port]), JSON field names ([{file, ok}]), quoted text ("issues/*.yaml", the user's own words), paths,
 * dotted identifiers (series.theme, parts[0].body), URLs, and the lines quoting the issue file.
 */
function englishLeft(text: string): string[] {
  const left: string[] = [];
  // A help line wrapped onto the next one is read as one line (a bracket may open on the first).
  for (const line of text.replace(/\n {6,}/g, ' ').split('\n')) {
    if (/^\s*\d*\s*\|/.test(line)) continue;
    const prose = line
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/"[^"]*"|'[^']*'/g, ' ')
      .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
      .replace(/(^|\s)--?[\w-]+/g, ' ')
      .replace(/\S*[./]\S*/g, ' ');
    for (const word of prose.split(/[^\p{L}\p{N}_]+/u)) if (ENGLISH_WORDS.includes(word.toLowerCase())) left.push(`${word} in: ${line.trim()}`);
  }
  return left;
}

describe('the language switch', () => {
  it('reads --lang before the program is built, with a space or =, not after --', () => {
    expect(langFlag(['node', 'bantin', '--lang', 'vi', 'build', 'a.yaml'])).toBe('vi');
    expect(langFlag(['node', 'bantin', 'check', '--lang=en', 'a.yaml'])).toBe('en');
    expect(langFlag(['node', 'bantin', 'check', '--', '--lang', 'vi'])).toBeUndefined();
    expect(langFlag(['node', 'bantin', 'check', 'a.yaml'])).toBeUndefined();
  });

  it('refuses a language it does not have, as a usage error', async () => {
    const run = await bantin(['--lang', 'fr', 'check', BROKEN]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("'fr'");
  });
});

describe('bantin --help and bantin build --help', () => {
  for (const [how, args, locale] of [
    ['LANG=vi_VN.UTF-8', [], VI],
    ['--lang vi', ['--lang', 'vi'], C],
    ['--lang=vi over LANG=C', ['--lang=vi'], C],
    ['BANTIN_LANG=vi', [], { BANTIN_LANG: 'vi', LANG: 'C' }],
  ] as const) {
    it(`speak Vietnamese with ${how}`, async () => {
      for (const command of [[], ['build'], ['check'], ['new'], ['theme'], ['theme', 'new'], ['convert'], ['preview'], ['add'], ['site']]) {
        const run = await bantin([...args, ...command, '--help'], locale);
        expect(run.code).toBe(0);
        expect(run.out).toContain('Cách dùng:');
        expect(run.out).toContain('Tùy chọn:');
        expect(englishLeft(run.out), command.join(' ')).toEqual([]);
      }
    });
  }

  it('speak English with LANG=C, --lang en, or nothing set', async () => {
    for (const [args, locale] of [[[], C], [['--lang', 'en'], VI], [[], {}]] as const) {
      const top = await bantin([...args, '--help'], locale);
      expect(top.out).toMatch(/^Usage: bantin \[options\] \[command\]\n/);
      expect(top.out).toContain('display help for command');
      const build = await bantin([...args, 'build', '--help'], locale);
      expect(build.out).toContain('Usage: bantin build [options] <files...>');
      expect(build.out).toContain('Arguments:');
      expect(build.out).toContain('(choices: "screen", "print", "press", default: "print")');
    }
  });
});

describe('usage errors', () => {
  const cases: Array<[string[], string, string]> = [
    [['bogus'], "error: unknown command 'bogus'", "lỗi: không có lệnh 'bogus'"],
    [['buidl'], "error: unknown command 'buidl'\n(Did you mean build?)", "lỗi: không có lệnh 'buidl'\n(Có phải ý bạn là build?)"],
    [['build'], "error: missing required argument 'files'", "lỗi: thiếu tham số bắt buộc 'tệp'"],
    [['build', '--bogus', 'a.yaml'], "error: unknown option '--bogus'", "lỗi: không có tùy chọn '--bogus'"],
    [['build', '--profile', 'x', 'a.yaml'], "error: option '--profile <profile>' argument 'x' is invalid. Allowed choices are screen, print, press.", "lỗi: giá trị 'x' của tùy chọn '--profile <profile>' không hợp lệ. Chỉ được chọn: screen, print, press."],
    [['build', '--jobs', '99', 'a.yaml'], `error: option '-j, --jobs <n>' argument '99' is invalid. expected a whole number of jobs from 1 to 16, got "99"`, `lỗi: giá trị '99' của tùy chọn '-j, --jobs <n>' không hợp lệ. cần số nguyên (số bản tin in cùng lúc) từ 1 đến 16, nhưng nhận được "99"`],
    [['convert', 'a', 'b'], "error: too many arguments for 'convert'. Expected 1 argument but got 2.", "lỗi: thừa tham số cho 'convert'. Cần 1 tham số nhưng có 2."],
    [['build', '-o'], "error: option '-o, --output <file>' argument missing", "lỗi: tùy chọn '-o, --output <file>' thiếu giá trị"],
    [['build', '--bleed', '3', 'a.yaml'], 'error: --bleed goes with --profile press', 'lỗi: --bleed chỉ đi cùng --profile press'],
  ];
  for (const [args, english, vietnamese] of cases) {
    it(`bantin ${args.join(' ')}`, async () => {
      const en = await bantin(args, C);
      expect(en.code).toBe(2);
      expect(en.err).toBe(`${english}\n`);
      const viRun = await bantin(args, VI);
      expect(viRun.code).toBe(2);
      expect(viRun.err).toBe(`${vietnamese}\n`);
      expect(englishLeft(viRun.err)).toEqual([]);
    });
  }
});

describe('bantin check on a broken issue', () => {
  it('speaks Vietnamese with LANG=vi_VN.UTF-8 and --lang vi, English with LANG=C', async () => {
    for (const file of [BROKEN, UNKNOWN_KEY]) {
      for (const run of [await bantin(['check', file], VI), await bantin(['--lang', 'vi', 'check', file], C)]) {
        expect(run.code).toBe(1);
        expect(run.err).toContain('lỗi');
        expect(run.err).toContain('không đạt');
        expect(englishLeft(run.err)).toEqual([]);
      }
      const en = await bantin(['check', file], C);
      expect(en.code).toBe(1);
      expect(en.err).toContain(': failed (');
      expect(en.err).toMatch(/ error /);
    }
  });

  it('gives the same codes, lines and paths in --json in both languages, the messages in each', async () => {
    for (const file of [BROKEN, UNKNOWN_KEY, 'tests/fixtures/lint/date-outside-week.yaml']) {
      const en = JSON.parse((await bantin(['check', '--json', file], C)).out);
      const viReport = JSON.parse((await bantin(['check', '--json', file], VI)).out);
      const shape = (report: Array<{ errors: Array<Record<string, unknown>>; warnings: Array<Record<string, unknown>> }>) =>
        report.map((r) => [...r.errors, ...r.warnings].map(({ message: _message, ...rest }) => rest));
      expect(shape(viReport)).toEqual(shape(en));
      expect(shape(en).flat().length).toBeGreaterThan(0);
      for (const problem of [...viReport[0].errors, ...viReport[0].warnings]) expect(problem.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(JSON.stringify(viReport)).not.toBe(JSON.stringify(en));
    }
  });
});

/*
 * No user-facing English sentence outside the catalogues: a quoted string of three or more
 * English words (with spaces) in src/, leaving out import paths, comments, regular expressions,
 * JSON Schema descriptions (.meta({ description }) and description: lines), CSS and HTML in
 * templates, and debug() lines (logger.debug, and the log?.() and lap() it is passed as in
 * src/print) — --verbose detail stays English, for the developer reading it.
 */
/** Three or more words of ASCII letters (a Vietnamese word, with its diacritics, is not one). */
const SENTENCE = /(?<![\p{L}\d_.-])[A-Za-z][a-z']*(?:[,;:()—]? +[A-Za-z][a-z']*(?![\p{L}\d_.-])){2,}/u;

/**
 * Strings that are not said to the user: product names in install paths, the message of an
 * internal TimeoutError that browserFailure() says again as print.timeout, and the Producer a
 * --cmyk file carries (the file's words, the same whatever language built it), and the
 * User-Agent bantin add sends.
 */
const NOT_PROSE = [/^Google(?: |\\+)Chrome for Testing/, /^no answer from the page in /, /CMYK by bantin with Ghostscript/, /^Mozilla\/5\.0 \(/];

/** Files that read English text on purpose: commander's own messages, matched to be said again. */
const READS_ENGLISH = new Set(['src/cli/help.ts']);


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file.split(path.sep).join('/')] : [];
  });
}

function englishSentences(file: string): string[] {
  const found: string[] = [];
  const lines = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).split('\n');
  lines.forEach((line, i) => {
    if (/^\s*\/\//.test(line) || /\bimport\b.*\bfrom\s|\.meta\(|\bdebug\(|\blog\?\.\(|\blap\(|\bdescription:/.test(line)) return;
    const code = line.replace(/(^|[^:])\/\/ .*$/, '$1');
    for (const m of code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' § ');
      if (/[<>]|[{};]\s*$|^\s*[.#@]/.test(text)) continue;
      if (SENTENCE.test(text) && !NOT_PROSE.some((re) => re.test(text))) found.push(`${file}:${i + 1}: ${text}`);
    }
  });
  return found;
}

describe('English sentences in src/', () => {
  const files = sourceFiles('src').filter((file) => !file.startsWith('src/core/messages/') && !READS_ENGLISH.has(file));

  it('are only in the catalogues', () => {
    expect(files.flatMap(englishSentences)).toEqual([]);
  });

  it('are found where they are (the look over src/ is not blind)', () => {
    expect(englishSentences('tests/fixtures/english-sentence.ts.txt')).toEqual([
      "tests/fixtures/english-sentence.ts.txt:2: cannot read the file",
    ]);
  });
});
