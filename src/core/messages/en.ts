/**
 * English messages: the reference catalogue, one module per area (en/<area>.ts) so that each
 * area's keys live beside each other. vi.ts has the same keys and the same {placeholders}.
 */
import { core } from './en/core.js';
import { issue } from './en/issue.js';

export const en = { ...core, ...issue } as const;

export type MessageKey = keyof typeof en;
