/** The import UI's strings: every key in English and Finnish, and a text for every reason and field the code can produce. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYAML } from 'confbox/yaml';
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS } from '../../../utils/import/map-rows';
import { MAPPING_FIELDS, missingFields } from '../../../utils/import/presets';

type Tree = Record<string, unknown>;
const load = (lang: string) =>
  (parseYAML(readFileSync(path.resolve(import.meta.dirname, `../../../utils/i18n/locales/${lang}.yml`), 'utf8')) as Tree).import as Tree;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([k, v]) => (v !== null && typeof v === 'object' ? keys(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();
}

describe('import strings', () => {
  const en = load('en');
  const fi = load('fi');
  it('exist in English and Finnish alike, none empty', () => {
    expect(keys(fi)).toEqual(keys(en));
    for (const lang of [en, fi])
      for (const key of keys(lang))
        expect(
          key.split('.').reduce<unknown>((t, k) => (t as Tree)[k], lang),
          key,
        ).not.toBe('');
  });
  it('name every skip reason, mapping field and missing field', () => {
    for (const lang of [en, fi]) {
      expect(Object.keys(lang.reason as Tree).sort()).toEqual([...SKIP_REASONS].sort());
      expect(Object.keys(lang.field as Tree).sort()).toEqual([...MAPPING_FIELDS].sort());
      expect(Object.keys(lang.need as Tree).sort()).toEqual(missingFields({}).sort());
    }
  });
});
