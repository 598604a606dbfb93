/*
 * Replica of Meta Ads Manager's campaign table, for Funnel Lens end-to-end tests.
 *
 * Plain browser JS with no build step. test/replicas/serve.ts serves it at the real Ads Manager
 * URLs and inlines the data as <script id="replica-data" type="application/json">. Every modelling
 * decision, and the line of /work/shared/reference/ad-ui-dom.md it comes from, is in ASSUMPTIONS.md.
 *
 * Two rules hold throughout:
 *  - Data (names above all: the harness feeds hostile ones) is only written through Text nodes and
 *    textContent, never innerHTML.
 *  - Row nodes are recycled like React's keyed-by-index rows: on scroll the replica only rewrites
 *    its own text nodes, attributes and cells, so anything an extension inserted stays put.
 */
(function () {
  'use strict';

  const doc = window.document;
  const loc = window.location;
  const hist = window.history;

  // ---------------------------------------------------------------------------------------------
  // Data and variant
  // ---------------------------------------------------------------------------------------------

  const data = JSON.parse(doc.getElementById('replica-data').textContent);
  const V = Object.assign(
    {
      // Where row IDs live: 'data-surface' (variant A, Meta until about March 2026), 'react' (B:
      // only in React's own properties on the row's nodes), 'none' (C: nowhere on the page).
      ids: 'data-surface',
      // false: no data-surface attribute anywhere in the table or the date label (variant C).
      dataSurface: true,
      skeletonMs: 800,
      knownTableMarkup: true,
      rowHeight: 48,
      visibleRows: 12,
      // Extra, not in the brief: the reference says Meta dropped ARIA roles at some point.
      ariaRoles: true,
      // Counts of 1,000 and more printed abbreviated (`1.2K`, `1,2 t.`), as compact formats do.
      abbreviateCounts: false,
    },
    data.variant || {},
  );
  const LOCALE = data.locale === 'fi' ? 'fi' : 'en';
  const ROW_H = V.rowHeight;
  // Rows rendered beyond the visible ones: one partly visible at each edge plus one spare,
  // which gives the ~15 recycled nodes the reference reports for 12 visible rows.
  const BUFFER_ROWS = 3;
  const NBSP = '\u00a0';

  const LEVELS = {
    campaign: { path: 'campaigns', objectType: 'CAMPAIGN_GROUP', selParam: 'selected_campaign_ids' },
    ad_group: { path: 'adsets', objectType: 'CAMPAIGN', selParam: 'selected_adset_ids' },
    ad: { path: 'ads', objectType: 'ADGROUP', selParam: 'selected_ad_ids' },
  };
  const LEVEL_BY_PATH = { campaigns: 'campaign', adsets: 'ad_group', ads: 'ad' };

  const STRINGS = {
    en: {
      tabs: { campaign: 'Campaigns', ad_group: 'Ad sets', ad: 'Ads' },
      nameHeader: { campaign: 'Campaign', ad_group: 'Ad set', ad: 'Ad' },
      title: { campaign: 'Ads Manager - Manage campaigns', ad_group: 'Ads Manager - Manage ad sets', ad: 'Ads Manager - Manage ads' },
      nouns: { campaign: ['campaign', 'campaigns'], ad_group: ['ad set', 'ad sets'], ad: ['ad', 'ads'] },
      resultsFrom: (n, noun) => 'Results from ' + n + ' ' + noun,
      excludesDeleted: 'Excludes deleted items',
      columns: {
        toggle: 'Off / On', delivery: 'Delivery', budget: 'Budget', results: 'Results', reach: 'Reach',
        impressions: 'Impressions', cost_per_result: 'Cost per result', spend: 'Amount spent', ends: 'Ends',
        schedule: 'Schedule', frequency: 'Frequency', link_clicks: 'Link clicks',
        cpc: 'CPC (cost per link click)', ctr: 'CTR (link click-through rate)',
        cpm: 'CPM (cost per 1,000 impressions)', clicks: 'Clicks (all)',
        landing_page_views: 'Landing page views', quality_ranking: 'Quality ranking', attribution_setting: 'Attribution setting',
      },
      aboveAverage: 'Above average', average: 'Average', attribution: '7-day click or 1-day view',
      active: 'Active', off: 'Off', ongoing: 'Ongoing', daily: 'Daily', usingAdSetBudget: 'Using ad set budget',
      linkClicks: 'Link clicks', perLinkClick: 'Per link click', accounts: 'Accounts Center accounts',
      resultTypes: { leads_form: 'Leads (form)', website_leads: 'Website leads', link_clicks: 'Link clicks' },
      perResult: { leads_form: 'Per lead (form)', website_leads: 'Per website lead', link_clicks: 'Per link click' },
      totalSpent: 'Total spent', total: 'Total', perImpressions: 'Per 1,000 impressions',
      viewCharts: 'View charts', edit: 'Edit', duplicate: 'Duplicate',
      select: 'Select row', selectAll: 'Select all', loading: 'Loading',
      noRows: 'No results', create: 'Create', search: 'Search and filter',
      account: 'Ad account', help: 'Help',
      presets: {
        today: 'Today', yesterday: 'Yesterday', last_7d: 'Last 7 days', last_14d: 'Last 14 days',
        last_30d: 'Last 30 days', this_month: 'This month', last_month: 'Last month',
      },
    },
    fi: {
      tabs: { campaign: 'Kampanjat', ad_group: 'Mainossarjat', ad: 'Mainokset' },
      nameHeader: { campaign: 'Kampanja', ad_group: 'Mainossarja', ad: 'Mainos' },
      title: { campaign: 'Ads Manager - Hallinnoi kampanjoita', ad_group: 'Ads Manager - Hallinnoi mainossarjoja', ad: 'Ads Manager - Hallinnoi mainoksia' },
      nouns: { campaign: ['kampanjasta', 'kampanjasta'], ad_group: ['mainossarjasta', 'mainossarjasta'], ad: ['mainoksesta', 'mainoksesta'] },
      resultsFrom: (n, noun) => 'Tulokset ' + n + ' ' + noun,
      excludesDeleted: 'Ei sisällä poistettuja kohteita',
      columns: {
        toggle: 'Pois / Päällä', delivery: 'Toimitus', budget: 'Budjetti', results: 'Tulokset', reach: 'Kattavuus',
        impressions: 'Näyttökerrat', cost_per_result: 'Hinta per tulos', spend: 'Käytetty summa', ends: 'Päättyy',
        schedule: 'Aikataulu', frequency: 'Tiheys', link_clicks: 'Linkin klikkaukset',
        cpc: 'CPC (hinta per linkin klikkaus)', ctr: 'CTR (linkin klikkausprosentti)',
        cpm: 'CPM (hinta per 1 000 näyttökertaa)', clicks: 'Klikkaukset (kaikki)',
        landing_page_views: 'Aloitussivun katselut', quality_ranking: 'Laatusijoitus', attribution_setting: 'Attribuutioasetus',
      },
      aboveAverage: 'Keskimääräistä parempi', average: 'Keskimääräinen', attribution: '7 päivän klikkaus tai 1 päivän katselu',
      active: 'Aktiivinen', off: 'Pois', ongoing: 'Jatkuva', daily: 'Päivittäinen', usingAdSetBudget: 'Käyttää mainossarjan budjettia',
      linkClicks: 'Linkin klikkaukset', perLinkClick: 'Per linkin klikkaus', accounts: 'Accounts Center -tilit',
      resultTypes: { leads_form: 'Liidit (lomake)', website_leads: 'Verkkosivuston liidit', link_clicks: 'Linkin klikkaukset' },
      perResult: { leads_form: 'Per liidi (lomake)', website_leads: 'Per verkkosivuston liidi', link_clicks: 'Per linkin klikkaus' },
      totalSpent: 'Käytetty yhteensä', total: 'Yhteensä', perImpressions: 'Per 1 000 näyttökertaa',
      viewCharts: 'Näytä kaaviot', edit: 'Muokkaa', duplicate: 'Monista',
      select: 'Valitse rivi', selectAll: 'Valitse kaikki', loading: 'Ladataan',
      noRows: 'Ei tuloksia', create: 'Luo', search: 'Hae ja suodata',
      account: 'Mainostili', help: 'Ohje',
      presets: {
        today: 'Tänään', yesterday: 'Eilen', last_7d: 'Viimeiset 7 päivää', last_14d: 'Viimeiset 14 päivää',
        last_30d: 'Viimeiset 30 päivää', this_month: 'Tämä kuukausi', last_month: 'Viime kuukausi',
      },
    },
  };
  const T = STRINGS[LOCALE];

  // Frozen block of each row: checkbox, on/off toggle, name. Widths in px.
  const CHECK_W = 40;
  const TOGGLE_W = 72;
  const NAME_W = 268;
  const LEFT_W = CHECK_W + TOGGLE_W + NAME_W;

  // Metric cells beside it, in Meta's default column order. `surface` is the cell's data-surface
  // key ({OT} = the level's internal object type); widths are chosen so that at a 1280 px viewport
  // the spend column is on screen at scrollLeft 0 and off screen when scrolled fully right.
  const RIGHT_COLUMNS = (function () {
    const defs = [
      ['delivery', 110, 'forObjectType(delivery,{OT})'],
      ['budget', 120, 'forObjectType(budget,{OT})'],
      ['results', 110, 'forAttributionWindow(results,default)'],
      ['reach', 100, 'reach'],
      ['impressions', 110, 'impressions'],
      ['cost_per_result', 120, 'forAttributionWindow(cost_per_result,default)'],
      ['spend', 120, 'spend'],
      ['ends', 100, 'ends'],
      ['schedule', 170, 'schedule'],
      ['frequency', 100, 'frequency'],
      ['link_clicks', 110, 'link_clicks'],
      ['cpc', 130, 'cpc'],
      ['ctr', 130, 'ctr'],
      ['cpm', 130, 'cpm'],
      ['clicks', 110, 'clicks'],
      ['landing_page_views', 140, 'forAttributionWindow(landing_page_views,default)'],
      ['quality_ranking', 150, 'quality_ranking'],
      ['attribution_setting', 150, 'attribution_setting'],
    ];
    let x = 0;
    return defs.map(function (d) {
      const col = { key: d[0], width: d[1], surface: d[2], x: x };
      x += d[1];
      return col;
    });
  })();
  const RIGHT_W = RIGHT_COLUMNS.reduce((w, c) => w + c.width, 0);

  // ---------------------------------------------------------------------------------------------
  // Formatting
  // ---------------------------------------------------------------------------------------------

  const CURRENCIES = {
    USD: { symbol: '$', decimals: 2 }, EUR: { symbol: '€', decimals: 2 }, GBP: { symbol: '£', decimals: 2 },
    SEK: { symbol: 'kr', decimals: 2 }, NOK: { symbol: 'kr', decimals: 2 }, DKK: { symbol: 'kr.', decimals: 2 },
    JPY: { symbol: '¥', decimals: 0 }, VND: { symbol: '₫', decimals: 0 },
  };

  /** Groups digits by thousands. Hand-written rather than Intl so the output never depends on ICU. */
  function groupDigits(intString, sep) {
    return intString.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  function formatNumber(n, decimals) {
    const fixed = Math.abs(n).toFixed(decimals || 0);
    const parts = fixed.split('.');
    const sign = n < 0 ? '-' : '';
    if (LOCALE === 'fi') return sign + groupDigits(parts[0], NBSP) + (parts[1] ? ',' + parts[1] : '');
    return sign + groupDigits(parts[0], ',') + (parts[1] ? '.' + parts[1] : '');
  }

  /** A count as the Results column prints it: `1,234` / `1 234`, or `1.2K` / `1,2 t.` when abbreviated. */
  function count(n) {
    if (n === null || n === undefined) return '—';
    if (!V.abbreviateCounts || n < 1000) return formatNumber(n, 0);
    const thousands = formatNumber(Math.round(n / 100) / 10, 1).replace(/[.,]0$/, '');
    return LOCALE === 'fi' ? thousands + NBSP + 't.' : thousands + 'K';
  }

  /** `$1,234.56` in English, `1 234,56 €` (no-break spaces) in Finnish, `—` for no data. */
  function formatMoney(amount) {
    if (amount === null || amount === undefined) return '—';
    const cur = CURRENCIES[data.currency] || { symbol: data.currency, decimals: 2 };
    const num = formatNumber(amount, cur.decimals);
    return LOCALE === 'fi' ? num + NBSP + cur.symbol : cur.symbol + num;
  }

  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // Dates are handled as UTC midnights so that the runner's time zone never shifts a day.
  function parseIso(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    if (!m) return null;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return iso(d) === s ? d : null;
  }
  function iso(d) {
    return d.toISOString().slice(0, 10);
  }
  function addDays(d, n) {
    return new Date(d.getTime() + n * 86400000);
  }
  function formatDate(d) {
    if (LOCALE === 'fi') return d.getUTCDate() + '.' + (d.getUTCMonth() + 1) + '.' + d.getUTCFullYear();
    return MONTHS_EN[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + d.getUTCFullYear();
  }

  function today() {
    const fixed = parseIso(data.today);
    if (fixed) return fixed;
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  const PRESET_KEYS = ['today', 'yesterday', 'last_7d', 'last_14d', 'last_30d', 'this_month', 'last_month'];

  /** Meta's "Last N days" ends yesterday; "This month" ends today. */
  function presetRange(key) {
    const t = today();
    const firstOfMonth = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    switch (key) {
      case 'today': return [t, t];
      case 'yesterday': return [addDays(t, -1), addDays(t, -1)];
      case 'last_7d': return [addDays(t, -7), addDays(t, -1)];
      case 'last_14d': return [addDays(t, -14), addDays(t, -1)];
      case 'last_30d': return [addDays(t, -30), addDays(t, -1)];
      case 'this_month': return [firstOfMonth, t];
      case 'last_month': return [new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1)), addDays(firstOfMonth, -1)];
      default: return null;
    }
  }

  /** Deterministic pseudo-random in [0,1) from an ID, for the metrics the data does not give. */
  function hashUnit(id, salt) {
    let h = 2166136261 ^ salt;
    const s = String(id);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return ((h >>> 0) % 100000) / 100000;
  }

  // ---------------------------------------------------------------------------------------------
  // URL state
  // ---------------------------------------------------------------------------------------------

  const state = {
    level: 'campaign',
    from: null,
    to: null,
    preset: null,
    selected: { campaign: new Set(), ad_group: new Set(), ad: new Set() },
    sort: null, // null | 'desc' | 'asc', on the spend column
    loading: true,
    rows: [],
    renderCount: 0,
  };

  /** Encodes a query like Meta writes it: commas in `date=…,preset` and ID lists stay literal. */
  function buildQuery(params) {
    return Object.keys(params)
      .filter((k) => params[k] !== null && params[k] !== undefined && params[k] !== '')
      .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(params[k]).replace(/%2C/gi, ','))
      .join('&');
  }

  function currentParams() {
    const out = {};
    new window.URLSearchParams(loc.search).forEach((v, k) => {
      out[k] = v;
    });
    return out;
  }

  function accountId() {
    const act = currentParams().act || data.accountId;
    return String(act).replace(/^act_/, '');
  }

  function readUrl() {
    const m = /^\/adsmanager\/manage\/(campaigns|adsets|ads)\/?$/.exec(loc.pathname);
    if (!m) {
      // Meta redirects /adsmanager/ and unknown sub-paths to the campaigns tab.
      hist.replaceState(hist.state, '', '/adsmanager/manage/campaigns' + loc.search);
      state.level = 'campaign';
    } else {
      state.level = LEVEL_BY_PATH[m[1]];
    }
    const p = currentParams();
    if (!p.act) {
      p.act = data.accountId;
      hist.replaceState(hist.state, '', loc.pathname + '?' + buildQuery(p));
    }

    // date=FROM_TO[,preset]: a preset suffix wins over the dates before it (reference, Meta "Date").
    state.from = state.to = state.preset = null;
    const dm = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})(?:,(\w+))?$/.exec(p.date || '');
    const preset = (dm && dm[3]) || p.date_preset || null;
    const fromPreset = preset ? presetRange(preset) : null;
    if (fromPreset) {
      state.preset = preset;
      state.from = fromPreset[0];
      state.to = fromPreset[1];
    } else if (dm && parseIso(dm[1]) && parseIso(dm[2])) {
      state.from = parseIso(dm[1]);
      state.to = parseIso(dm[2]);
    } else {
      // Neither in the URL: Meta shows its default range without writing it to the URL.
      const r = presetRange('last_30d');
      state.preset = 'last_30d';
      state.from = r[0];
      state.to = r[1];
    }

    Object.keys(LEVELS).forEach((lv) => {
      const raw = p[LEVELS[lv].selParam] || '';
      state.selected[lv] = new Set(raw.split(',').filter((s) => /^\d+$/.test(s)));
    });
  }

  function dateParam() {
    const range = iso(state.from) + '_' + iso(state.to);
    return state.preset ? range + ',' + state.preset : range;
  }

  function pageUrl(level, extra) {
    const p = currentParams();
    p.act = p.act || data.accountId;
    return loc.origin + '/adsmanager/manage/' + LEVELS[level].path + '?' + buildQuery(Object.assign(p, extra || {}));
  }

  /** The name link: drills down one level (an ad links to the ads tab with itself selected). */
  function drillHref(row) {
    const base = { act: accountId() };
    const biz = currentParams().business_id;
    if (biz) base.business_id = biz;
    base.date = dateParam();
    if (state.level === 'campaign') {
      return loc.origin + '/adsmanager/manage/adsets?' + buildQuery(Object.assign(base, { selected_campaign_ids: row.id }));
    }
    if (state.level === 'ad_group') {
      return loc.origin + '/adsmanager/manage/ads?' + buildQuery(Object.assign(base, { selected_adset_ids: row.id }));
    }
    return loc.origin + '/adsmanager/manage/ads?' + buildQuery(Object.assign(base, { selected_ad_ids: row.id }));
  }

  /** The rows for the current level: children filtered by the parents selected in the URL. */
  function computeRows() {
    const levels = data.levels || {};
    let list = (levels[state.level] || []).slice();
    const selCampaigns = state.selected.campaign;
    const selAdsets = state.selected.ad_group;
    if (state.level === 'ad_group' && selCampaigns.size) {
      list = list.filter((r) => selCampaigns.has(String(r.parentId)));
    }
    if (state.level === 'ad') {
      if (selAdsets.size) {
        list = list.filter((r) => selAdsets.has(String(r.parentId)));
      } else if (selCampaigns.size) {
        const adsetIds = new Set((levels.ad_group || []).filter((s) => selCampaigns.has(String(s.parentId))).map((s) => s.id));
        list = list.filter((r) => adsetIds.has(r.parentId));
      }
    }
    if (state.sort) {
      const dir = state.sort === 'asc' ? 1 : -1;
      // Rows without spend sort last either way, as Meta does with "—".
      list.sort((a, b) => {
        if (a.spend === null && b.spend === null) return 0;
        if (a.spend === null) return 1;
        if (b.spend === null) return -1;
        return dir * (a.spend - b.spend);
      });
    }
    return list;
  }

  // ---------------------------------------------------------------------------------------------
  // Cell values (the metrics the data does not give are derived from the ID, deterministically)
  // ---------------------------------------------------------------------------------------------

  function metrics(row) {
    const spend = row.spend;
    if (spend === null || spend === undefined || spend === 0) {
      return { results: null, reach: null, impressions: null, clicks: null };
    }
    const cpm = 4 + hashUnit(row.id, 1) * 12;
    const impressions = Math.max(1, Math.round((spend / cpm) * 1000));
    const reach = Math.max(1, Math.round(impressions / (1.1 + hashUnit(row.id, 2) * 1.5)));
    const clicks = Math.max(0, Math.round(impressions * (0.004 + hashUnit(row.id, 3) * 0.02)));
    const results = Math.round(clicks * 0.8);
    return { results: results, reach: reach, impressions: impressions, clicks: clicks };
  }

  /** [value, description?] for a right-panel cell. */
  function cellValue(key, row) {
    const m = metrics(row);
    const active = row.status !== 'paused';
    const num = (n) => (n === null ? '—' : formatNumber(n, 0));
    switch (key) {
      case 'delivery': return [active ? T.active : T.off];
      case 'budget':
        if (state.level === 'ad') return ['—'];
        return [formatMoney(Math.round(20 + hashUnit(row.id, 4) * 180)), T.daily];
      case 'results':
        // A row with its own result count (platformLeads) prints it with its result type.
        if (row.platformLeads !== undefined) return [count(row.platformLeads), row.platformLeads === null ? undefined : T.resultTypes[row.resultType || 'leads_form']];
        return [num(m.results), m.results === null ? undefined : T.linkClicks];
      case 'reach': return [num(m.reach), m.reach === null ? undefined : T.accounts];
      case 'impressions': return [num(m.impressions)];
      case 'cost_per_result':
        if (row.platformLeads !== undefined) return [row.platformLeads && row.spend ? formatMoney(row.spend / row.platformLeads) : '—', row.platformLeads ? T.perResult[row.resultType || 'leads_form'] : undefined];
        return [m.results ? formatMoney(row.spend / m.results) : '—', m.results ? T.perLinkClick : undefined];
      case 'spend': return [formatMoney(row.spend)];
      case 'ends': return [T.ongoing];
      case 'schedule': return [formatDate(addDays(state.from, -Math.floor(hashUnit(row.id, 5) * 60))) + ' – ' + T.ongoing];
      case 'frequency': return [m.reach ? formatNumber(m.impressions / m.reach, 2) : '—'];
      case 'link_clicks': return [num(m.clicks)];
      case 'cpc': return [m.clicks ? formatMoney(row.spend / m.clicks) : '—'];
      case 'ctr': return [m.clicks ? formatNumber((100 * m.clicks) / m.impressions, 2) + '%' : '—'];
      case 'cpm': return [m.impressions ? formatMoney((1000 * row.spend) / m.impressions) : '—'];
      case 'clicks': return [m.clicks === null ? '—' : formatNumber(Math.round(m.clicks * 1.3), 0)];
      case 'landing_page_views': return [m.clicks === null ? '—' : formatNumber(Math.round(m.clicks * 0.7), 0)];
      case 'quality_ranking': return [state.level === 'ad' ? (hashUnit(row.id, 6) > 0.5 ? T.aboveAverage : T.average) : '—'];
      case 'attribution_setting': return [T.attribution];
      default: return ['—'];
    }
  }

  function totalValue(key, rows) {
    if (key === 'spend') {
      const withSpend = rows.filter((r) => r.spend !== null && r.spend !== undefined);
      return [withSpend.length ? formatMoney(withSpend.reduce((s, r) => s + r.spend, 0)) : '—', T.totalSpent];
    }
    if (key === 'impressions' || key === 'reach' || key === 'link_clicks') {
      const field = key === 'link_clicks' ? 'clicks' : key;
      const sum = rows.reduce((s, r) => s + (metrics(r)[field] || 0), 0);
      return [formatNumber(sum, 0), T.total];
    }
    return [''];
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers
  // ---------------------------------------------------------------------------------------------

  function h(tag, attrs, children) {
    const el = doc.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach((k) => {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') el.textContent = v;
        else if (k === 'style') Object.assign(el.style, v);
        else if (k === 'role') setRole(el, v);
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach((c) => {
      if (c !== null && c !== undefined) el.append(c);
    });
    return el;
  }

  /** The table's structural roles can be switched off as a variant; controls keep theirs. */
  const TABLE_ROLES = new Set(['table', 'columnheader', 'presentation', 'row', 'gridcell']);
  function setRole(el, role) {
    if (V.ariaRoles || !TABLE_ROLES.has(role)) el.setAttribute('role', role);
  }

  /** Writes an attribute only when it changes, as React does, so observers see no churn. */
  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }

  function setText(textNode, value) {
    if (textNode.data !== value) textNode.data = value;
  }

  function px(n) {
    return n + 'px';
  }

  function rowSurface(row) {
    return V.dataSurface && V.ids === 'data-surface' ? '/am/table/table_row:' + row.id + 'unit' : null;
  }
  /** Cell keys; without row IDs (variant B) the key keeps its cell part only (a guess). */
  function cellSurface(row, key) {
    if (!V.dataSurface) return null;
    const cell = '/table_cell:' + key.replace('{OT}', LEVELS[state.level].objectType);
    return V.ids === 'data-surface' ? rowSurface(row) + cell : '/am/table' + cell;
  }

  // ---------------------------------------------------------------------------------------------
  // Page chrome: top bar, date picker, level tabs
  // ---------------------------------------------------------------------------------------------

  const mount = doc.getElementById('mount');
  doc.documentElement.lang = LOCALE;

  const dateLabelText = doc.createTextNode('');
  const dateMenu = h('div', { class: '_dmenu', role: 'menu', hidden: true });
  const dateButton = h('div', { class: '_dbtn', role: 'button', tabindex: '0', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, [
    h('span', { class: '_dicon', 'aria-hidden': 'true' }),
    // Only the label text lives inside the stats_range surface, as the adapters read its text.
    h('span', V.dataSurface ? { 'data-surface': '/am/table/stats_range' } : null, [dateLabelText]),
    h('span', { class: '_caret', 'aria-hidden': 'true' }),
  ]);
  PRESET_KEYS.forEach((key) => {
    dateMenu.append(
      h('div', {
        class: '_ditem', role: 'menuitemradio', tabindex: '-1', 'data-preset': key, text: T.presets[key],
        onclick: (e) => {
          e.stopPropagation();
          closeDateMenu();
          setPreset(key);
        },
      }),
    );
  });
  dateButton.addEventListener('click', (e) => {
    e.stopPropagation();
    if (dateMenu.hidden) openDateMenu();
    else closeDateMenu();
  });
  doc.addEventListener('click', () => closeDateMenu());

  function openDateMenu() {
    dateMenu.hidden = false;
    dateButton.setAttribute('aria-expanded', 'true');
    dateMenu.querySelectorAll('[data-preset]').forEach((item) => {
      item.setAttribute('aria-checked', String(item.getAttribute('data-preset') === state.preset));
    });
  }
  function closeDateMenu() {
    dateMenu.hidden = true;
    dateButton.setAttribute('aria-expanded', 'false');
  }

  const tabs = {};
  const tabList = h('div', { class: '_tabs', role: 'tablist' });
  Object.keys(LEVELS).forEach((level) => {
    tabs[level] = h('div', {
      class: '_tab _tab_' + LEVELS[level].path, role: 'tab', tabindex: '0', 'aria-selected': 'false',
      onclick: () => goLevel(level),
    }, [h('span', { class: '_tabicon', 'aria-hidden': 'true' }), h('span', { text: T.tabs[level] })]);
    tabList.append(tabs[level]);
  });

  const topBar = h('div', { class: '_topbar', role: 'banner' }, [
    h('div', { class: '_brand' }, [h('span', { class: '_logo', 'aria-hidden': 'true' }), h('span', { text: 'Ads Manager' })]),
    h('div', { class: '_acct', title: T.account }, [h('span', { text: 'Funnel Lens QA' }), h('span', { class: '_acctid', text: ' (' + accountId() + ')' })]),
    h('div', { class: '_spacer' }),
    h('div', { class: '_dwrap' }, [dateButton, dateMenu]),
  ]);
  const toolbar = h('div', { class: '_toolbar' }, [
    h('div', { class: '_create', role: 'button', tabindex: '0' }, [h('span', { text: '+ ' + T.create })]),
    h('div', { class: '_search' }, [h('span', { text: T.search })]),
  ]);
  const rail = h('div', { class: '_rail', 'aria-hidden': 'true' }, [
    h('div', { class: '_railicon _on' }), h('div', { class: '_railicon' }), h('div', { class: '_railicon' }), h('div', { class: '_railicon' }),
  ]);
  const tableHost = h('div', { class: '_tablehost' });
  mount.append(rail, h('div', { class: '_main' }, [topBar, tabList, toolbar, tableHost]));

  function updateChrome() {
    doc.title = T.title[state.level];
    const range = formatDate(state.from) + ' – ' + formatDate(state.to);
    setText(dateLabelText, state.preset ? T.presets[state.preset] + ': ' + range : range);
    Object.keys(tabs).forEach((lv) => tabs[lv].setAttribute('aria-selected', String(lv === state.level)));
    // The name column's header follows the level at once, before the rows arrive.
    const nameHeader = V.knownTableMarkup ? known.nameHeaderText : redesign.headNameText;
    if (nameHeader) setText(nameHeader, T.nameHeader[state.level]);
  }

  // ---------------------------------------------------------------------------------------------
  // The table as the corrected reference describes it (ASSUMPTIONS.md, "Table structure"):
  // one recycled row node per row, moved by `transform`, holding a frozen block (selector,
  // toggle, name) and a scrolling block (metrics) side by side.
  // ---------------------------------------------------------------------------------------------

  const known = {};
  /** React's expando suffix: random per page load, as React's own is. */
  const REACT_KEY = Math.random().toString(36).slice(2, 10);

  function surfaceAttrs(value) {
    return V.dataSurface && value ? { 'data-surface-wrapper': '1', 'data-surface': value, style: { display: 'contents' } } : { style: { display: 'contents' } };
  }

  function headerCell(col, left, surfaceKey, label) {
    const labelNode = typeof label === 'string' ? doc.createTextNode(label) : label;
    const inner = V.dataSurface ? h('span', { 'data-surface': '/am/table/table_column_header:' + surfaceKey }, [labelNode]) : h('span', null, [labelNode]);
    return h('div', { class: '_1eyh _1eyi' + (col === 'spend' ? ' _sortable' : ''), role: 'columnheader', style: { left: px(left), width: px(col === 'name' ? NAME_W : col === 'toggle' ? TOGGLE_W : col === 'select' ? CHECK_W : RIGHT_COLUMNS.find((c) => c.key === col).width) } }, [inner]);
  }

  function buildKnownTable() {
    const nameHeaderText = doc.createTextNode('');
    const sortArrow = doc.createTextNode('');
    const hdrFrozen = h('div', { class: '_3pzj _hfz', style: { width: px(LEFT_W) } }, [
      h('div', { class: '_1eyh _1eyi', role: 'columnheader', style: { left: '0px', width: px(CHECK_W) } }, [
        h('div', { class: '_chk', role: 'checkbox', 'aria-checked': 'false', 'aria-label': T.selectAll }),
      ]),
      headerCell('toggle', CHECK_W, 'toggle', T.columns.toggle),
      headerCell('name', CHECK_W + TOGGLE_W, 'name', nameHeaderText),
    ]);
    const hdrScroll = h('div', { class: '_3pzj _hsc', style: { left: px(LEFT_W), width: px(RIGHT_W) } });
    RIGHT_COLUMNS.forEach((col) => {
      const header = headerCell(col.key, col.x, col.key, T.columns[col.key]);
      if (col.key === 'spend') {
        // The arrow sits outside the surface span so the header label keeps its exact text.
        header.append(h('span', { class: '_sortarrow', 'aria-hidden': 'true' }, [sortArrow]));
        header.addEventListener('click', () => cycleSort());
        known.spendHeader = header;
      }
      hdrScroll.append(header);
    });
    const header = h('div', { class: '_3h1j', style: { width: px(LEFT_W + RIGHT_W) } }, [hdrFrozen, hdrScroll]);

    // The rows' parent (ref: `div[@role='table']//div[@class='_219p']/div[@class='_1gda _2djg']`).
    const body = h('div', { class: '_219p', style: { width: px(LEFT_W + RIGHT_W) } });

    const totalCountText = doc.createTextNode('');
    const footFrozen = h('div', { class: '_3pzj _ffz', style: { width: px(LEFT_W) } }, [
      h('div', { class: '_4lg0 _ftname', style: { left: px(CHECK_W + TOGGLE_W), width: px(NAME_W) } }, [
        V.dataSurface ? h('span', { 'data-surface': '/am/table/total_count' }, [totalCountText]) : h('span', null, [totalCountText]),
        h('div', { class: '_sub', text: T.excludesDeleted }),
      ]),
    ]);
    const footScroll = h('div', { class: '_3pzj _fsc', style: { left: px(LEFT_W), width: px(RIGHT_W) } });
    // The totals row: row-like (it shares `_1gda`) but not a campaign: no name link, no ID.
    const footer = h('div', { class: '_1gda _3h1k', style: { width: px(LEFT_W + RIGHT_W) } }, [footFrozen, footScroll]);

    // One native scroll container for both axes (ref: scroller `div._7mkk`). The frozen blocks
    // follow horizontal scrolling by `transform`, as the captured `will-change: transform` says.
    const scroller = h('div', { class: '_7mkk', style: { height: px(40 + V.visibleRows * ROW_H + 52) } }, [header, body, footer]);
    scroller.addEventListener('scroll', () => {
      if (!state.loading) layoutRows(false);
    });
    const table = h('div', { class: '_3h1i _1mie', role: 'table' }, [scroller]);
    tableHost.append(V.dataSurface ? h('span', { 'data-surface-wrapper': '1', 'data-surface': '/am/table' }, [table]) : table);

    body.addEventListener('click', onRowClick);
    // React's fiber of the rows' parent: a host fiber, where a row's own fibers end.
    const tableFiber = { tag: 5, stateNode: body, memoizedProps: { className: '_219p' }, return: null };
    Object.assign(known, { scroller, body, footer, footScroll, hdrFrozen, footFrozen, totalCountText, nameHeaderText, sortArrow, frozenX: 0, tableFiber });
  }

  /** Recycled row slots; slot k shows row index i where i % slots.length === k. */
  let slots = [];
  let skeleton = null;
  const slotByNode = new WeakMap();

  /** A cell: a display:contents surface wrapper around `div._4lg0` placed by inline left/width. */
  function cellNode(left, width, extraClass) {
    const cell = h('div', { class: '_4lg0 _4h2m' + (extraClass ? ' ' + extraClass : ''), style: { height: px(ROW_H), width: px(width), left: px(left) } });
    const wrap = h('span', surfaceAttrs(null), [cell]);
    return { wrap, cell };
  }

  /**
   * React's own properties on a node (variant ids: 'react'): a host fiber whose parent component
   * carries the row's objectID, and props. Plain expandos, as React sets them.
   */
  function setReact(node, props, fiberReturn) {
    node['__reactProps$' + REACT_KEY] = props;
    node['__reactFiber$' + REACT_KEY] = { tag: 5, stateNode: node, memoizedProps: props, return: fiberReturn };
  }

  /**
   * The name cell as captured (ref: name): a clipping flex line with `.ellipsis[data-tooltip-content]`
   * → span → a[href="#"] → span._3dfi, then the hover toolbar in the same cell. Made anew when a
   * slot's name cell is re-mounted (remountNameCells).
   */
  function createNameCell() {
    const name = cellNode(CHECK_W + TOGGLE_W, NAME_W, '_namecell');
    const nameText = doc.createTextNode('');
    const link = h('a', { href: '#', class: 'xt0psk2' }, [h('span', { class: '_3dfi _3dfj' }, [nameText])]);
    link.addEventListener('click', onNameClick);
    const tooltip = h('div', { class: 'ellipsis _13is', 'data-hover': 'tooltip', 'data-tooltip-display': 'overflow', 'data-tooltip-position': 'below' }, [
      h('div', { 'data-visualcompletion': 'ignore', class: 'xt0psk2' }), h('span', { 'data-tracked': 'true' }, [link]),
    ]);
    const toolbarWrap = h('span', surfaceAttrs(null), [
      h('div', { 'data-visualcompletion': 'ignore', class: 'x1lliihq _tbar' }, [
        h('div', { class: '_9p_y', role: 'toolbar' }, [
          h('a', { href: '#', 'aria-label': T.viewCharts, text: T.viewCharts, onclick: (e) => e.preventDefault() }),
          h('a', { href: '#', 'aria-label': T.edit, text: T.edit, onclick: (e) => e.preventDefault() }),
          h('a', { href: '#', 'aria-label': T.duplicate, text: T.duplicate, onclick: (e) => e.preventDefault() }),
        ]),
      ]),
    ]);
    name.cell.append(h('div', { class: '_1b33' }, [
      h('div', { class: 'x9f619 x78zum5' }, [
        h('div', { class: 'x1iyjqo2 x6ikm8r x10wlt62' }, [
          h('div', { class: 'x78zum5 x6s0dn4' }, [tooltip, h('div', { 'data-visualcompletion': 'ignore' })]),
          toolbarWrap,
        ]),
      ]),
    ]));
    return { name, nameText, tooltip, toolbarWrap };
  }

  function createSlot() {
    const row = h('div', { class: '_1gda _2djg', style: { width: px(LEFT_W + RIGHT_W), height: px(ROW_H), 'z-index': '0', transform: 'translate(0px, 0px)' } });
    const wrap = h('span', surfaceAttrs(null), [row]);
    const frozen = h('div', { class: '_3pzj', style: { height: px(ROW_H), position: 'absolute', width: px(LEFT_W), 'will-change': 'transform', 'z-index': '2', transform: 'translate(0px, 0px)' } });
    const scrolling = h('div', { class: '_3pzj', style: { height: px(ROW_H), position: 'absolute', width: px(RIGHT_W), 'will-change': 'transform', 'z-index': '0', transform: 'translate(0px, 0px)' } });
    row.append(h('div', { class: '_1gd4', role: 'presentation', style: { width: px(LEFT_W + RIGHT_W), height: px(ROW_H) } }, [
      h('div', { class: '_1gd5' }, [
        h('div', { class: 'x10l6tqk x13vifvy', style: { height: px(ROW_H), left: '0px' } }, [frozen]),
        h('div', { class: 'x10l6tqk x13vifvy', style: { height: px(ROW_H), left: px(LEFT_W) } }, [scrolling]),
      ]),
    ]));

    const sel = cellNode(0, CHECK_W, '_chkcell');
    const chk = h('div', { class: '_chk', role: 'checkbox', tabindex: '0', 'aria-checked': 'false', 'aria-label': T.select });
    sel.cell.append(chk);

    const tog = cellNode(CHECK_W, TOGGLE_W, '_togcell');
    const toggle = h('input', { class: '_tog', type: 'checkbox', role: 'switch', 'aria-label': T.columns.toggle });
    tog.cell.append(toggle);

    const { name, nameText, tooltip, toolbarWrap } = createNameCell();
    frozen.append(sel.wrap, tog.wrap, name.wrap);
    known.body.append(wrap);

    const slot = { wrap, row, frozen, scrolling, sel, chk, tog, toggle, name, tooltip, nameText, toolbarWrap, cells: new Map(), index: -1, data: null };
    slotByNode.set(row, slot);
    return slot;
  }

  function destroySlots() {
    slots.forEach((s) => s.wrap.remove());
    slots = [];
  }

  /** Metric columns that intersect the visible horizontal band (no overscan). */
  function visibleColumns() {
    const lo = known.scroller.scrollLeft;
    const hi = lo + known.scroller.clientWidth - LEFT_W;
    return RIGHT_COLUMNS.filter((c) => c.x < hi && c.x + c.width > lo);
  }

  /** Writes row `i` into a slot, touching only what changed (as React's reconciliation does). */
  function fillSlot(slot, i, row, force) {
    const moved = slot.index !== i || slot.data !== row;
    if (moved) slot.row.style.transform = 'translate(0px, ' + px(i * ROW_H) + ')';
    if (!moved && !force) return;
    slot.index = i;
    slot.data = row;
    const id = String(row.id);
    setAttr(slot.wrap, 'data-surface', rowSurface(row));
    setAttr(slot.sel.wrap, 'data-surface', cellSurface(row, 'row_selector'));
    setAttr(slot.tog.wrap, 'data-surface', cellSurface(row, 'forObjectType(toggle,{OT})'));
    setAttr(slot.name.wrap, 'data-surface', cellSurface(row, 'forObjectType(name,{OT})'));
    setAttr(slot.toolbarWrap, 'data-surface', cellSurface(row, 'forObjectType(name,{OT})') && cellSurface(row, 'forObjectType(name,{OT})') + '/maiba:ad_object_overflow_menu_entrypoint');
    setText(slot.nameText, String(row.name));
    setAttr(slot.tooltip, 'data-tooltip-content', String(row.name));
    const selected = state.selected[state.level].has(id);
    setAttr(slot.chk, 'aria-checked', String(selected));
    slot.toggle.checked = row.status !== 'paused';
    setAttr(slot.toggle, 'aria-checked', String(row.status !== 'paused'));
    slot.row.classList.toggle('_sel', selected);
    if (V.ids === 'react') {
      // The row component's props carry the object ID; the switch's props carry it too.
      const rowComponent = { tag: 0, stateNode: null, memoizedProps: { objectID: id, rowIndex: i }, return: known.tableFiber };
      setReact(slot.row, { className: '_1gda _2djg', style: { transform: slot.row.style.transform } }, rowComponent);
      setReact(slot.toggle, { role: 'switch', checked: row.status !== 'paused', typedObjectID: id }, { tag: 0, stateNode: null, memoizedProps: { value: row.status }, return: null });
    }
    slot.cells.forEach((c, key) => fillCell(c, key, row));
  }

  function makeValueCell(col) {
    const { wrap, cell } = cellNode(col.x, col.width, '_4lg5 _4h2p _num');
    const valueText = doc.createTextNode('');
    const descText = doc.createTextNode('');
    // Values as captured: `[geotextcolor="value"]` → span → span._3dfi._3dfj, a description under it.
    const value = h('div', { geotextcolor: 'value', 'data-hover': 'tooltip', 'data-tooltip-display': 'overflow' }, [h('span', null, [h('span', { class: '_3dfi _3dfj' }, [valueText])])]);
    const desc = h('div', { class: 'ellipsis _1ha4 _sub' }, [h('div', { class: 'xt0psk2' }, [descText])]);
    const inner = h('div', { class: '_1b33 _av2o' }, [value]);
    cell.append(inner);
    return { wrap, cell, inner, valueText, descText, desc, value };
  }

  function fillValue(c, pair) {
    setText(c.valueText, pair[0]);
    if (pair[1]) {
      setText(c.descText, pair[1]);
      if (c.desc.parentNode !== c.inner) c.inner.append(c.desc);
    } else if (c.desc.parentNode) {
      c.desc.remove();
    }
  }

  function fillCell(c, key, row) {
    const col = RIGHT_COLUMNS.find((x) => x.key === key);
    setAttr(c.wrap, 'data-surface', cellSurface(row, col.surface));
    fillValue(c, cellValue(key, row));
  }

  /** Mounts cells of columns that scrolled into view and unmounts those that left it. */
  function syncColumns(slot, cols) {
    const wanted = new Set(cols.map((c) => c.key));
    slot.cells.forEach((c, key) => {
      if (!wanted.has(key)) {
        c.wrap.remove();
        slot.cells.delete(key);
      }
    });
    cols.forEach((col) => {
      if (slot.cells.has(col.key)) return;
      const c = makeValueCell(col);
      // Keep cells in x order, before any later cell (and before anything an extension appended).
      const next = RIGHT_COLUMNS.slice(RIGHT_COLUMNS.indexOf(col) + 1).map((x) => slot.cells.get(x.key)).find(Boolean);
      slot.scrolling.insertBefore(c.wrap, next ? next.wrap : null);
      slot.cells.set(col.key, c);
      if (slot.data) fillCell(c, col.key, slot.data);
    });
  }

  /** Headers always stay; the totals row's cells are virtualised like the rows'. */
  function syncFooterColumns(cols) {
    known.footScroll.replaceChildren();
    cols.forEach((col) => {
      const { wrap, cell } = cellNode(col.x, col.width, '_num');
      const pair = totalValue(col.key, state.rows);
      cell.append(h('div', { geotextcolor: 'value', text: pair[0] }));
      if (pair[1]) cell.append(h('div', { class: '_sub', text: pair[1] }));
      known.footScroll.append(wrap);
    });
    known.columnsKey = cols.map((c) => c.key).join(',');
  }

  /** The frozen blocks follow horizontal scrolling by transform (ref: `will-change: transform`). */
  function syncFrozen() {
    const x = known.scroller.scrollLeft;
    if (x === known.frozenX) return;
    known.frozenX = x;
    const t = 'translate(' + px(x) + ', 0px)';
    known.hdrFrozen.style.transform = t;
    known.footFrozen.style.transform = t;
    slots.forEach((s) => {
      s.frozen.style.transform = t;
    });
  }

  /** Places rows for the current scroll position, recycling the slot nodes. */
  function layoutRows(force) {
    const n = state.rows.length;
    const pool = slots.length;
    const cols = visibleColumns();
    const colsKey = cols.map((c) => c.key).join(',');
    const colsChanged = colsKey !== known.columnsKey;
    if (colsChanged || force) syncFooterColumns(cols);
    if (force) known.frozenX = null;
    syncFrozen();
    if (!pool) return;
    const first = Math.floor(known.scroller.scrollTop / ROW_H);
    known.scrollTopShown = known.scroller.scrollTop;
    const start = Math.max(0, Math.min(first - 1, n - pool));
    for (let i = start; i < start + pool; i++) {
      const slot = slots[i % pool];
      if (colsChanged || force) syncColumns(slot, cols);
      fillSlot(slot, i, state.rows[i], force);
    }
  }

  function showSkeleton() {
    destroySlots();
    known.body.style.height = px(V.visibleRows * ROW_H);
    known.footer.hidden = true;
    if (skeleton) skeleton.remove();
    const bars = [];
    for (let i = 0; i < V.visibleRows; i++) {
      bars.push(h('div', { class: '_skrow', style: { top: px(i * ROW_H), height: px(ROW_H) } }, [
        h('div', { class: '_skbar', style: { width: px(120 + ((i * 37) % 140)) } }),
        h('div', { class: '_skbar _skshort' }),
        h('div', { class: '_skbar _skshort' }),
      ]));
    }
    skeleton = h('div', { class: '_skeleton', role: 'progressbar', 'aria-busy': 'true', 'aria-label': T.loading, 'aria-valuetext': T.loading }, bars);
    known.body.append(skeleton);
  }

  function renderKnownRows() {
    if (skeleton) {
      skeleton.remove();
      skeleton = null;
    }
    destroySlots();
    const n = state.rows.length;
    known.body.style.height = px(Math.max(n, 1) * ROW_H);
    known.footer.hidden = false;
    const nouns = T.nouns[state.level];
    setText(known.totalCountText, T.resultsFrom(formatNumber(n, 0), n === 1 ? nouns[0] : nouns[1]));
    if (known.empty) known.empty.remove();
    if (!n) {
      known.empty = h('div', { class: '_empty', text: T.noRows });
      known.body.append(known.empty);
    }
    // A new table mount: React would create fresh row nodes and reset the scroll position.
    known.scroller.scrollTop = 0;
    known.scroller.scrollLeft = 0;
    const pool = Math.min(V.visibleRows + BUFFER_ROWS, n);
    for (let k = 0; k < pool; k++) slots.push(createSlot());
    known.columnsKey = null;
    layoutRows(true);
  }

  function cycleSort() {
    if (state.loading) return;
    state.sort = state.sort === null ? 'desc' : state.sort === 'desc' ? 'asc' : null;
    setText(known.sortArrow, state.sort === 'desc' ? ' ▼' : state.sort === 'asc' ? ' ▲' : '');
    setAttr(known.spendHeader, 'aria-sort', state.sort ? (state.sort === 'desc' ? 'descending' : 'ascending') : null);
    state.rows = computeRows();
    // Same nodes, new rows in them: the reorder is a pure reconciliation, no remount.
    layoutRows(true);
    afterRender();
  }

  function onNameClick(e) {
    // Modified clicks open a new tab as on the real site; plain clicks drill down in place. The
    // link's own href is `#` (ref: name), so the drill-down target comes from the row.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const slot = slotByNode.get(e.currentTarget.closest('._1gda'));
    if (slot && slot.data) navigate(drillHref(slot.data));
  }

  function onRowClick(e) {
    const target = e.target instanceof window.Element ? e.target : null;
    if (!target) return;
    const slot = slotByNode.get(target.closest('._1gda'));
    if (!slot || !slot.data) return;
    if (target.closest('._chk')) {
      const set = state.selected[state.level];
      const id = String(slot.data.id);
      if (set.has(id)) set.delete(id);
      else set.add(id);
      // Selection is URL state in Meta; it is not a navigation, so replaceState.
      const p = currentParams();
      p[LEVELS[state.level].selParam] = Array.from(set).join(',');
      hist.replaceState(hist.state, '', loc.pathname + '?' + buildQuery(p));
      fillSlot(slot, slot.index, slot.data, true);
    } else if (target.closest('._tog')) {
      slot.data.status = slot.data.status === 'paused' ? 'active' : 'paused';
      fillSlot(slot, slot.index, slot.data, true);
    }
  }

  /** A full re-render without a skeleton: React remounts the rows (new nodes), scroll kept. */
  function rerender() {
    const top = known.scroller.scrollTop;
    destroySlots();
    const pool = Math.min(V.visibleRows + BUFFER_ROWS, state.rows.length);
    for (let k = 0; k < pool; k++) slots.push(createSlot());
    known.scroller.scrollTop = top;
    layoutRows(true);
    afterRender();
  }

  // ---------------------------------------------------------------------------------------------
  // The unknown table: a "redesign" our adapter has never seen (variant knownTableMarkup=false)
  // ---------------------------------------------------------------------------------------------

  const redesign = {};

  function buildRedesignTable() {
    const headRow = h('tr');
    const headNameText = doc.createTextNode('');
    headRow.append(h('th', { class: 'x1y1aw1k' }, [h('input', { type: 'checkbox', 'aria-label': T.selectAll })]));
    headRow.append(h('th', { class: 'x1y1aw1k' }, [headNameText]));
    RIGHT_COLUMNS.slice(0, 8).forEach((col) => headRow.append(h('th', { class: 'x1y1aw1k x2b8uid', text: T.columns[col.key] })));
    const tbody = h('tbody');
    const tfoot = h('tfoot');
    const table = h('table', { class: 'x1n2onr6 xh8yej3' }, [h('thead', null, [headRow]), tbody, tfoot]);
    const scroller = h('div', { class: 'x78zum5 _rdscroll', style: { height: px(40 + V.visibleRows * ROW_H + 52) } }, [table]);
    tableHost.append(h('div', { class: 'x9f619 _redesign' }, [scroller]));
    Object.assign(redesign, { scroller, tbody, tfoot, headNameText });
  }

  function renderRedesignRows() {
    if (skeleton) {
      skeleton.remove();
      skeleton = null;
    }
    const cols = RIGHT_COLUMNS.slice(0, 8);
    const trs = state.rows.map((row) => {
      const tr = h('tr', { class: 'x1i10hfl' });
      tr.append(h('td', null, [h('input', { type: 'checkbox', 'aria-label': T.select })]));
      // Names are plain text here: no link, no ID anywhere in the row.
      tr.append(h('td', { class: 'x1lliihq' }, [h('div', { class: 'xdj266r', text: String(row.name) }), h('div', { class: 'x1xmf6yo', text: T.viewCharts + ' · ' + T.edit })]));
      cols.forEach((col) => tr.append(h('td', { class: 'x2b8uid', text: cellValue(col.key, row)[0] })));
      return tr;
    });
    redesign.tbody.replaceChildren(...trs);
    const nouns = T.nouns[state.level];
    const n = state.rows.length;
    redesign.tfoot.replaceChildren(h('tr', null, [
      h('td'),
      h('td', { text: T.resultsFrom(formatNumber(n, 0), n === 1 ? nouns[0] : nouns[1]) }),
      ...cols.map((col) => h('td', { class: 'x2b8uid', text: totalValue(col.key, state.rows)[0] })),
    ]));
    redesign.scroller.scrollTop = 0;
  }

  function showRedesignSkeleton() {
    redesign.tbody.replaceChildren();
    redesign.tfoot.replaceChildren();
    if (skeleton) skeleton.remove();
    skeleton = h('div', { class: '_skeleton _rdsk', role: 'progressbar', 'aria-busy': 'true', 'aria-label': T.loading }, [h('div', { class: '_skbar' }), h('div', { class: '_skbar' })]);
    redesign.scroller.append(skeleton);
  }

  // ---------------------------------------------------------------------------------------------
  // Loading cycle and navigation
  // ---------------------------------------------------------------------------------------------

  let loadTimer = null;
  let resolveReady;
  const ready = new Promise((r) => {
    resolveReady = r;
  });
  let settledWaiters = [];

  /** Reads the URL, shows the skeleton, and renders rows after skeletonMs (as after a fetch). */
  function load() {
    readUrl();
    updateChrome();
    state.loading = true;
    state.rows = [];
    if (V.knownTableMarkup) showSkeleton();
    else showRedesignSkeleton();
    if (loadTimer !== null) clearTimeout(loadTimer);
    loadTimer = setTimeout(finishLoad, Math.max(0, V.skeletonMs));
  }

  function finishLoad() {
    loadTimer = null;
    state.rows = computeRows();
    state.loading = false;
    if (V.knownTableMarkup) renderKnownRows();
    else renderRedesignRows();
    afterRender();
    resolveReady();
  }

  function afterRender() {
    state.renderCount++;
    window.performance.mark('replica:rows-rendered');
    const waiters = settledWaiters;
    settledWaiters = [];
    waiters.forEach((w) => w());
  }

  /** SPA navigation as Meta does it: pushState and no popstate event. */
  function navigate(url) {
    hist.pushState({}, '', url);
    load();
  }

  function goLevel(level) {
    if (!LEVELS[level]) throw new Error('unknown level ' + level);
    navigate(pageUrl(level));
  }

  function setDateRange(from, to) {
    const f = parseIso(from);
    const t = parseIso(to);
    if (!f || !t || f > t) throw new Error('bad date range ' + from + ' ' + to);
    navigate(pageUrl(state.level, { date: from + '_' + to, date_preset: null }));
  }

  function setPreset(key) {
    const r = presetRange(key);
    if (!r) throw new Error('unknown preset ' + key);
    navigate(pageUrl(state.level, { date: iso(r[0]) + '_' + iso(r[1]) + ',' + key, date_preset: null }));
  }

  // Back/forward buttons do fire popstate; Meta re-renders for them too.
  window.addEventListener('popstate', () => load());

  // ---------------------------------------------------------------------------------------------
  // Test API
  // ---------------------------------------------------------------------------------------------

  function scroller() {
    return V.knownTableMarkup ? known.scroller : redesign.scroller;
  }

  function syncScroll() {
    // Scroll events arrive asynchronously; lay out now so tests can read the DOM right away.
    if (V.knownTableMarkup && !state.loading) layoutRows(false);
  }

  window.__replica = {
    ready,
    /** Resolves after the next render when loading, at once otherwise. */
    settled() {
      return state.loading ? new Promise((r) => settledWaiters.push(r)) : Promise.resolve();
    },
    renderCount: () => state.renderCount,
    scrollToIndex(i) {
      scroller().scrollTop = i * ROW_H;
      syncScroll();
    },
    scrollBy(dy) {
      scroller().scrollTop += dy;
      syncScroll();
    },
    scrollLeftTo(x) {
      scroller().scrollLeft = x;
      syncScroll();
    },
    setDateRange,
    setPreset,
    goLevel,
    cycleSort,
    rerender,
    /** What a user sees now, from the model (not the DOM, which an extension may have touched). */
    visibleRows() {
      if (state.loading) return [];
      const s = scroller();
      if (!V.knownTableMarkup) {
        const box = s.getBoundingClientRect();
        return Array.from(redesign.tbody.rows).flatMap((tr, i) => {
          const r = tr.getBoundingClientRect();
          if (r.bottom <= box.top + 40 || r.top >= box.bottom) return [];
          const row = state.rows[i];
          return [{ index: i, id: String(row.id), name: String(row.name), top: tr.offsetTop, clientTop: r.top, spendText: formatMoney(row.spend) }];
        });
      }
      const viewTop = s.scrollTop;
      const viewBottom = viewTop + V.visibleRows * ROW_H;
      const bodyTop = known.body.getBoundingClientRect().top;
      const out = [];
      for (let i = Math.floor(viewTop / ROW_H); i < state.rows.length && i * ROW_H < viewBottom; i++) {
        const row = state.rows[i];
        out.push({ index: i, id: String(row.id), name: String(row.name), top: i * ROW_H, clientTop: bodyTop + i * ROW_H, spendText: formatMoney(row.spend) });
      }
      return out;
    },
    /**
     * The rows on screen as the last row layout placed them, read without forcing a layout (unlike
     * visibleRows): a bench probe must not make the page lay out inside the window it times.
     */
    shownRows() {
      if (state.loading || !V.knownTableMarkup) return this.visibleRows();
      // The same rows as visibleRows(), from the scroll position the layout used.
      const viewTop = known.scrollTopShown ?? 0;
      const viewBottom = viewTop + V.visibleRows * ROW_H;
      const out = [];
      for (let i = Math.floor(viewTop / ROW_H); i < state.rows.length && i * ROW_H < viewBottom; i++) out.push({ id: String(state.rows[i].id), top: i * ROW_H });
      return out;
    },
    /** The row node showing model row i now (the replica's own reference), for a test's in-page probe; null when none does. */
    rowNodeAt(i) {
      if (!V.knownTableMarkup) return redesign.tbody.rows[i] || null;
      const slot = slots.find((s) => s.index === i && s.data === state.rows[i]);
      return slot ? slot.wrap : null;
    },
    /**
     * React re-mounts every row's name cell (a new cell component: new nodes for the cell, the
     * tooltip box, the link and the toolbar), each still showing its row's campaign. Anything an
     * extension had put in the old cell goes with it.
     */
    remountNameCells() {
      for (const slot of slots) {
        const fresh = createNameCell();
        slot.name.wrap.replaceWith(fresh.name.wrap);
        Object.assign(slot, fresh);
        if (slot.data) fillSlot(slot, slot.index, slot.data, true);
      }
    },
    rowNodeCount() {
      return V.knownTableMarkup ? known.body.querySelectorAll('._1gda._2djg').length : redesign.tbody.rows.length;
    },
    /** Keys of the right-panel columns whose cells are currently mounted. */
    renderedColumns() {
      return V.knownTableMarkup ? (known.columnsKey || '').split(',').filter(Boolean) : RIGHT_COLUMNS.slice(0, 8).map((c) => c.key);
    },
    formatMoney,
    state() {
      return {
        level: state.level, from: iso(state.from), to: iso(state.to), preset: state.preset,
        loading: state.loading, sort: state.sort, count: state.rows.length, rowHeight: ROW_H,
      };
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  if (V.knownTableMarkup) buildKnownTable();
  else buildRedesignTable();
  load();
})();
