import type { core as en } from '../en/core.js';

export const core: Record<keyof typeof en, string> = {
  'report.error': 'lỗi',
  'report.warning': 'cảnh báo',
  'report.errors.one': '{n} lỗi',
  'report.errors.many': '{n} lỗi',
  'report.warnings.one': '{n} cảnh báo',
  'report.warnings.many': '{n} cảnh báo',
};
