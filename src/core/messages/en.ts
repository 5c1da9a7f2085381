/**
 * English messages: the reference catalogue, one module per area (en/<area>.ts) so that each
 * area's keys live beside each other. vi.ts has the same keys and the same {placeholders}.
 */
import { add } from './en/add.js';
import { cli } from './en/cli.js';
import { commands } from './en/commands.js';
import { core } from './en/core.js';
import { importDraft } from './en/import.js';
import { issue } from './en/issue.js';
import { markdown } from './en/markdown.js';
import { newIssue } from './en/new.js';
import { pdf } from './en/pdf.js';
import { print } from './en/print.js';
import { render } from './en/render.js';
import { theme } from './en/theme.js';
import { viewer } from './en/viewer.js';

export const en = { ...add, ...cli, ...commands, ...core, ...importDraft, ...issue, ...markdown, ...newIssue, ...pdf, ...print, ...render, ...theme, ...viewer } as const;

export type MessageKey = keyof typeof en;
