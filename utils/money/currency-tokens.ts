/**
 * Currency symbols and amount abbreviations as the ad managers print them in their UI locales.
 * Kept apart from the parser so the tables can be read (and extended) at a glance.
 */

/**
 * Symbol → ISO 4217 code. `null` means "a currency, but not which one", and a spend read with it
 * has no currency (so ROAS is only computed if the caller says which currency to assume).
 *
 * - A bare `$` is read as USD: Google Ads, Meta and LinkedIn print other dollars with a prefix
 *   (`CA$`, `A$`, `NZ$`...) in most UI locales. Where the local dollar is a bare `$` (en-AU for
 *   AUD, es-MX for MXN, fr-CA for CAD) we read USD, and the currency check against the API then
 *   omits ROAS with 'currency-mismatch' — the safe way to be wrong.
 * - `kr` is SEK, NOK, DKK or ISK and `¥` is JPY or CNY depending on the locale: not guessed.
 */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ['$', 'USD'],
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['SG$', 'SGD'],
  ['MX$', 'MXN'],
  ['NT$', 'TWD'],
  ['R$', 'BRL'],
  ['BR$', 'BRL'],
  // French UIs put the country after the sign: `12 345,67 $US`, `$ AU` (spaces are ignored).
  ['$US', 'USD'],
  ['$CA', 'CAD'],
  ['$AU', 'AUD'],
  ['$NZ', 'NZD'],
  ['$HK', 'HKD'],
  ['$SG', 'SGD'],
  ['$MX', 'MXN'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['£GB', 'GBP'],
  ['₫', 'VND'],
  ['₽', 'RUB'],
  ['руб.', 'RUB'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₴', 'UAH'],
  ['₱', 'PHP'],
  ['฿', 'THB'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['JP¥', 'JPY'],
  ['CN¥', 'CNY'],
  ['元', 'CNY'],
  ['Nkr', 'NOK'],
  ['Dkr', 'DKK'],
  ['Skr', 'SEK'],
  ['¥', null],
  ['kr', null],
  ['kr.', null],
  ['Kr', null],
]);

const ISO_CODE = /^[A-Z]{3}$/;

/**
 * The currency a token names: an ISO code, a code for a known symbol, `null` for a known but
 * ambiguous symbol, or `undefined` when the token is not a currency at all.
 */
export function currencyOfToken(token: string): string | null | undefined {
  const compact = token.replace(/ /g, ''); // `$ US` (fr-CA) is `$US`
  if (CURRENCY_SYMBOLS.has(compact)) return CURRENCY_SYMBOLS.get(compact);
  if (ISO_CODE.test(compact)) return compact;
  return undefined;
}

/**
 * Abbreviation → power of ten, as printed by compact number formats. Case matters: Finnish
 * `t.` is a thousand (tuhatta), English `T` would be a trillion and is not listed.
 */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map<string, number>([
  // thousand: en, fi (tuhatta), sv (tusen), de (Tausend), es/pt (mil), ru
  ['K', 3],
  ['k', 3],
  ['t.', 3],
  ['t', 3],
  ['tn', 3],
  ['tn.', 3],
  ['Tsd.', 3],
  ['Tsd', 3],
  ['mil', 3],
  ['тыс.', 3],
  // million: en, fi (miljoonaa), sv (miljoner), de (Millionen), it/pl, pt, ru
  ['M', 6],
  ['m', 6],
  ['milj.', 6],
  ['milj', 6],
  ['mn', 6],
  ['Mn', 6],
  ['mln', 6],
  ['Mln', 6],
  ['mln.', 6],
  ['Mio.', 6],
  ['Mio', 6],
  ['mi', 6],
  ['млн', 6],
  // billion: en, fi/sv (miljardia), de (Milliarden), fr, it/pl, pt, ru
  ['B', 9],
  ['b', 9],
  ['bn', 9],
  ['Bn', 9],
  ['mrd.', 9],
  ['mrd', 9],
  ['Mrd.', 9],
  ['Mrd', 9],
  ['md', 9],
  ['Md', 9],
  ['mld', 9],
  ['Mld', 9],
  ['bi', 9],
  ['млрд', 9],
]);

/** Longest first, so `milj.` wins over `mil` and `mi`. */
export const MULTIPLIER_TOKENS: readonly string[] = [...MULTIPLIERS.keys()].sort((a, b) => b.length - a.length);
