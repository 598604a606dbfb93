import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../utils/matching/match';

describe('normalizeName', () => {
  it.each([
    // Finnish letters fold to their base letters, separators collapse to one space.
    ['Kesä-Ale_2024 | Haku', 'kesa ale 2024 haku'],
    ['ÖLJY: Talvi/Kevät.2024', 'oljy talvi kevat 2024'],
    ['Åland – Brand', 'aland brand'],
    ['Brand — Search', 'brand search'],
    ['a__b--c––d||e//f..g::h', 'a b c d e f g h'],
    ['  Brand \t  Search\n', 'brand search'],
    ['Brand\u00a0Search\u202fFI', 'brand search fi'],
    // NFKC: full-width letters, the ideographic space, ligatures.
    ['ＢＲＡＮＤ\u3000Search', 'brand search'],
    ['ﬁnland', 'finland'],
    // Case folding beyond toLowerCase, and letters that have no decomposition.
    ['Straße', 'strasse'],
    ['Ærø Øst', 'aero ost'],
    ['İstanbul', 'istanbul'],
    // A combining accent typed separately folds like the precomposed letter.
    ['Cafe\u0301', 'cafe'],
    ['Café', 'cafe'],
    // Invisible characters that table cells sometimes carry are dropped.
    ['Brand\u200bSearch\u00ad', 'brandsearch'],
    // Other punctuation and scripts are kept.
    ['Q1 (FI) & SE + 50%', 'q1 (fi) & se + 50%'],
    ['Москва Бренд', 'москва бренд'],
    // Only Latin-style diacritics are dropped: in kana and Indic scripts the marks are letters.
    ['東京 キャンペーン', '東京 キャンペーン'],
    ['हिंदी अभियान', 'हिंदी अभियान'],
    ['', ''],
    [' - | _ ', ''],
  ])('%j → %j', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it('names that differ only in case, accents and separators become equal', () => {
    const variants = ['Kesä-Ale 2024', 'KESA_ALE_2024', 'kesa – ale | 2024', ' Kesä  Ale.2024 '];
    expect(new Set(variants.map(normalizeName))).toEqual(new Set(['kesa ale 2024']));
  });

  it('names that differ in words or digits stay apart', () => {
    expect(normalizeName('Brand FI')).not.toBe(normalizeName('Brand SE'));
    expect(normalizeName('Haku 2024')).not.toBe(normalizeName('Haku 2025'));
    expect(normalizeName('Brand+')).not.toBe(normalizeName('Brand'));
  });
});
