/**
 * Realistic platform IDs and B2B campaign names for the demo and the test worlds: mixed Finnish,
 * Swedish and English, with the separators (` | `, `_`, ` - `) real accounts use, so the content
 * scripts' name matching meets the same variety it will meet in real ad managers.
 */
import type { Level } from '../api/schema';
import type { Platform } from '../api/constants';
import type { Random } from './random';

/** Meta IDs are 18 digits starting 1202…, Google Ads 11 digits, LinkedIn 9 digits. */
function drawId(platform: Platform, random: Random): string {
  switch (platform) {
    case 'meta_ads':
      return `1202${random.digits(14)}`;
    case 'google_ads':
      return `${random.int(1, 2)}${random.digits(10)}`;
    case 'linkedin_ads':
      return `${random.int(1, 9)}${random.digits(8)}`;
  }
}

/** A source of IDs for one platform that never repeats itself. */
export function createIdFactory(platform: Platform, random: Random): () => string {
  const used = new Set<string>();
  return () => {
    let id = drawId(platform, random);
    while (used.has(id)) id = drawId(platform, random);
    used.add(id);
    return id;
  };
}

const MARKETS = ['FI', 'SE', 'NO', 'DK', 'Nordics', 'DACH'] as const;
const TOPICS = [
  'ERP-ohjelmisto',
  'Talousjohtajan opas',
  'Ostolaskujen automaatio',
  'Käyttöönotto-webinaari',
  'Sähköinen arkistointi',
  'Kassavirran ennustaminen',
  'Työajanseuranta',
  'Hinnoittelu',
  'Ilmainen kokeilu',
  'Löneautomatisering',
  'Årsbokslut 2026',
  'Cloud ERP demo',
  'Procurement analytics',
  'Case study – manufacturing',
  'Brand',
  'Kilpailijat',
] as const;
const PERIODS = ['2026-Q3', '2026-Q4', 'Always-on', 'Syksy 2026'] as const;
const GOOGLE_CHANNELS = ['Search', 'PMax', 'Display', 'YouTube'] as const;
const MATCH_TYPES = ['Exact', 'Phrase', 'Broad'] as const;
const META_OBJECTIVES = ['Lead Ads', 'Conversions', 'Retargeting', 'Prospecting'] as const;
const LINKEDIN_FORMATS = ['Sponsored Content', 'Document Ads', 'Lead Gen Form', 'Conversation Ads', 'Thought Leader'] as const;
const AUDIENCES = ['CFO', 'Controller', 'Talouspäällikkö', 'IT-johtaja', 'Hankintapäällikkö', 'HR Director'] as const;
const META_AUDIENCES = ['LAL 1% asiakkaat', 'LAL 3% liidit', 'Sivuvierailijat 30 pv', 'Kiinnostus: taloushallinto', 'Broad 25–54'] as const;
const SENIORITIES = ['Director+', 'Manager', 'Senior', 'CXO'] as const;
const CREATIVES = ['Video 15s', 'Karuselli', 'Kuva', 'Asiakastarina', 'Single image', 'Dokumentti'] as const;
const HEADLINES = ['Säästä 5 h viikossa', 'Pyydä demo', 'Lataa opas', 'Katso hinnat', 'Boka demo', 'Free trial'] as const;

function campaignName(platform: Platform, random: Random): string {
  const market = random.pick(MARKETS);
  const topic = random.pick(TOPICS);
  const period = random.pick(PERIODS);
  switch (platform) {
    case 'google_ads':
      return random.pick([
        `${random.pick(GOOGLE_CHANNELS)} | ${topic} | ${market}`,
        `${random.pick(GOOGLE_CHANNELS)}_${topic.replace(/ /g, '-')}_${market}_${period}`,
        `Search - ${topic} - ${random.pick(MATCH_TYPES)}`,
      ]);
    case 'meta_ads':
      return random.pick([
        `${market} | ${random.pick(META_OBJECTIVES)} | ${topic} | ${period}`,
        `${market}_${random.pick(META_OBJECTIVES).replace(/ /g, '')}_${topic}`,
        `${topic} - ${random.pick(META_OBJECTIVES)} - ${market}`,
      ]);
    case 'linkedin_ads':
      return random.pick([
        `${market} - ${random.pick(LINKEDIN_FORMATS)} - ${random.pick(AUDIENCES)} - ${topic}`,
        `${random.pick(LINKEDIN_FORMATS)} | ${random.pick(AUDIENCES)} | ${period}`,
        `LI_${market}_${topic.replace(/ /g, '_')}`,
      ]);
  }
}

function adGroupName(platform: Platform, random: Random): string {
  switch (platform) {
    case 'google_ads':
      return `${random.pick(TOPICS)} [${random.pick(MATCH_TYPES)}]`;
    case 'meta_ads':
      return `${random.pick(META_AUDIENCES)} | ${random.pick(MARKETS)}`;
    case 'linkedin_ads':
      return `${random.pick(AUDIENCES)} - ${random.pick(SENIORITIES)} - ${random.pick(MARKETS)}`;
  }
}

/** Ads are numbered, as advertisers do to tell hundreds of similar creatives apart. */
function adName(platform: Platform, random: Random, serial: number): string {
  const headline = random.pick(HEADLINES);
  switch (platform) {
    case 'google_ads':
      return `RSA ${serial} – ${headline}`;
    case 'meta_ads':
      return `AD${String(serial).padStart(3, '0')}_${random.pick(CREATIVES)}_${headline}`;
    case 'linkedin_ads':
      return `${random.pick(CREATIVES)} | ${headline} | ${serial}`;
  }
}

const NAME_MAKERS: Record<Level, (platform: Platform, random: Random, serial: number) => string> = {
  campaign: campaignName,
  ad_group: adGroupName,
  ad: adName,
};

/**
 * A source of names that never repeats, as the API matches rows to the page by name
 * when an ID is missing. After a few clashing draws it numbers the name instead.
 */
export function createNameFactory(platform: Platform, random: Random, prefix = ''): (level: Level) => string {
  const used = new Set<string>();
  const made: Record<Level, number> = { campaign: 0, ad_group: 0, ad: 0 };
  return (level) => {
    const serial = ++made[level];
    const draw = () => `${prefix}${NAME_MAKERS[level](platform, random, serial)}`;
    let name = draw();
    for (let tries = 0; used.has(name) && tries < 5; tries++) name = draw();
    for (let n = 2; used.has(name); n++) name = `${name.replace(/ #\d+$/, '')} #${n}`;
    used.add(name);
    return name;
  };
}
