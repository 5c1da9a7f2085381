/** Thông điệp tiếng Việt: cùng khoá và cùng chỗ điền {tên} như en.ts, theo từng phần (vi/<phần>.ts). */
import type { MessageKey } from './en.js';
import { add } from './vi/add.js';
import { cli } from './vi/cli.js';
import { commands } from './vi/commands.js';
import { core } from './vi/core.js';
import { importDraft } from './vi/import.js';
import { issue } from './vi/issue.js';
import { markdown } from './vi/markdown.js';
import { newIssue } from './vi/new.js';
import { pdf } from './vi/pdf.js';
import { print } from './vi/print.js';
import { render } from './vi/render.js';
import { theme } from './vi/theme.js';
import { viewer } from './vi/viewer.js';

export const vi: Record<MessageKey, string> = { ...add, ...cli, ...commands, ...core, ...importDraft, ...issue, ...markdown, ...newIssue, ...pdf, ...print, ...render, ...theme, ...viewer };
