/** What users type into the targets form, and what is kept. */
import { describe, expect, it } from 'vitest';
import { parseTargetField, parseTargetSet, targetFieldText } from '../../../utils/dashboard/target-form';

describe('target fields', () => {
  it('reads a percentage with a comma or a dot, with or without the sign, as a share', () => {
    expect(parseTargetField('mqlToWon', '10')).toEqual({ ok: true, value: 0.1 });
    expect(parseTargetField('mqlToWon', '12,5 %')).toEqual({ ok: true, value: 0.125 });
    expect(parseTargetField('mqlToWon', '7.25%')).toEqual({ ok: true, value: 0.0725 });
  });

  it('reads money with grouping spaces and a currency, and a multiple with ×', () => {
    expect(parseTargetField('costPerWon', '1 500 €')).toEqual({ ok: true, value: 1500 });
    expect(parseTargetField('costPerWon', '€900')).toEqual({ ok: true, value: 900 });
    expect(parseTargetField('roas', '3x')).toEqual({ ok: true, value: 3 });
    expect(parseTargetField('roas', '2,5×')).toEqual({ ok: true, value: 2.5 });
  });

  it('treats blank as no target, and refuses zero, negatives, words and shares above 100%', () => {
    expect(parseTargetField('roas', '  ')).toEqual({ ok: true, value: undefined });
    for (const text of ['0', '-5', 'ten', '101', '1e3', '1,000.5']) expect(parseTargetField('mqlToWon', text)).toEqual({ ok: false });
  });

  it('shows a kept value back in the UI language', () => {
    expect(targetFieldText('mqlToWon', 0.125, 'fi')).toBe('12,5');
    expect(targetFieldText('mqlToWon', 0.1, 'en')).toBe('10');
    expect(targetFieldText('costPerWon', undefined, 'en')).toBe('');
  });

  it('parses a whole line, or refuses it when one field is wrong', () => {
    expect(parseTargetSet({ mqlToWon: '10', costPerWon: '', roas: '3' })).toEqual({ mqlToWon: 0.1, roas: 3 });
    expect(parseTargetSet({ mqlToWon: '10', costPerWon: 'abc', roas: '3' })).toBeNull();
  });
});
