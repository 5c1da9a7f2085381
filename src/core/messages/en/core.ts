/** Messages of src/core and the report lines. */
export const core = {
  'report.error': 'error',
  'report.warning': 'warning',
  'report.errors.one': '{n} error',
  'report.errors.many': '{n} errors',
  'report.warnings.one': '{n} warning',
  'report.warnings.many': '{n} warnings',
} as const;
