/**
 * Commander's own words in the interface language, through its public API: the headings and
 * terms of the help (configureHelp), the help option and help command (helpOption, helpCommand),
 * and the usage errors (configureOutput's outputError keeps commander's English text until
 * exitOverride's callback knows the error's code, then says it from the catalogue). In English
 * nothing is changed: the texts are commander's own, byte for byte.
 */
import { CommanderError, Help, type Argument, type Command, type Option } from 'commander';
import { language, plural, t, type MessageKey } from '../core/i18n.js';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.global-options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
};

/** "[options]" and "[command]" in a usage line or a command's term. */
const terms = (text: string) => text.replace(/\[options\]/g, t('cli.help.options-term')).replace(/\[command\]/g, t('cli.help.command-term'));
/** The words naming an option's value ("--output <file>", "--theme <name|dir>"), where the catalogue has them. */
const VALUE_WORDS = new Set(['file', 'dir', 'name', 'path', 'port', 'n', 'date', 'title', 'seconds', 'size', 'line', 'profile', 'number', 'lang', 'issue', 'formats', 'editor', 'mm']);
const valueWords = (flags: string) =>
  flags.replace(/([<[])([\w|.-]+)([>\]])/g, (whole, open: string, inner: string, close: string) => {
    const words = inner.split('|');
    if (!words.every((w) => VALUE_WORDS.has(w))) return whole;
    return `${open}${words.map((w) => t(`cli.placeholder.${w}` as MessageKey)).join('|')}${close}`;
  });
/** Commander's "(default: …)" and "(choices: …)" after a description. */
const extras = (text: string) => text.replace(/([(,] ?)default: /g, `$1${t('cli.help.default')}`).replace(/([(,] ?)choices: /g, `$1${t('cli.help.choices')}`);

/** To be called on the program before its commands are added (they inherit these settings). */
export function localizeProgram(program: Command): void {
  program.helpOption('-h, --help', t('cli.option.help'));
  program.helpCommand('help [command]', t('cli.command.help'));
  if (language() === 'en') return;
  const base = Help.prototype;
  program.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]!) : title),
    commandUsage(this: Help, cmd: Command) {
      return terms(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return terms(base.subcommandTerm.call(this, cmd));
    },
    optionTerm(this: Help, option: Option) {
      return valueWords(base.optionTerm.call(this, option));
    },
    optionDescription(this: Help, option: Option) {
      return extras(base.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return extras(base.argumentDescription.call(this, argument));
    },
  });
  // Commander writes an error before it ends; the code comes only with the end (exitOverride).
  let pending: string | undefined;
  const writeErr = (s: string) => process.stderr.write(s);
  program.configureOutput({
    writeErr,
    writeOut: (s) => process.stdout.write(s),
    outputError: (message) => {
      pending = message;
    },
  });
  program.exitOverride((error) => {
    if (pending !== undefined) {
      writeErr(localizeCommanderError(error, pending));
      pending = undefined;
    }
    throw error;
  });
}

/** The suggestion commander adds on its own line: "(Did you mean build?)". */
function suggestion(text: string): string {
  const m = /^\(Did you mean (one of )?(.*)\?\)$/.exec(text);
  if (!m) return text;
  return t(m[1] ? 'cli.error.did-you-mean-one-of' : 'cli.error.did-you-mean', { what: m[2]! });
}

/**
 * Commander's English error message in the interface language, chosen by the error's code; the
 * names in it (options, arguments, commands) are read back from commander's text. A message of
 * unknown shape is left as it is.
 */
export function localizeCommanderError(error: CommanderError | { code: string }, message: string): string {
  const ending = message.endsWith('\n') ? '\n' : '';
  const [first = '', ...rest] = message.slice(0, message.length - ending.length).split('\n');
  const said = sayError(error.code, first);
  if (said === undefined) return message;
  return [said, ...rest.map(suggestion)].join('\n') + ending;
}

function sayError(code: string, text: string): string | undefined {
  const m = (re: RegExp) => re.exec(text);
  let g: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      return (g = m(/^error: unknown option '(.*)'$/)) ? t('cli.error.unknown-option', { flag: g[1]! }) : undefined;
    case 'commander.unknownCommand':
      return (g = m(/^error: unknown command '(.*)'$/)) ? t('cli.error.unknown-command', { name: g[1]! }) : undefined;
    case 'commander.missingArgument':
      return (g = m(/^error: missing required argument '(.*)'$/)) ? t('cli.error.missing-argument', { name: g[1]! }) : undefined;
    case 'commander.optionMissingArgument':
      return (g = m(/^error: option '(.*)' argument missing$/)) ? t('cli.error.option-missing-argument', { flags: g[1]! }) : undefined;
    case 'commander.missingMandatoryOptionValue':
      return (g = m(/^error: required option '(.*)' not specified$/)) ? t('cli.error.missing-mandatory-option', { flags: g[1]! }) : undefined;
    case 'commander.excessArguments':
      return (g = m(/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/))
        ? t('cli.error.excess-arguments', {
            where: g[1] ? t('cli.error.excess-arguments-for', { name: g[1] }) : '',
            expected: plural(Number(g[2]), 'cli.error.arguments.one', 'cli.error.arguments.many'),
            got: g[3]!,
          })
        : undefined;
    case 'commander.invalidArgument':
    case 'commander.invalidOptionArgument': {
      const reason = (r: string) => {
        const choices = /^Allowed choices are (.*)\.$/.exec(r);
        return choices ? t('cli.error.allowed-choices', { choices: choices[1]! }) : r;
      };
      if ((g = m(/^error: option '(.*?)' argument '(.*)' is invalid\. ?(.*)$/))) return t('cli.error.invalid-option-argument', { flags: g[1]!, value: g[2]!, reason: reason(g[3]!) });
      if ((g = m(/^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. ?(.*)$/))) return t('cli.error.invalid-argument', { value: g[1]!, name: g[2]!, reason: reason(g[3]!) });
      return undefined;
    }
    case 'commander.conflictingOption':
      return (g = m(/^error: (.*) cannot be used with (.*)$/)) ? t('cli.error.conflicting-option', { option: g[1]!, other: g[2]! }) : undefined;
    default:
      // Messages bantin gives commander itself (command.error) are already in the catalogue.
      return undefined;
  }
}
