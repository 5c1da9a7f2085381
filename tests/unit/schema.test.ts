/** The zod schema is the single source of truth; its JSON Schema is what editors validate against. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpUrl, isoDate, issueSchema } from '../../src/issue/schema.js';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: unknown };

describe('issueSchema as JSON Schema', () => {
  const json = z.toJSONSchema(issueSchema) as JsonSchema & { title?: string };

  it('describes an object with series, issue, page, cover, parts and checks', () => {
    expect(json.type).toBe('object');
    expect(Object.keys(json.properties ?? {})).toEqual(['series', 'issue', 'page', 'cover', 'parts', 'checks']);
    expect(json.required).toEqual(['series', 'issue', 'parts']);
    expect(json.additionalProperties).toBe(false);
    expect(json.title).toBe('bantin issue');
  });

  it('carries the nested fields and their formats', () => {
    const issue = json.properties?.issue;
    expect(issue?.properties?.number).toMatchObject({ type: 'string' });
    expect(issue?.properties?.week?.properties?.start).toMatchObject({ type: 'string', format: 'date' });
    expect(json.properties?.series?.properties?.website).toMatchObject({ type: 'string', format: 'uri' });
    expect(json.properties?.parts).toMatchObject({ type: 'array', minItems: 1 });
  });
});

describe('field schemas', () => {
  it.each([['https://vov.vn/'], ['http://vov.vn/kinh-te'], ['  https://vov.vn/  ']])('httpUrl accepts %j', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(true);
  });

  it.each([['javascript:alert(1)'], ['ftp://vov.vn/'], ['file:///etc/passwd'], ['data:,x'], ['vov.vn'], [''], ['https://']])(
    'httpUrl rejects %j',
    (url) => {
      expect(httpUrl.safeParse(url).success).toBe(false);
    },
  );

  it.each([['2026-05-25', true], ['2028-02-29', true], ['2026-02-29', false], ['2026-04-31', false], ['2026-5-25', false], ['25/5/2026', false]])(
    'isoDate %s → %s',
    (value, ok) => {
      expect(isoDate.safeParse(value).success).toBe(ok);
    },
  );
});
