/** The HTML written beside the PDF (--html) carries the page numbers the print has. */
import { describe, expect, it } from 'vitest';
import { filledPageNumbers } from '../../src/commands/standalone-html.js';

const slot = (id: string) => `<span class="pageref" data-pageref="${id}">00</span>`;
const range = (from: string, to: string) => `<span class="pagerange">Trang ${slot(from)}<span class="pagerange-to">–${slot(to)}</span></span>`;

describe('filledPageNumbers', () => {
  const pages = new Map([
    ['phan-1', 4],
    ['phan-1-end', 7],
    ['phan-2', 8],
    ['phan-2-end', 8],
  ]);

  it('writes every number into its slot', () => {
    expect(filledPageNumbers(`<p>${slot('phan-2')}</p>`, pages)).toBe('<p><span class="pageref" data-pageref="phan-2">8</span></p>');
  });

  it('marks a part on one page, as the PDF prints it ("Trang 8", not "Trang 8–8"), and only that one', () => {
    const out = filledPageNumbers(`${range('phan-1', 'phan-1-end')}${range('phan-2', 'phan-2-end')}`, pages);
    expect(out.match(/class="pagerange(?: [^"]*)?"/g)).toEqual(['class="pagerange"', 'class="pagerange is-one-page"']);
    expect(out).toContain('data-pageref="phan-1">4</span><span class="pagerange-to">–<span class="pageref" data-pageref="phan-1-end">7</span>');
  });
});
