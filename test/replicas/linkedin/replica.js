/*
 * Replica of LinkedIn Campaign Manager's list pages (campaign groups, campaigns, creatives), for
 * Funnel Lens end-to-end tests and the demo.
 *
 * Plain browser JS with no build step. test/replicas/serve-linkedin.ts serves it at the real
 * Campaign Manager URLs and inlines the data as <script id="replica-data" type="application/json">.
 * Every modelling decision and its source is in ASSUMPTIONS.md next to this file.
 *
 * Rules that hold throughout:
 *  - Data (names above all) is only written through textContent, never innerHTML.
 *  - Like an Ember app: every render makes new nodes with fresh `id="emberNNN"`; navigation is
 *    pushState (no popstate); a date or filter change replaces the whole <tbody>, a level change
 *    the whole <table>. Anything an extension inserted into old nodes goes with them.
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
      naming: 'new', // 'new': Campaigns / Ad sets / Ads; 'old': Campaign groups / Campaigns / Ads
      loadingMs: 300,
      spentColumn: true,
      // Which lead column the Conversions & Leads view shows: 'leads', 'conversions' (Leads hidden) or 'none'.
      leadColumn: 'leads',
      dateControl: 'label', // 'label' | 'inputs-only' (label unreadable) | 'missing'
      labelStyle: 'range', // 'range': the label prints dates; 'preset': a preset prints its name
      linkStyle: 'entity', // 'entity': /campaign-groups/{id}, /campaigns/{id}; 'filter': drill-down list URLs
      // Issue 17's "drifted" markup: the list is a div grid (no <table>), every class renamed.
      drifted: false,
    },
    data.variant || {},
  );
  const LOCALE = data.locale === 'fi' ? 'fi' : 'en';
  const NBSP = '\u00a0';
  const ACCOUNT_ROOT = '/campaignmanager/accounts/';

  const SEGMENTS = { campaign: 'campaign-groups', ad_group: 'campaigns', ad: 'creatives' };

  const STRINGS = {
    en: {
      product: 'Campaign Manager',
      levels: {
        new: { campaign: 'Campaigns', ad_group: 'Ad sets', ad: 'Ads' },
        old: { campaign: 'Campaign groups', ad_group: 'Campaigns', ad: 'Ads' },
      },
      nameHeader: {
        new: { campaign: 'Campaign name', ad_group: 'Ad set name', ad: 'Ad name' },
        old: { campaign: 'Campaign group name', ad_group: 'Campaign name', ad: 'Ad name' },
      },
      parentHeader: {
        new: { ad_group: 'Campaign', ad: 'Ad set' },
        old: { ad_group: 'Campaign group', ad: 'Campaign' },
      },
      all: (label) => 'All ' + label.toLowerCase(),
      totals: (n, label) => 'Total for ' + n + ' ' + label.toLowerCase(),
      columns: {
        status: 'Status', spent: 'Spent', impressions: 'Impressions', clicks: 'Clicks',
        ctr: 'Average CTR', cpc: 'Average CPC', leads: 'Leads', cpl: 'Cost per lead', conversions: 'Conversions',
      },
      sortBy: (c) => 'Click to sort by ' + c,
      active: 'Active', paused: 'Paused',
      noRecords: 'No records to show',
      loading: 'Loading',
      selectAll: 'Select all', select: (n) => 'Select ' + n,
      account: 'Account', create: 'Create', export: 'Export', search: 'Search by name or ID',
      dateLabel: 'Date range', start: 'Start date', end: 'End date', update: 'Update', cancel: 'Cancel',
      custom: 'Custom',
      presets: { last_7d: 'Last 7 days', last_30d: 'Last 30 days', last_90d: 'Last 90 days', this_month: 'This month', last_month: 'Last month' },
      idPrefix: 'ID: ',
      formats: { campaign: 'Sponsored Content', ad_group: 'Single image ad', ad: 'Sponsored Content' },
      detailsTitle: 'Details',
      back: 'Back',
    },
    fi: {
      product: 'Campaign Manager',
      levels: {
        new: { campaign: 'Kampanjat', ad_group: 'Mainossarjat', ad: 'Mainokset' },
        old: { campaign: 'Kampanjaryhmät', ad_group: 'Kampanjat', ad: 'Mainokset' },
      },
      nameHeader: {
        new: { campaign: 'Kampanjan nimi', ad_group: 'Mainossarjan nimi', ad: 'Mainoksen nimi' },
        old: { campaign: 'Kampanjaryhmän nimi', ad_group: 'Kampanjan nimi', ad: 'Mainoksen nimi' },
      },
      parentHeader: {
        new: { ad_group: 'Kampanja', ad: 'Mainossarja' },
        old: { ad_group: 'Kampanjaryhmä', ad: 'Kampanja' },
      },
      all: (label) => 'Kaikki ' + label.toLowerCase(),
      totals: (n, label) => 'Yhteensä ' + n + ' (' + label.toLowerCase() + ')',
      columns: {
        status: 'Tila', spent: 'Käytetty', impressions: 'Näyttökerrat', clicks: 'Klikkaukset',
        ctr: 'Keskim. CTR', cpc: 'Keskim. CPC', leads: 'Liidit', cpl: 'Hinta per liidi', conversions: 'Konversiot',
      },
      sortBy: (c) => 'Lajittele: ' + c,
      active: 'Aktiivinen', paused: 'Keskeytetty',
      noRecords: 'Ei näytettäviä tietueita',
      loading: 'Ladataan',
      selectAll: 'Valitse kaikki', select: (n) => 'Valitse ' + n,
      account: 'Tili', create: 'Luo', export: 'Vie', search: 'Hae nimellä tai tunnuksella',
      dateLabel: 'Aikaväli', start: 'Alkupäivä', end: 'Loppupäivä', update: 'Päivitä', cancel: 'Peruuta',
      custom: 'Mukautettu',
      presets: { last_7d: 'Viimeiset 7 päivää', last_30d: 'Viimeiset 30 päivää', last_90d: 'Viimeiset 90 päivää', this_month: 'Tämä kuukausi', last_month: 'Edellinen kuukausi' },
      idPrefix: 'Tunnus: ',
      formats: { campaign: 'Sponsoroitu sisältö', ad_group: 'Yhden kuvan mainos', ad: 'Sponsoroitu sisältö' },
      detailsTitle: 'Tiedot',
      back: 'Takaisin',
    },
  };
  const T = STRINGS[LOCALE];
  const NAMING = V.naming === 'old' ? 'old' : 'new';
  const LEVEL_LABELS = T.levels[NAMING];

  // ---------------------------------------------------------------------------------------------
  // Formatting (hand-written, not Intl, so Chromium's ICU never changes it)
  // ---------------------------------------------------------------------------------------------

  const CURRENCIES = { USD: '$', EUR: '€', GBP: '£', SEK: 'kr' };

  function groupDigits(s, sep) {
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }
  function formatNumber(n, decimals) {
    const parts = Math.abs(n).toFixed(decimals || 0).split('.');
    const sign = n < 0 ? '-' : '';
    if (LOCALE === 'fi') return sign + groupDigits(parts[0], NBSP) + (parts[1] ? ',' + parts[1] : '');
    return sign + groupDigits(parts[0], ',') + (parts[1] ? '.' + parts[1] : '');
  }
  /** `$1,234.56` (English), `1 234,56 €` (Finnish, no-break spaces). */
  function formatMoney(amount) {
    const symbol = CURRENCIES[data.currency] || data.currency;
    const num = formatNumber(amount || 0, 2);
    return LOCALE === 'fi' ? num + NBSP + symbol : symbol + num;
  }

  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // Dates as UTC midnights: the runner's time zone never shifts a day.
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
  function today() {
    const fixed = parseIso(data.today);
    if (fixed) return fixed;
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }
  /** The label's date: `Aug 1, 2026` / `1.8.2026`. */
  function labelDate(d) {
    if (LOCALE === 'fi') return d.getUTCDate() + '.' + (d.getUTCMonth() + 1) + '.' + d.getUTCFullYear();
    return MONTHS_EN[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + d.getUTCFullYear();
  }
  /** The inputs' date: `08/01/2026` (US order) / `1.8.2026`. */
  function inputDate(d) {
    if (LOCALE === 'fi') return d.getUTCDate() + '.' + (d.getUTCMonth() + 1) + '.' + d.getUTCFullYear();
    const p = (n) => String(n).padStart(2, '0');
    return p(d.getUTCMonth() + 1) + '/' + p(d.getUTCDate()) + '/' + d.getUTCFullYear();
  }
  function parseInputDate(s) {
    const t = String(s || '').trim();
    let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m && LOCALE === 'en') return parseIso(m[3] + '-' + m[1].padStart(2, '0') + '-' + m[2].padStart(2, '0'));
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    if (m && LOCALE === 'fi') return parseIso(m[3] + '-' + m[2].padStart(2, '0') + '-' + m[1].padStart(2, '0'));
    return parseIso(t);
  }

  /** LinkedIn's presets; "Last N days" ends yesterday (a guess, see ASSUMPTIONS.md). */
  function presetRange(key) {
    const t = today();
    const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    switch (key) {
      case 'last_7d': return [addDays(t, -7), addDays(t, -1)];
      case 'last_30d': return [addDays(t, -30), addDays(t, -1)];
      case 'last_90d': return [addDays(t, -90), addDays(t, -1)];
      case 'this_month': return [first, t];
      case 'last_month': return [new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1)), addDays(first, -1)];
      default: return null;
    }
  }

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
  // DOM helpers
  // ---------------------------------------------------------------------------------------------

  // Ember numbers its views from a counter; the numbers differ on every render.
  let emberCounter = 100 + Math.floor(Math.random() * 800);
  function emberId() {
    return 'ember' + ++emberCounter;
  }

  // Drifted markup (variant drifted): table elements become divs laid out as a table, and every
  // class gets another name; the stylesheet's selectors are rewritten to match, so the page looks
  // the same. Nothing else changes: URLs, the date control, links and texts stay as they were.
  const GRID_DISPLAY = { table: 'table', thead: 'table-header-group', tbody: 'table-row-group', tr: 'table-row', th: 'table-cell', td: 'table-cell' };
  const DRIFT_PREFIX = 'q8';
  function driftClass(value) {
    return String(value).split(/\s+/).filter(Boolean).map((c) => DRIFT_PREFIX + c).join(' ');
  }
  if (V.drifted) {
    for (const sheet of Array.from(doc.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (!rule.selectorText) continue;
        rule.selectorText = rule.selectorText
          .replace(/\.([A-Za-z_][\w-]*)/g, '.' + DRIFT_PREFIX + '$1')
          .replace(/(^|[\s,>+~])(table|thead|tbody|tr|th|td)(?=[\s,.:[>+~]|$)/g, '$1.' + DRIFT_PREFIX + '-$2');
      }
    }
  }

  function h(tag, attrs, children) {
    const grid = V.drifted ? GRID_DISPLAY[tag] : undefined;
    const el = doc.createElement(grid ? 'div' : tag);
    if (grid) {
      el.style.display = grid;
      el.classList.add(DRIFT_PREFIX + '-' + tag);
    }
    if (attrs) {
      Object.keys(attrs).forEach((k) => {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (V.drifted && k === 'class') {
          if (v) el.classList.add(...driftClass(v).split(' '));
          return;
        }
        if (grid && (k === 'colspan' || k === 'scope')) return;
        if (k === 'text') el.textContent = v;
        else if (k === 'ember') {
          el.id = emberId();
          el.classList.add('ember-view');
        } else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach((c) => {
      if (c !== null && c !== undefined) el.append(c);
    });
    return el;
  }

  function svgIcon(kind) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = doc.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    const path = doc.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', kind === 'calendar'
      ? 'M3 2h2V1h1v1h4V1h1v1h2a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm0 4v7h10V6H3z'
      : 'M4 6l4 4 4-4z');
    svg.append(path);
    return svg;
  }

  // ---------------------------------------------------------------------------------------------
  // State: the URL gives the page; the date range is UI state (not in the URL)
  // ---------------------------------------------------------------------------------------------

  const initial = data.initialRange && parseIso(data.initialRange.from) && parseIso(data.initialRange.to)
    ? { from: parseIso(data.initialRange.from), to: parseIso(data.initialRange.to), preset: null }
    : (function () {
      const r = presetRange('last_30d');
      return { from: r[0], to: r[1], preset: 'last_30d' };
    })();

  const state = {
    page: 'list', // 'list' | 'details' | 'missing'
    level: 'campaign',
    accountId: String(data.accountId),
    filter: null, // { kind: 'group' | 'campaign', ids: Set }
    from: initial.from,
    to: initial.to,
    preset: initial.preset,
    loading: true,
    rows: [],
    rowEls: [],
    renderCount: 0,
    dropdownOpen: false,
  };

  function listPath(level, acct) {
    return ACCOUNT_ROOT + (acct || state.accountId) + '/' + SEGMENTS[level];
  }

  function idList(raw) {
    // `[123,456]` (percent-encoded in the URL as %5B…%5D), as LinkedIn writes it.
    return new Set(String(raw || '').replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)));
  }

  /** Reads the URL into state; redirects (replaceState) the paths LinkedIn redirects. */
  function readUrl() {
    const path = loc.pathname.replace(/\/+$/, '');
    const params = new window.URLSearchParams(loc.search);
    state.filter = null;
    if (path === '/campaignmanager' || path === '/campaignmanager/accounts') {
      hist.replaceState(hist.state, '', listPath('campaign', data.accountId));
      return readUrl();
    }
    const m = /^\/campaignmanager\/accounts\/(\d+)(?:\/(.*))?$/.exec(path);
    if (!m) {
      state.page = 'missing';
      return;
    }
    state.accountId = m[1];
    const rest = (m[2] || '').split('/').filter(Boolean);
    if (rest.length === 0) {
      hist.replaceState(hist.state, '', listPath('campaign'));
      return readUrl();
    }
    if (rest.length === 2 && rest[0] === 'campaign-groups' && /^\d+$/.test(rest[1])) {
      // A campaign group's own URL shows its campaigns.
      hist.replaceState(hist.state, '', listPath('ad_group') + '?campaignGroupIds=' + encodeURIComponent('[' + rest[1] + ']'));
      return readUrl();
    }
    state.page = 'list';
    if (rest.length === 1 && rest[0] === 'campaign-groups') {
      state.level = 'campaign';
    } else if (rest.length === 1 && rest[0] === 'campaigns') {
      state.level = 'ad_group';
      const ids = idList(params.get('campaignGroupIds'));
      if (ids.size) state.filter = { kind: 'group', ids: ids };
    } else if (rest.length === 1 && rest[0] === 'creatives') {
      state.level = 'ad';
      const ids = idList(params.get('campaignIds'));
      if (ids.size) state.filter = { kind: 'campaign', ids: ids };
    } else if (rest.length === 3 && rest[0] === 'campaigns' && /^\d+$/.test(rest[1]) && rest[2] === 'creatives') {
      state.level = 'ad';
      state.filter = { kind: 'campaign', ids: new Set([rest[1]]) };
    } else if ((rest[0] === 'campaigns' || rest[0] === 'creatives') && /^\d+$/.test(rest[1] || '')) {
      state.page = 'details';
      state.level = rest[0] === 'campaigns' ? 'ad_group' : 'ad';
      state.detailsId = rest[1];
    } else {
      state.page = 'missing';
    }
  }

  function levelRows(level) {
    return ((data.levels || {})[level] || []).slice();
  }
  function findEntity(level, id) {
    return levelRows(level).find((r) => String(r.id) === String(id)) || null;
  }

  function computeRows() {
    let list = levelRows(state.level);
    if (state.filter && state.level === 'ad_group') list = list.filter((r) => state.filter.ids.has(String(r.parentId)));
    if (state.filter && state.level === 'ad') list = list.filter((r) => state.filter.ids.has(String(r.parentId)));
    return list;
  }

  /** The name link's href: the entity's own URL, or (variant) the drill-down list it leads to. */
  function entityHref(level, id) {
    if (V.linkStyle === 'filter') {
      if (level === 'campaign') return listPath('ad_group') + '?campaignGroupIds=' + encodeURIComponent('[' + id + ']');
      if (level === 'ad_group') return ACCOUNT_ROOT + state.accountId + '/campaigns/' + id + '/creatives';
    }
    return ACCOUNT_ROOT + state.accountId + '/' + SEGMENTS[level] + '/' + id;
  }

  /** Where a click on an entity's name goes: one level down. */
  function drillUrl(level, id) {
    if (level === 'campaign') return listPath('ad_group') + '?campaignGroupIds=' + encodeURIComponent('[' + id + ']');
    if (level === 'ad_group') return ACCOUNT_ROOT + state.accountId + '/campaigns/' + id + '/creatives';
    return ACCOUNT_ROOT + state.accountId + '/creatives/' + id;
  }

  // ---------------------------------------------------------------------------------------------
  // Metrics the data does not give: derived from the ID and spend, deterministically
  // ---------------------------------------------------------------------------------------------

  function metrics(row) {
    const spend = row.spend || 0;
    if (!spend) return { impressions: 0, clicks: 0, leads: 0 };
    const cpm = 25 + hashUnit(row.id, 1) * 40;
    const impressions = Math.max(1, Math.round((spend / cpm) * 1000));
    const clicks = Math.round(impressions * (0.003 + hashUnit(row.id, 2) * 0.008));
    const leads = Math.round(clicks * (0.05 + hashUnit(row.id, 3) * 0.1));
    return { impressions: impressions, clicks: clicks, leads: leads };
  }

  /** The row's own lead count when the data gives one (platformLeads), else the derived figure. */
  function leadsOf(row) {
    return row.platformLeads !== undefined ? row.platformLeads : metrics(row).leads;
  }

  function columns() {
    const cols = [{ key: 'check' }, { key: 'name', label: T.nameHeader[NAMING][state.level] }, { key: 'status', label: T.columns.status }];
    if (state.level !== 'campaign') cols.push({ key: 'parent', label: T.parentHeader[NAMING][state.level] });
    if (V.spentColumn) cols.push({ key: 'spent', label: T.columns.spent, num: true });
    const leadColumns = { leads: ['leads', 'cpl'], conversions: ['conversions'], none: [] }[V.leadColumn] || [];
    ['impressions', 'clicks', 'ctr', 'cpc'].concat(leadColumns).forEach((k) => cols.push({ key: k, label: T.columns[k], num: true }));
    return cols;
  }

  function cellText(key, row) {
    const m = metrics(row);
    switch (key) {
      case 'spent': return formatMoney(row.spend);
      case 'impressions': return formatNumber(m.impressions, 0);
      case 'clicks': return formatNumber(m.clicks, 0);
      case 'ctr': return m.impressions ? formatNumber((100 * m.clicks) / m.impressions, 2) + '%' : '–';
      case 'cpc': return m.clicks ? formatMoney(row.spend / m.clicks) : '–';
      case 'leads':
      case 'conversions': return leadsOf(row) === null ? '–' : formatNumber(leadsOf(row), 0);
      case 'cpl': return leadsOf(row) ? formatMoney(row.spend / leadsOf(row)) : '–';
      default: return '';
    }
  }

  function totalText(key, rows) {
    const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
    switch (key) {
      case 'spent': return formatMoney(sum((r) => r.spend || 0));
      case 'impressions': return formatNumber(sum((r) => metrics(r).impressions), 0);
      case 'clicks': return formatNumber(sum((r) => metrics(r).clicks), 0);
      case 'leads':
      case 'conversions': return formatNumber(sum((r) => leadsOf(r) || 0), 0);
      default: return '';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Chrome: global nav, account bar, tabs, breadcrumb, date control
  // ---------------------------------------------------------------------------------------------

  const mount = doc.getElementById('mount');
  const chrome = {};

  function buildChrome() {
    chrome.accountName = h('span', { class: 'acct-name', text: data.accountName || 'Ad account' });
    chrome.accountId = h('span', { class: 'acct-id' });
    chrome.accountLink = h('a', { class: 'acct-link', ember: true }, [chrome.accountName, chrome.accountId]);
    const nav = h('header', { class: 'global-nav' }, [
      h('span', { class: 'li-logo', text: 'in', 'aria-hidden': 'true' }),
      h('span', { class: 'product', text: T.product }),
      h('span', { class: 'spacer' }),
      h('span', { class: 'acct-label', text: T.account }),
      chrome.accountLink,
    ]);
    chrome.breadcrumb = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb', ember: true });
    chrome.tabs = h('nav', { class: 'tabs', 'aria-label': 'Campaign Manager levels', ember: true });
    chrome.date = V.dateControl === 'missing' ? null : buildDateControl();
    const toolbar = h('div', { class: 'toolbar' }, [
      h('button', { type: 'button', class: 'btn-primary', text: T.create }),
      h('input', { type: 'search', class: 'search', placeholder: T.search, 'aria-label': T.search }),
      h('span', { class: 'spacer' }),
      chrome.date ? chrome.date.root : null,
      h('button', { type: 'button', class: 'btn-secondary', text: T.export }),
    ]);
    chrome.content = h('main', { class: 'content' });
    mount.append(nav, h('div', { class: 'page' }, [chrome.breadcrumb, chrome.tabs, toolbar, chrome.content]));
  }

  function buildDateControl() {
    const c = {};
    c.label = h('span', { class: 'date-label' });
    c.toggle = h('button', { type: 'button', class: 'date-toggle', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', onclick: () => (state.dropdownOpen ? closeDropdown() : openDropdown()) }, [svgIcon('calendar'), c.label, svgIcon('caret')]);
    c.start = h('input', { type: 'text', name: 'startName', id: emberId(), class: 'ember-view ember-text-field', autocomplete: 'off' });
    c.end = h('input', { type: 'text', name: 'endName', id: emberId(), class: 'ember-view ember-text-field', autocomplete: 'off' });
    c.error = h('p', { class: 'date-error', role: 'alert' });
    const presets = h('ul', { class: 'date-presets' }, Object.keys(T.presets).map((key) =>
      h('li', {}, [h('button', { type: 'button', text: T.presets[key], onclick: () => applyPreset(key) })])));
    c.panel = h('div', { class: 'date-panel', role: 'dialog', 'aria-label': T.dateLabel, hidden: true }, [
      presets,
      h('div', { class: 'date-inputs' }, [
        h('label', {}, [h('span', { text: T.start }), c.start]),
        h('label', {}, [h('span', { text: T.end }), c.end]),
        c.error,
        h('div', { class: 'date-actions' }, [
          h('button', { type: 'button', class: 'btn-secondary', text: T.cancel, onclick: () => closeDropdown() }),
          h('button', { type: 'button', class: 'btn-primary', 'aria-label': LOCALE === 'fi' ? T.update : 'Update', text: T.update, onclick: () => applyInputs() }),
        ]),
      ]),
    ]);
    // #date-range-control: the one stable ID the reference reports (selenium automation).
    c.root = h('div', { id: 'date-range-control', class: 'date-control' }, [c.toggle, c.panel]);
    return c;
  }

  function syncDateControl() {
    if (!chrome.date) return;
    const c = chrome.date;
    let text;
    if (V.dateControl === 'inputs-only') text = T.custom;
    else if (V.labelStyle === 'preset' && state.preset) text = T.presets[state.preset];
    else text = labelDate(state.from) + ' – ' + labelDate(state.to);
    if (c.label.textContent !== text) c.label.textContent = text;
    // The inputs hold the applied range while the panel is closed.
    c.start.value = inputDate(state.from);
    c.end.value = inputDate(state.to);
    c.start.setAttribute('value', c.start.value);
    c.end.setAttribute('value', c.end.value);
  }

  function openDropdown() {
    state.dropdownOpen = true;
    chrome.date.panel.hidden = false;
    chrome.date.toggle.setAttribute('aria-expanded', 'true');
    chrome.date.error.textContent = '';
  }
  function closeDropdown() {
    state.dropdownOpen = false;
    chrome.date.panel.hidden = true;
    chrome.date.toggle.setAttribute('aria-expanded', 'false');
    syncDateControl(); // Cancel drops un-applied edits.
  }

  function applyPreset(key) {
    const r = presetRange(key);
    applyRange(r[0], r[1], key);
  }
  function applyInputs() {
    const f = parseInputDate(chrome.date.start.value);
    const t = parseInputDate(chrome.date.end.value);
    if (!f || !t || f > t) {
      chrome.date.error.textContent = LOCALE === 'fi' ? 'Tarkista päivämäärät' : 'Enter a valid date range';
      return;
    }
    applyRange(f, t, null);
  }
  function applyRange(from, to, preset) {
    state.from = from;
    state.to = to;
    state.preset = preset;
    closeDropdown();
    reloadBody();
  }

  function syncChrome() {
    chrome.accountId.textContent = ' (' + state.accountId + ')';
    chrome.accountLink.setAttribute('href', ACCOUNT_ROOT + state.accountId);
    // Tabs: links to the three lists, the current one marked.
    const tabs = ['campaign', 'ad_group', 'ad'].map((lv) => {
      const current = state.page === 'list' && lv === state.level;
      return h('a', { href: listPath(lv), class: 'tab' + (current ? ' tab--active' : ''), 'aria-current': current ? 'page' : null, ember: true }, [
        doc.createTextNode(LEVEL_LABELS[lv]),
        h('span', { class: 'tab-count', text: ' (' + levelRows(lv).length + ')' }),
      ]);
    });
    chrome.tabs.replaceChildren.apply(chrome.tabs, tabs);
    // Breadcrumb: account › all of the top level › the filtered parent.
    const crumbs = [h('a', { href: ACCOUNT_ROOT + state.accountId, text: data.accountName || state.accountId, ember: true })];
    crumbs.push(h('span', { class: 'sep', text: '›', 'aria-hidden': 'true' }));
    crumbs.push(h('a', { href: listPath('campaign'), text: T.all(LEVEL_LABELS.campaign), ember: true }));
    if (state.filter) {
      const parentLevel = state.filter.kind === 'group' ? 'campaign' : 'ad_group';
      state.filter.ids.forEach((id) => {
        const parent = findEntity(parentLevel, id);
        crumbs.push(h('span', { class: 'sep', text: '›', 'aria-hidden': 'true' }));
        crumbs.push(h('a', { href: entityHref(parentLevel, id), text: parent ? String(parent.name) : id, ember: true }));
      });
    }
    chrome.breadcrumb.replaceChildren.apply(chrome.breadcrumb, crumbs);
    doc.title = (state.page === 'list' ? LEVEL_LABELS[state.level] + ' | ' : '') + 'Campaign Manager';
    syncDateControl();
  }

  // ---------------------------------------------------------------------------------------------
  // Table
  // ---------------------------------------------------------------------------------------------

  let table = null;
  let loadTimer = null;
  let resolveReady;
  const ready = new Promise((r) => (resolveReady = r));
  let settledWaiters = [];

  function buildHead(cols) {
    return h('thead', {}, [h('tr', {}, cols.map((col) => {
      if (col.key === 'check') return h('th', { class: 'col-check' }, [h('input', { type: 'checkbox', 'aria-label': T.selectAll })]);
      // A sort button with the visible label, and a screen-reader hint that repeats it.
      return h('th', { scope: 'col', class: col.num ? 'num' : '', ember: true }, [
        h('button', { type: 'button', class: 'sort' }, [doc.createTextNode(col.label), svgIcon('caret')]),
        h('span', { class: 'a11y-text', text: T.sortBy(col.label) }),
      ]);
    }))]);
  }

  function loadingBody(cols) {
    return h('tbody', { ember: true }, [h('tr', {}, [h('td', { colspan: String(cols.length), class: 'loading-cell' }, [
      h('div', { role: 'progressbar', 'aria-label': T.loading, class: 'loader' }),
    ])])]);
  }

  function rowsBody(cols, rows) {
    const body = h('tbody', { ember: true });
    state.rowEls = [];
    if (!rows.length) {
      body.append(h('tr', {}, [h('td', { colspan: String(cols.length), class: 'empty', text: T.noRecords })]));
      return body;
    }
    // Totals first (no link, no ID): not a campaign.
    body.append(h('tr', { class: 'totals-row' }, cols.map((col) => {
      if (col.key === 'name') return h('td', { text: T.totals(rows.length, LEVEL_LABELS[state.level]) });
      return h('td', { class: col.num ? 'num' : '', text: col.num ? totalText(col.key, rows) : '' });
    })));
    rows.forEach((row) => {
      const tr = h('tr', { ember: true }, cols.map((col) => rowCell(col, row)));
      state.rowEls.push(tr);
      body.append(tr);
    });
    return body;
  }

  function rowCell(col, row) {
    const name = String(row.name);
    switch (col.key) {
      case 'check': return h('td', { class: 'col-check' }, [h('input', { type: 'checkbox', 'aria-label': T.select(name) })]);
      case 'name': return h('td', { class: 'col-name' }, [h('div', { class: 'name-cell' }, [
        h('div', { class: 'name-line' }, [h('a', { href: entityHref(state.level, row.id), class: 'name-link', ember: true, text: name })]),
        h('div', { class: 'name-sub', text: T.idPrefix + row.id + ' · ' + T.formats[state.level] }),
      ])]);
      case 'status': {
        const paused = row.status === 'paused';
        return h('td', {}, [h('span', { class: 'status ' + (paused ? 'status--paused' : 'status--active'), text: paused ? T.paused : T.active })]);
      }
      case 'parent': {
        // A link to the parent entity: another level's ID in the same row.
        const parentLevel = state.level === 'ad_group' ? 'campaign' : 'ad_group';
        const parent = findEntity(parentLevel, row.parentId);
        return h('td', { class: 'col-parent' }, parent
          ? [h('a', { href: entityHref(parentLevel, parent.id), ember: true, text: String(parent.name) })]
          : [doc.createTextNode('–')]);
      }
      default: return h('td', { class: 'num', text: cellText(col.key, row) });
    }
  }

  function renderPage() {
    syncChrome();
    if (loadTimer !== null) clearTimeout(loadTimer);
    loadTimer = null;
    if (state.page !== 'list') {
      table = null;
      const title = state.page === 'details' ? T.detailsTitle : 'Page not found';
      const entity = state.page === 'details' ? findEntity(state.level, state.detailsId) : null;
      chrome.content.replaceChildren(h('section', { class: 'details', ember: true }, [
        h('h1', { text: entity ? String(entity.name) : title }),
        h('p', { text: title }),
      ]));
      state.loading = false;
      state.rows = [];
      state.rowEls = [];
      afterRender();
      return;
    }
    // A route transition: a new table (head and body) in a new container.
    const cols = columns();
    table = h('table', { class: 'data-table', ember: true, 'aria-busy': 'true' }, [buildHead(cols), loadingBody(cols)]);
    chrome.content.replaceChildren(h('div', { class: 'table-scroll', ember: true }, [table]));
    startLoad(cols);
  }

  /** Date change: same table, a new tbody (loading, then the rows). */
  function reloadBody() {
    syncChrome();
    if (!table) return;
    const cols = columns();
    table.setAttribute('aria-busy', 'true');
    bodyOf(table).replaceWith(loadingBody(cols));
    startLoad(cols);
  }

  /** The table's body: its <tbody>, or in the drifted grid the div standing for it. */
  function bodyOf(t) {
    return V.drifted ? t.querySelector(':scope > .' + DRIFT_PREFIX + '-tbody') : t.tBodies[0];
  }

  function startLoad(cols) {
    state.loading = true;
    state.rows = [];
    state.rowEls = [];
    if (loadTimer !== null) clearTimeout(loadTimer);
    loadTimer = setTimeout(() => {
      loadTimer = null;
      state.rows = computeRows();
      bodyOf(table).replaceWith(rowsBody(cols, state.rows));
      table.setAttribute('aria-busy', 'false');
      state.loading = false;
      afterRender();
    }, Math.max(0, V.loadingMs));
  }

  function afterRender() {
    state.renderCount++;
    window.performance.mark('replica:rows-rendered');
    resolveReady();
    const waiters = settledWaiters;
    settledWaiters = [];
    waiters.forEach((w) => w());
  }

  // ---------------------------------------------------------------------------------------------
  // Navigation: pushState, as Ember's router does (no popstate for the app's own transitions)
  // ---------------------------------------------------------------------------------------------

  function navigate(url) {
    hist.pushState({}, '', url);
    readUrl();
    renderPage();
  }

  function onClick(e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof window.Element ? e.target.closest('a[href]') : null;
    if (!a) return;
    const url = new URL(a.getAttribute('href'), loc.href);
    if (url.origin !== loc.origin || !url.pathname.startsWith('/campaignmanager')) return;
    e.preventDefault();
    // A name link in the table drills down (its href may be the entity's own URL).
    const m = /^\/campaignmanager\/accounts\/\d+\/(campaign-groups|campaigns|creatives)\/(\d+)$/.exec(url.pathname);
    if (m && a.closest(V.drifted ? '.' + DRIFT_PREFIX + '-table' : 'table')) {
      const level = m[1] === 'campaign-groups' ? 'campaign' : m[1] === 'campaigns' ? 'ad_group' : 'ad';
      if (level === 'ad') return; // An ad's name opens a preview LinkedIn-side; not modelled.
      navigate(drillUrl(level, m[2]));
      return;
    }
    navigate(url.pathname + url.search);
  }

  doc.addEventListener('click', onClick);
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.dropdownOpen) closeDropdown();
  });
  window.addEventListener('popstate', () => {
    readUrl();
    renderPage();
  });

  // ---------------------------------------------------------------------------------------------
  // Test API
  // ---------------------------------------------------------------------------------------------

  window.__replica = {
    ready,
    /** Resolves after the next render when loading, at once otherwise. */
    settled() {
      return state.loading ? new Promise((r) => settledWaiters.push(r)) : Promise.resolve();
    },
    renderCount: () => state.renderCount,
    /** The campaign rows from the model, in order, with where their <tr> is on screen now. */
    visibleRows() {
      if (state.loading) return [];
      return state.rows.map((row, i) => {
        const tr = state.rowEls[i];
        const rect = tr ? tr.getBoundingClientRect() : null;
        return { index: i, id: String(row.id), name: String(row.name), clientTop: rect ? rect.top : null, spendText: V.spentColumn ? formatMoney(row.spend) : null };
      });
    },
    /** The <tr> of model row i (the replica's own reference, not a DOM query). */
    rowElement: (i) => state.rowEls[i] || null,
    /** Through the UI: opens the control, types both dates, presses Update. */
    setDateRange(from, to) {
      const f = parseIso(from);
      const t = parseIso(to);
      if (!f || !t || f > t) throw new Error('bad date range ' + from + ' ' + to);
      if (!chrome.date) return applyRange(f, t, null);
      openDropdown();
      chrome.date.start.value = inputDate(f);
      chrome.date.end.value = inputDate(t);
      applyInputs();
    },
    setPreset(key) {
      if (!presetRange(key)) throw new Error('unknown preset ' + key);
      applyPreset(key);
    },
    goLevel(level) {
      if (!SEGMENTS[level]) throw new Error('unknown level ' + level);
      navigate(listPath(level));
    },
    /** As a click on a campaign group's name: its campaigns. */
    openGroup(gid) {
      navigate(drillUrl('campaign', gid));
    },
    /** As a click on a campaign's (ad set's) name: its creatives. */
    openCampaign(id) {
      navigate(drillUrl('ad_group', id));
    },
    scrollToIndex(i) {
      const tr = state.rowEls[i];
      if (tr) window.scrollTo(0, tr.getBoundingClientRect().top + window.scrollY - 120);
    },
    formatMoney,
    levelLabel: (level) => LEVEL_LABELS[level || state.level],
    state() {
      return {
        page: state.page, level: state.level, accountId: state.accountId, from: iso(state.from), to: iso(state.to),
        preset: state.preset, loading: state.loading, count: state.rows.length,
        filter: state.filter ? Array.from(state.filter.ids) : null,
      };
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  buildChrome();
  readUrl();
  renderPage();
})();
