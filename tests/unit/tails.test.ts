import { describe, expect, it } from 'vitest';
import type { DestinationMap } from '../../src/pdf/destinations.js';
import { shortEnds, shortTails } from '../../src/print/tails.js';

const PAGE = 740;

describe('shortTails', () => {
  it('finds a news item that leaves two lines at the top of the next item’s page', () => {
    const destinations: DestinationMap = new Map([
      ['a', { page: 3, top: 500 }],
      ['b', { page: 4, top: 30 }],
      ['c', { page: 4, top: 400 }],
    ]);
    expect(shortTails(destinations, { sequences: [['a', 'b', 'c']] })).toEqual(['a']);
  });
});

describe('shortEnds', () => {
  const flow = { sequences: [], ends: [{ measure: 'summary', tighten: 'summary' }, { measure: 'story', tighten: 'story' }] };

  it('pulls back a story whose last page, before a forced break, holds a few lines', () => {
    // The summary runs over two full pages and leaves 60 pt (a 2-line tail and a short closing).
    const model = {
      destinations: new Map([['summary', { page: 3, top: 0 }], ['story', { page: 6, top: 0 }]]) as DestinationMap,
      ends: new Map([['summary', { page: 5, bottom: 60 }], ['story', { page: 6, bottom: 700 }]]),
    };
    expect(shortEnds(model, flow, PAGE)).toEqual(['summary']);
  });

  it('leaves a last page that a tighter setting could not empty, and one a quarter full', () => {
    const model = {
      destinations: new Map([['summary', { page: 3, top: 0 }], ['story', { page: 6, top: 0 }]]) as DestinationMap,
      // 150 pt after one page: too much to pull back (5 % of 890 pt is 45 pt); 200 pt is over a quarter.
      ends: new Map([['summary', { page: 4, bottom: 150 }], ['story', { page: 7, bottom: 200 }]]),
    };
    expect(shortEnds(model, flow, PAGE)).toEqual([]);
  });

  it('ignores a story that ends on the page it starts on', () => {
    const model = {
      destinations: new Map([['story', { page: 6, top: 300 }]]) as DestinationMap,
      ends: new Map([['story', { page: 6, bottom: 320 }]]),
    };
    expect(shortEnds(model, flow, PAGE)).toEqual([]);
  });
});
