/** The two message catalogues stay one set of messages: the same keys, and no placeholder the code does not fill. */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../support/catalogues';

const en = catalogue('en');
const fi = catalogue('fi');
const placeholders = (text: string) => new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]));

describe('message catalogues', () => {
  it('have every key in both languages, and no empty message', () => {
    expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries({ ...en, ...fi }).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('use in Finnish only placeholders the English message has (the code fills the same ones for both)', () => {
    const unfilled = Object.keys(fi).flatMap((key) =>
      [...placeholders(fi[key] as string)].filter((p) => !placeholders(en[key] ?? '').has(p)).map((p) => `${key}: {${p}}`),
    );
    expect(unfilled).toEqual([]);
  });
});
