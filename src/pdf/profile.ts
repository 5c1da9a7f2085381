/** Output profiles and their measures; kept free of pdf-lib so the command layer loads fast. */
export type Profile = 'screen' | 'print' | 'press';
export const PROFILES: readonly Profile[] = ['screen', 'print', 'press'];

export const DEFAULT_BLEED_MM = 3;

export const pt = (mm: number) => (mm * 72) / 25.4;
