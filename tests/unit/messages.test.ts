/** The two message catalogues: the same keys, the same placeholders, Vietnamese in NFC; the language chosen as documented. */
import { describe, expect, it } from 'vitest';
import { chooseLanguage, setLanguage, t } from '../../src/core/i18n.js';
import { en } from '../../src/core/messages/en.js';
import { vi } from '../../src/core/messages/vi.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders in every message', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(vi[key]), key).toEqual(placeholders(en[key]));
  });

  it('write Vietnamese composed (NFC), without leftover English placeholders or empty texts', () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text, key).toBe(text.normalize('NFC'));
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('fill placeholders in the chosen language', () => {
    try {
      setLanguage('vi');
      expect(t('report.errors.many', { n: 3 })).toBe('3 lỗi');
      setLanguage('en');
      expect(t('report.errors.many', { n: 3 })).toBe('3 errors');
    } finally {
      setLanguage('en');
    }
  });
});

describe('the interface language', () => {
  it('is --lang, then BANTIN_LANG, then the locale, then English', () => {
    expect(chooseLanguage('vi', { BANTIN_LANG: 'en', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { BANTIN_LANG: 'vi', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { BANTIN_LANG: 'en', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, { LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { LC_MESSAGES: 'vi_VN', LANG: 'C' })).toBe('vi');
    expect(chooseLanguage(undefined, { LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { LANG: 'C' })).toBe('en');
    expect(chooseLanguage(undefined, {})).toBe('en');
  });
});
