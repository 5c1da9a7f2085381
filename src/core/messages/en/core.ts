/** Messages of src/core and the report lines. */
export const core = {
  'report.error': 'error',
  'report.warning': 'warning',
  'report.errors.one': '{n} error',
  'report.errors.many': '{n} errors',
  'report.warnings.one': '{n} warning',
  'report.warnings.many': '{n} warnings',
  // Why a file cannot be read (read-file.ts): the reason after "cannot read FILE: ".
  'core.read.folder': 'it is a folder',
  'core.read.fifo': 'it is a FIFO (named pipe), not a file',
  'core.read.socket': 'it is a socket, not a file',
  'core.read.device': 'it is a device, not a file',
  'core.read.not-regular': 'it is not a regular file',
  'core.read.no-such-file': 'no such file',
  'core.read.permission': 'permission denied',
  'core.read.socket-or-device': 'it is a socket or device, not a file',
  'core.read.became-link': 'it became a link while bantin opened it; try again',
  'core.read.too-large': 'it is {size}, more than the {max} bantin reads',
  'core.read.more-than': 'it is more than the {max} bantin reads',
  'core.read.link-outside': 'it is a link that leads out of {root} (to {real}); copy the file into that folder instead',
  'core.read.no-size': 'it is not a regular file with a size (a view of the system, such as /proc or /sys)',
  'core.read.grew': 'it grew while bantin read it; try again once it is saved',
} as const;
