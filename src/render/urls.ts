/**
 * The page's virtual origin. Asset URLs live under it and only bantin's request handler
 * answers them (see pdf/requests.ts). A module of its own: the printing code needs these
 * without loading the renderer's libraries.
 */
export const ORIGIN = 'https://bantin.invalid';
export const PAGE_URL = `${ORIGIN}/issue.html`;
export const ASSET_PREFIX = `${ORIGIN}/_bantin/`;
export const ISSUE_PREFIX = `${ORIGIN}/issue/`;
