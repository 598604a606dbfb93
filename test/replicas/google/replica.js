/*
 * Replica of the Google Ads web UI's Campaigns and Ad groups pages, for Funnel Lens end-to-end tests.
 *
 * Plain browser JS with no build step. test/replicas/serve.ts serves it at https://ads.google.com/aw/*
 * and inlines the data as <script id="replica-data" type="application/json">. Every modelling decision,
 * and the line of /work/shared/reference/ad-ui-dom.md it comes from, is in ASSUMPTIONS.md.
 *
 * Rules that hold throughout:
 *  - Data (names above all: tests feed hostile ones) is only written through Text nodes and
 *    textContent, never innerHTML.
 *  - Row nodes are pooled and reused for other rows as the table scrolls: the replica rewrites only
 *    its own text nodes, attributes and children, so anything an extension inserted stays put, in a
 *    node that may now show another campaign, a placeholder or a separator.
 *  - The page never stops mutating: class churn, `_ngcontent-*` attributes that change, a ticking
 *    "Last updated" line and re-rendered status cells, as AngularDart change detection does.
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
      splashMs: 1500,
      tableReloadMs: 400,
      rangeReloadMs: 250,
      chunkSize: 50,
      chunkDelayMs: 250,
      rowHeight: 44,
      visibleRows: 12,
      costColumn: true,
      nameField: 'name',
      campaignIdColumn: false,
      nameLinks: true,
      accountPicker: 'id',
      churnMs: 500,
      joinedRowAt: 120,
      presetOnlyLabel: false,
      // Conversions of 1,000 and more printed abbreviated (`1.2K`, `1,2 t.`), as the reference's `1.2K` abbreviations.
      abbreviateCounts: false,
      // Issue 17's drifted table: no essfield, no table roles, table classes and tags renamed.
      drifted: false,
      // Issue 17: the splash is hidden (display: none) instead of removed once the table is there.
      hiddenSpinner: false,
      // Issue 17: the name component lays out its content as a grid, so nothing can go beside the
      // name inside the row (a badge there would be a grid item of its own, below the name).
      nameGrid: false,
    },
    data.variant || {},
  );
  // German (issue 17): a UI language whose date labels the extension does not read.
  const LOCALE = data.locale === 'fi' || data.locale === 'de' ? data.locale : 'en';
  /** Decimal comma and grouped digits in both non-English UIs (`1 234,56` / `1.234,56`). */
  const COMMA_DECIMALS = LOCALE !== 'en';
  const ROW_H = V.rowHeight;
  const POOL = V.visibleRows + 4;
  const NBSP = '\u00a0';
  const THIN = '\u2009';
  const OCID = String(data.ocid || '398112345');

  const STRINGS = {
    en: {
      grid: { campaign: 'Campaigns', ad_group: 'Ad groups' },
      title: { campaign: 'Campaigns', ad_group: 'Ad groups', overview: 'Overview', other: 'Google Ads' },
      nav: { overview: 'Overview', campaign: 'Campaigns', ad_group: 'Ad groups' },
      col: {
        selection: '', status: 'Status', name: { campaign: 'Campaign', ad_group: 'Ad group' }, parent: 'Campaign',
        campaign_id: 'Campaign ID', budget: 'Budget', type: 'Campaign type', clicks: 'Clicks', impressions: 'Impr.',
        ctr: 'CTR', cost: 'Cost', conversions: 'Conversions', default_bid: 'Default max. CPC',
      },
      enabled: 'Enabled', paused: 'Paused', perDay: '/day', search: 'Search',
      total: { campaign: 'Total: Campaigns', ad_group: 'Total: Ad groups' },
      removed: 'Removed campaigns', allCampaigns: 'All campaigns', campaignCrumb: 'Campaign: ',
      loading: 'Loading', lastUpdated: (s) => 'Last updated: ' + s + ' seconds ago',
      presets: { last_30d: 'Last 30 days', last_7d: 'Last 7 days', this_month: 'This month', last_month: 'Last month' },
      overview: 'Overview: a summary of your account. No campaign table here.', other: 'This page is not modelled.',
      customRange: 'Custom',
    },
    fi: {
      grid: { campaign: 'Kampanjat', ad_group: 'Mainosryhmät' },
      title: { campaign: 'Kampanjat', ad_group: 'Mainosryhmät', overview: 'Yleiskatsaus', other: 'Google Ads' },
      nav: { overview: 'Yleiskatsaus', campaign: 'Kampanjat', ad_group: 'Mainosryhmät' },
      col: {
        selection: '', status: 'Tila', name: { campaign: 'Kampanja', ad_group: 'Mainosryhmä' }, parent: 'Kampanja',
        campaign_id: 'Kampanjan tunnus', budget: 'Budjetti', type: 'Kampanjatyyppi', clicks: 'Klikkaukset', impressions: 'Näyttökerrat',
        ctr: 'CTR', cost: 'Kustannus', conversions: 'Konversiot', default_bid: 'Oletusarvoinen enimmäis-CPC',
      },
      enabled: 'Käytössä', paused: 'Keskeytetty', perDay: '/pv', search: 'Haku',
      total: { campaign: 'Yhteensä: Kampanjat', ad_group: 'Yhteensä: Mainosryhmät' },
      removed: 'Poistetut kampanjat', allCampaigns: 'Kaikki kampanjat', campaignCrumb: 'Kampanja: ',
      loading: 'Ladataan', lastUpdated: (s) => 'Päivitetty viimeksi: ' + s + ' sekuntia sitten',
      presets: { last_30d: 'Viimeiset 30 päivää', last_7d: 'Viimeiset 7 päivää', this_month: 'Tämä kuukausi', last_month: 'Edellinen kuukausi' },
      overview: 'Yleiskatsaus: tilisi yhteenveto. Täällä ei ole kampanjataulukkoa.', other: 'Tätä sivua ei ole mallinnettu.',
      customRange: 'Muokattu',
    },
    de: {
      grid: { campaign: 'Kampagnen', ad_group: 'Anzeigengruppen' },
      title: { campaign: 'Kampagnen', ad_group: 'Anzeigengruppen', overview: 'Übersicht', other: 'Google Ads' },
      nav: { overview: 'Übersicht', campaign: 'Kampagnen', ad_group: 'Anzeigengruppen' },
      col: {
        selection: '', status: 'Status', name: { campaign: 'Kampagne', ad_group: 'Anzeigengruppe' }, parent: 'Kampagne',
        campaign_id: 'Kampagnen-ID', budget: 'Budget', type: 'Kampagnentyp', clicks: 'Klicks', impressions: 'Impr.',
        ctr: 'CTR', cost: 'Kosten', conversions: 'Conversions', default_bid: 'Standard-Max.-CPC',
      },
      enabled: 'Aktiviert', paused: 'Pausiert', perDay: '/Tag', search: 'Suche',
      total: { campaign: 'Gesamt: Kampagnen', ad_group: 'Gesamt: Anzeigengruppen' },
      removed: 'Entfernte Kampagnen', allCampaigns: 'Alle Kampagnen', campaignCrumb: 'Kampagne: ',
      loading: 'Wird geladen', lastUpdated: (s) => 'Zuletzt aktualisiert: vor ' + s + ' Sekunden',
      presets: { last_30d: 'Letzte 30 Tage', last_7d: 'Letzte 7 Tage', this_month: 'Dieser Monat', last_month: 'Letzter Monat' },
      overview: 'Übersicht: eine Zusammenfassung Ihres Kontos. Hier gibt es keine Kampagnentabelle.', other: 'Diese Seite ist nicht nachgebildet.',
      customRange: 'Benutzerdefiniert',
    },
  };
  const T = STRINGS[LOCALE];

  // ---------------------------------------------------------------------------------------------
  // Formatting (hand-written, not Intl, so Chromium's ICU never changes what tests see)
  // ---------------------------------------------------------------------------------------------

  function groupDigits(intString, sep) {
    return intString.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  function formatNumber(n, decimals) {
    const parts = Math.abs(n).toFixed(decimals || 0).split('.');
    const sign = n < 0 ? '-' : '';
    if (COMMA_DECIMALS) return sign + groupDigits(parts[0], LOCALE === 'de' ? '.' : NBSP) + (parts[1] ? ',' + parts[1] : '');
    return sign + groupDigits(parts[0], ',') + (parts[1] ? '.' + parts[1] : '');
  }

  /** Conversions as the column prints them: `95.00` / `95,00`, `—`, or `1.2K` / `1,2 t.` abbreviated. */
  function conversionsText(n) {
    if (n === null) return '—';
    if (!V.abbreviateCounts || n < 1000) return formatNumber(n, 2);
    const thousands = formatNumber(Math.round(n / 100) / 10, 1).replace(/[.,]0$/, '');
    return LOCALE === 'fi' ? thousands + NBSP + 't.' : thousands + 'K';
  }

  /** `US$1,234.56`, `€1,234.56`, `1 234,56 €` (no-break spaces), `1.234.567 ₫`, `—` for no data. */
  function formatMoney(amount) {
    if (amount === null || amount === undefined) return '—';
    const cur = data.currency || 'USD';
    if (cur === 'VND') return groupDigits(Math.round(amount).toString(), '.') + NBSP + '₫';
    const symbol = { USD: 'US$', EUR: '€', GBP: '£', SEK: 'SEK' }[cur] || cur;
    if (COMMA_DECIMALS) return formatNumber(amount, 2) + NBSP + (cur === 'USD' ? '$' : symbol);
    return symbol + formatNumber(amount, 2);
  }

  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const MONTHS_DE = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];

  // Dates are UTC midnights so the runner's time zone never shifts a day.
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

  /**
   * The range as Google prints it: `Oct 1 – 31, 2026`, `Sep 28 – Oct 27, 2026`,
   * `Dec 1, 2025 – Jan 15, 2026`, `Oct 1, 2026` with thin spaces around the en dash (ICU 72+);
   * Finnish `1.–31.10.2026`, `28.9.–27.10.2026`, `1.12.2025–15.1.2026`, `1.10.2026`;
   * German `1.–31. Okt. 2026`, `28. Sept.–27. Okt. 2026`, `1. Dez. 2025–15. Jan. 2026`, `1. Okt. 2026`.
   */
  function formatRange(from, to) {
    const [fy, fm, fd] = [from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()];
    const [ty, tm, td] = [to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()];
    const dash = THIN + '–' + THIN;
    if (LOCALE === 'de') {
      const day = (d, m) => d + '. ' + MONTHS_DE[m];
      if (iso(from) === iso(to)) return day(fd, fm) + ' ' + fy;
      if (fy === ty && fm === tm) return fd + '.–' + day(td, tm) + ' ' + ty;
      if (fy === ty) return day(fd, fm) + '–' + day(td, tm) + ' ' + ty;
      return day(fd, fm) + ' ' + fy + '–' + day(td, tm) + ' ' + ty;
    }
    if (LOCALE === 'fi') {
      if (iso(from) === iso(to)) return fd + '.' + (fm + 1) + '.' + fy;
      if (fy === ty && fm === tm) return fd + '.–' + td + '.' + (tm + 1) + '.' + ty;
      if (fy === ty) return fd + '.' + (fm + 1) + '.–' + td + '.' + (tm + 1) + '.' + ty;
      return fd + '.' + (fm + 1) + '.' + fy + '–' + td + '.' + (tm + 1) + '.' + ty;
    }
    if (iso(from) === iso(to)) return MONTHS_EN[fm] + ' ' + fd + ', ' + fy;
    if (fy === ty && fm === tm) return MONTHS_EN[fm] + ' ' + fd + dash + td + ', ' + ty;
    if (fy === ty) return MONTHS_EN[fm] + ' ' + fd + dash + MONTHS_EN[tm] + ' ' + td + ', ' + ty;
    return MONTHS_EN[fm] + ' ' + fd + ', ' + fy + dash + MONTHS_EN[tm] + ' ' + td + ', ' + ty;
  }

  /** Google's "Last N days" ends yesterday; "This month" runs to today. */
  function presetRange(key) {
    const t = today();
    const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    switch (key) {
      case 'last_7d': return [addDays(t, -7), addDays(t, -1)];
      case 'last_30d': return [addDays(t, -30), addDays(t, -1)];
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

  let churnCounter = 0;
  /** A class name like the build-specific ones AngularDart emits (`_ngcontent-zxk-c512`, `_c3xk`). */
  function churnToken(prefix) {
    churnCounter++;
    return prefix + (Math.random().toString(36).slice(2, 5) || 'abc') + '-c' + ((churnCounter * 7919) % 997);
  }

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------

  const state = {
    page: 'campaign', // 'campaign' | 'ad_group' | 'overview' | 'other'
    campaignId: null,
    from: null,
    to: null,
    preset: null,
    items: [],
    loaded: 0,
    tableReady: false,
    renderCount: 0,
    rangeLoading: false,
  };

  (function initRange() {
    const r = data.range && parseIso(data.range.from) && parseIso(data.range.to) ? [parseIso(data.range.from), parseIso(data.range.to)] : null;
    if (r) {
      state.from = r[0];
      state.to = r[1];
    } else {
      state.preset = data.preset && presetRange(data.preset) ? data.preset : 'last_30d';
      const p = presetRange(state.preset);
      state.from = p[0];
      state.to = p[1];
    }
  })();

  function rangeDays() {
    return Math.round((state.to - state.from) / 86400000) + 1;
  }

  /** Cost scales with the range's length, so a range change visibly re-renders the cells. */
  function costOf(row) {
    if (row.spend === null || row.spend === undefined) return null;
    return Math.round(row.spend * (rangeDays() / 30) * 100) / 100;
  }

  function readUrl() {
    const m = /^\/aw\/([a-z_]+)\/?$/.exec(loc.pathname);
    const seg = m ? m[1] : '';
    state.page = seg === 'campaigns' ? 'campaign' : seg === 'adgroups' ? 'ad_group' : seg === 'overview' ? 'overview' : 'other';
    const cid = new window.URLSearchParams(loc.search).get('campaignId');
    state.campaignId = cid && /^\d+$/.test(cid) ? cid : null;
  }

  /** Rows of the current list page: campaign rows with one "Removed campaigns" separator, or ad groups. */
  function computeItems() {
    const levels = data.levels || {};
    if (state.page === 'campaign') {
      let list = (levels.campaign || []).slice();
      if (state.campaignId) list = list.filter((r) => String(r.id) === state.campaignId);
      const items = list.map((row) => ({ kind: 'row', row }));
      if (V.joinedRowAt !== null && V.joinedRowAt >= 0 && V.joinedRowAt < items.length) items.splice(V.joinedRowAt, 0, { kind: 'joined' });
      return items;
    }
    if (state.page === 'ad_group') {
      let list = (levels.ad_group || []).slice();
      if (state.campaignId) list = list.filter((r) => String(r.parentId) === state.campaignId);
      return list.map((row) => ({ kind: 'row', row }));
    }
    return [];
  }

  function campaignById(id) {
    return ((data.levels || {}).campaign || []).find((c) => String(c.id) === String(id)) || null;
  }

  function url(path, params) {
    const p = Object.assign({}, params || {}, { ocid: OCID });
    const q = Object.keys(p).filter((k) => p[k] !== null && p[k] !== undefined).map((k) => k + '=' + encodeURIComponent(p[k])).join('&');
    return path + (q ? '?' + q : '');
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers
  // ---------------------------------------------------------------------------------------------

  // Drifted table (variant drifted): a release that renamed the table's custom tags and classes
  // and dropped essfield and the grid roles. The stylesheet's selectors are rewritten to match, so
  // the table looks the same; the header (account picker, date button) is untouched.
  const DRIFT_TAGS = { 'ess-table': 'xb-table', 'ess-particle-table': 'xb-particle', 'ess-cell': 'xb-cell', 'campaign-name': 'xb-name', 'ad-group-name': 'xb-name-2', 'aw-header-cell': 'xb-hc' };
  const DRIFT_CLASS = /^(particle-table|ess-)/;
  const DRIFT_ROLES = new Set(['grid', 'row', 'gridcell', 'columnheader']);
  const driftClass = (value) => String(value).split(/\s+/).filter(Boolean).map((c) => (DRIFT_CLASS.test(c) ? 'k7' + c : c)).join(' ');
  if (V.drifted) {
    const tagNames = Object.keys(DRIFT_TAGS).sort((a, b) => b.length - a.length).join('|');
    const tagPattern = new RegExp('(^|[\\s,>+~])(' + tagNames + ')(?=[\\s,.:[>+~]|$)', 'g');
    for (const sheet of Array.from(doc.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (!rule.selectorText) continue;
        rule.selectorText = rule.selectorText
          .replace(/\.((?:particle-table|ess-)[\w-]*)/g, '.k7$1')
          .replace(tagPattern, (_, before, tag) => before + DRIFT_TAGS[tag]);
      }
    }
  }

  function h(tag, attrs, children) {
    const el = doc.createElement(V.drifted && DRIFT_TAGS[tag] ? DRIFT_TAGS[tag] : tag);
    if (attrs) {
      Object.keys(attrs).forEach((k) => {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (V.drifted && (k === 'essfield' || k === 'navi-id' || (k === 'role' && DRIFT_ROLES.has(v)))) return;
        if (V.drifted && k === 'class') {
          el.setAttribute('class', driftClass(v));
          return;
        }
        if (k === 'text') el.textContent = v;
        else if (k === 'style') Object.assign(el.style, v);
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach((c) => {
      if (c !== null && c !== undefined) el.append(c);
    });
    return el;
  }
  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }
  function setText(node, value) {
    if (node.data !== value) node.data = value;
  }
  function px(n) {
    return n + 'px';
  }

  /** Moves an element's `_ngcontent-*` attribute to a new name, as a new build/render would. */
  function churnNg(el) {
    const old = el.getAttributeNames().find((n) => n.startsWith('_ngcontent-'));
    if (old) el.removeAttribute(old);
    el.setAttribute(churnToken('_ngcontent-'), '');
  }

  // ---------------------------------------------------------------------------------------------
  // Chrome: splash, header with account picker and "Last updated", side nav, page header with the
  // date picker
  // ---------------------------------------------------------------------------------------------

  const mount = doc.getElementById('mount');
  doc.documentElement.lang = LOCALE;

  const splash = h('div', { class: 'splash-screen', role: 'progressbar', 'aria-busy': 'true', 'aria-label': T.loading }, [
    h('div', { class: 'splash-logo', 'aria-hidden': 'true' }, [h('span', { class: 'logo-a' }), h('span', { class: 'logo-b' }), h('span', { class: 'logo-c' })]),
    h('material-spinner', { class: 'splash-spinner' }),
  ]);
  mount.append(splash);

  const shell = {};

  function buildShell() {
    const lastUpdatedText = doc.createTextNode(T.lastUpdated(0));
    let picker = null;
    if (V.accountPicker !== 'none') {
      const formatted = String(data.customerId || '').replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3');
      picker = h('div', { class: 'particle-header-account-picker', debugid: 'account-picker', role: 'button', tabindex: '0' }, [
        h('div', { class: 'account-name', text: data.accountName || 'Funnel Lens QA' }),
        V.accountPicker === 'id' ? h('div', { class: 'customer-id', text: formatted }) : null,
        h('material-icon', { class: 'picker-icon', 'aria-hidden': 'true', text: 'arrow_drop_down' }),
      ]);
    }
    const header = h('header', { class: 'particle-header', role: 'banner' }, [
      h('div', { class: 'brand' }, [h('span', { class: 'brand-logo', 'aria-hidden': 'true' }), h('span', { text: 'Google Ads' })]),
      picker,
      h('div', { class: 'header-spacer' }),
      h('div', { class: 'last-updated' }, [lastUpdatedText]),
    ]);

    const navLinks = {};
    const nav = h('nav', { class: 'side-nav', 'aria-label': 'Navigation' });
    [['overview', '/aw/overview'], ['campaign', '/aw/campaigns'], ['ad_group', '/aw/adgroups']].forEach(([key, path]) => {
      navLinks[key] = h('a', { class: 'nav-item', href: url(path), text: T.nav[key], onclick: onNavClick });
      nav.append(navLinks[key]);
    });

    const presetText = doc.createTextNode('');
    const rangeText = doc.createTextNode('');
    const presetSpan = h('span', { class: 'preset-name' }, [presetText]);
    const rangeSpan = h('span', { class: 'range-text' }, [rangeText]);
    const dateButton = h('dropdown-button', { class: 'menu-trigger primary-range' }, [
      h('div', { class: 'button', role: 'button', tabindex: '0', 'aria-haspopup': 'true' }, [
        h('span', { class: 'button-text' }, [presetSpan, rangeSpan]),
        h('material-icon', { class: 'button-icon', 'aria-hidden': 'true', text: 'arrow_drop_down' }),
      ]),
    ]);
    const datePicker = h('div', { class: 'date-range dropdown-and-comparison' }, [dateButton]);

    const crumbs = h('div', { class: 'breadcrumbs' });
    const titleText = doc.createTextNode('');
    const pageHeader = h('div', { class: 'page-header' }, [
      h('div', { class: 'page-title-block' }, [crumbs, h('h1', { class: 'page-title' }, [titleText])]),
      h('div', { class: 'header-spacer' }),
      datePicker,
    ]);
    const content = h('div', { class: 'page-content' });
    const main = h('main', { class: 'main' }, [pageHeader, content]);
    mount.prepend(header, h('div', { class: 'app-body' }, [nav, main]));
    Object.assign(shell, { lastUpdatedText, navLinks, presetText, rangeText, presetSpan, rangeSpan, crumbs, titleText, pageHeader, content, datePicker });
    updateDateLabel();
  }

  function updateDateLabel() {
    if (!shell.rangeText) return;
    const range = formatRange(state.from, state.to);
    if (state.preset) {
      setText(shell.presetText, T.presets[state.preset]);
      // Most labels show the preset's name and the dates; `presetOnlyLabel` shows the name alone.
      setText(shell.rangeText, V.presetOnlyLabel ? '' : range);
    } else {
      setText(shell.presetText, T.customRange);
      setText(shell.rangeText, range);
    }
  }

  function updateChrome() {
    const titleKey = state.page;
    doc.title = T.title[titleKey] + ' - Google Ads';
    setText(shell.titleText, T.title[titleKey]);
    Object.keys(shell.navLinks).forEach((k) => setAttr(shell.navLinks[k], 'aria-current', k === state.page ? 'page' : null));
    shell.crumbs.replaceChildren();
    if (state.page === 'ad_group' && state.campaignId) {
      const c = campaignById(state.campaignId);
      shell.crumbs.append(
        h('a', { class: 'crumb', href: url('/aw/campaigns'), text: T.allCampaigns, onclick: onNavClick }),
        h('span', { class: 'crumb-sep', 'aria-hidden': 'true', text: ' › ' }),
        h('span', { class: 'crumb', text: T.campaignCrumb + (c ? String(c.name) : state.campaignId) }),
      );
    }
    shell.datePicker.hidden = !(state.page === 'campaign' || state.page === 'ad_group' || state.page === 'overview');
  }

  function onNavClick(e) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(e.currentTarget.getAttribute('href'));
  }

  // ---------------------------------------------------------------------------------------------
  // The table
  // ---------------------------------------------------------------------------------------------

  /** Columns per level: [essfield, width, header key]. */
  function columns(level) {
    const cols = [['selection', 44, 'selection'], ['status', 44, 'status']];
    if (level === 'campaign') {
      cols.push([V.nameField === 'campaign.name' ? 'campaign.name' : 'name', 380, 'name']);
      if (V.campaignIdColumn) cols.push(['campaign_id', 120, 'campaign_id']);
      cols.push(['budget', 110, 'budget'], ['campaign.advertising_channel_type', 110, 'type']);
    } else {
      cols.push(['name', 280, 'name'], ['campaign.name', 200, 'parent'], ['ad_group.cpc_bid_micros', 110, 'default_bid']);
    }
    cols.push(['stats.clicks', 84, 'clicks'], ['stats.impressions', 96, 'impressions'], ['stats.ctr', 72, 'ctr']);
    if (V.costColumn) cols.push(['stats.cost', 130, 'cost']);
    cols.push(['stats.conversions', 104, 'conversions']);
    return cols.map(([field, width, key]) => ({ field, width, key }));
  }

  function headerLabel(col, level) {
    return col.key === 'name' ? T.col.name[level] : T.col[col.key];
  }

  const table = { root: null, slots: [], level: null, cols: [], body: null, spacer: null, summary: null, progress: null, chunkTimer: null };

  function buildTable(level) {
    const cols = columns(level);
    const width = cols.reduce((w, c) => w + c.width, 0);
    const headerRow = h('div', { class: 'particle-table-header ' + churnToken('_c'), role: 'row', style: { width: px(width) } });
    cols.forEach((col) => {
      const label = headerLabel(col, level);
      headerRow.append(h('div', {
        class: 'particle-table-header-cell', role: 'columnheader', essfield: col.field, 'aria-label': label || null,
        style: { width: px(col.width) },
      }, [h('aw-header-cell', { text: label })]));
    });
    const spacer = h('div', { class: 'particle-table-spacer', style: { width: px(width) } });
    const body = h('div', { class: 'particle-table-body' }, [spacer]);
    body.style.height = px(V.visibleRows * ROW_H);
    body.addEventListener('scroll', () => layoutRows(false));

    // The totals row: a row like the others (role=row, essfield cells) with no link and no ID.
    const summaryCells = {};
    const summary = h('div', { class: 'particle-table-row particle-table-summary-row particle-table-last-row', role: 'row', style: { width: px(width) } });
    cols.forEach((col) => {
      const text = doc.createTextNode('');
      summaryCells[col.field] = text;
      summary.append(h('ess-cell', { role: 'gridcell', essfield: col.field, style: { width: px(col.width) } }, [h('div', { class: 'ess-cell-ellipsis' }, [text])]));
    });

    const canvas = h('div', { class: 'ess-table-canvas', role: 'grid', 'aria-label': T.grid[level], 'aria-rowcount': '0' }, [headerRow, body, summary]);
    const root = h('ess-table', { class: 'campaign-table' }, [h('ess-particle-table', null, [canvas])]);
    churnNg(canvas);
    Object.assign(table, { root, canvas, slots: [], level, cols, body, spacer, summary, summaryCells, width });
    return root;
  }

  function createSlot() {
    const row = h('div', { class: 'particle-table-row', role: 'row', style: { position: 'absolute', top: '0px', left: '0px', height: px(ROW_H), width: px(table.width) } });
    churnNg(row);
    const cells = {};
    table.cols.forEach((col) => {
      const cell = h('ess-cell', { role: 'gridcell', essfield: col.field, style: { width: px(col.width) } });
      cells[col.field] = cell;
      row.append(cell);
    });
    const slot = { row, cells, index: -1, item: null, kind: null };

    // Selection and status cells.
    slot.checkbox = h('mat-checkbox', { role: 'checkbox', 'aria-checked': 'false', tabindex: '0' });
    slot.statusDot = h('div', { class: 'status-dot' });
    slot.status = h('div', { class: 'aw-status' }, [slot.statusDot]);

    // Name cell: <campaign-name navi-id=…><a class="ess-cell-link" href=…>Name</a></campaign-name>.
    slot.nameText = doc.createTextNode('');
    slot.link = h('a', { class: 'ess-cell-link' }, [slot.nameText]);
    slot.link.addEventListener('click', onRowLinkClick);
    slot.plainName = h('span', { class: 'ess-cell-text' });
    const nameStyle = V.nameGrid ? { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' } : null;
    slot.nameHost = table.level === 'campaign'
      ? h('campaign-name', { 'navi-id': 'campaign-table-campaign-name-cell', style: nameStyle })
      : h('ad-group-name', { 'navi-id': 'adgroup-table-adgroup-name-cell', style: nameStyle });
    slot.altText = doc.createTextNode('');
    slot.alt = h('div', { class: 'ess-cell-alt' }, [slot.altText]);
    slot.shimmer = h('div', { class: 'placeholder-bar' });

    // Parent campaign cell on ad group rows: a link with campaignId=, a trap for an ID reader.
    slot.parentText = doc.createTextNode('');
    slot.parentLink = h('a', { class: 'ess-cell-link' }, [slot.parentText]);
    slot.parentLink.addEventListener('click', onRowLinkClick);

    // Value cells.
    slot.values = {};
    table.cols.forEach((col) => {
      // Selection, status and the name/parent links are filled above; the rest are text values.
      if (['selection', 'status', 'name', 'campaign.name'].includes(col.field)) return;
      const text = doc.createTextNode('');
      slot.values[col.field] = text;
      cells[col.field].append(h('div', { class: 'ess-cell-ellipsis' }, [text]));
    });
    cells.selection.append(slot.checkbox);
    cells.status.append(slot.status);
    if (table.level === 'ad_group') cells['campaign.name'].append(slot.parentLink);
    table.spacer.append(row);
    return slot;
  }

  function nameCellOf(slot) {
    return slot.cells[table.level === 'campaign' && V.nameField === 'campaign.name' ? 'campaign.name' : 'name'];
  }

  /** Which element of the name cell is shown: the name component, or the separator/placeholder text. */
  function showInNameCell(slot, mode) {
    const cell = nameCellOf(slot);
    const wanted = mode === 'row' ? slot.nameHost : mode === 'joined' ? slot.alt : slot.shimmer;
    [slot.nameHost, slot.alt, slot.shimmer].forEach((el) => {
      if (el !== wanted && el.parentNode) el.remove();
    });
    // Always first in the cell: anything an extension appended after it stays where it is.
    if (cell.firstChild !== wanted) cell.insertBefore(wanted, cell.firstChild);
    const content = V.nameLinks ? slot.link : slot.plainName;
    if (mode === 'row' && slot.nameHost.firstChild !== content) slot.nameHost.replaceChildren(content);
  }

  function metrics(row) {
    const cost = costOf(row);
    if (!cost) return { clicks: null, impressions: null, conversions: null };
    const cpc = 0.6 + hashUnit(row.id, 1) * 4;
    const clicks = Math.max(1, Math.round(cost / cpc));
    const impressions = Math.round(clicks / (0.02 + hashUnit(row.id, 2) * 0.08));
    const conversions = Math.round(clicks * (0.01 + hashUnit(row.id, 3) * 0.05) * 100) / 100;
    return { clicks, impressions, conversions };
  }

  function valueText(field, row) {
    const m = metrics(row);
    const num = (n, d) => (n === null ? '—' : formatNumber(n, d || 0));
    switch (field) {
      case 'campaign_id': return String(row.id);
      case 'budget': return formatMoney(Math.round(20 + hashUnit(row.id, 4) * 180)) + T.perDay;
      case 'campaign.advertising_channel_type': return T.search;
      case 'ad_group.cpc_bid_micros': return formatMoney(Math.round((0.5 + hashUnit(row.id, 5) * 3) * 100) / 100);
      case 'stats.clicks': return num(m.clicks);
      case 'stats.impressions': return num(m.impressions);
      case 'stats.ctr': return m.clicks ? formatNumber((100 * m.clicks) / m.impressions, 2) + (COMMA_DECIMALS ? NBSP + '%' : '%') : '—';
      case 'stats.cost': return formatMoney(costOf(row));
      case 'stats.conversions':
        // A row with its own conversion count (platformLeads) prints it; else a derived figure.
        if (row.platformLeads !== undefined) return conversionsText(row.platformLeads);
        return num(m.conversions, 2);
      default: return '';
    }
  }

  function rowHref(row) {
    if (table.level === 'campaign') return url('/aw/adgroups', { campaignId: row.id });
    return url('/aw/ads', { campaignId: row.parentId, adGroupId: row.id });
  }

  /** Writes display item `i` into a slot: a campaign/ad group row, a separator, or a placeholder. */
  function fillSlot(slot, i, force) {
    const item = i < state.loaded ? state.items[i] : { kind: 'placeholder' };
    const kind = item.kind;
    const moved = slot.index !== i || slot.item !== item;
    if (!moved && !force) return;
    slot.index = i;
    slot.item = item;
    slot.row.style.transform = 'translateY(' + px(i * ROW_H) + ')';
    setAttr(slot.row, 'aria-rowindex', String(i + 2));
    // Classes are rewritten on every render, with one build-specific class that changes each time.
    const rowClass = 'particle-table-row ' + (kind === 'joined' ? 'particle-joined-row ' : kind === 'placeholder' ? 'particle-table-placeholder ' : '') + churnToken('_r');
    slot.row.className = V.drifted ? driftClass(rowClass) : rowClass;
    showInNameCell(slot, kind);
    if (kind === 'row') {
      const row = item.row;
      setText(slot.nameText, String(row.name));
      slot.plainName.textContent = String(row.name);
      setAttr(slot.link, 'href', rowHref(row));
      const active = row.status !== 'paused';
      setAttr(slot.statusDot, 'aria-label', active ? T.enabled : T.paused);
      setAttr(slot.statusDot, 'class', 'status-dot ' + (active ? 'enabled' : 'paused'));
      if (table.level === 'ad_group') {
        const parent = campaignById(row.parentId);
        setText(slot.parentText, parent ? String(parent.name) : '');
        setAttr(slot.parentLink, 'href', url('/aw/adgroups', { campaignId: row.parentId }));
        if (!slot.parentLink.parentNode) slot.cells['campaign.name'].prepend(slot.parentLink);
      }
      Object.keys(slot.values).forEach((f) => setText(slot.values[f], valueText(f, row)));
      slot.checkbox.hidden = false;
      slot.status.hidden = false;
    } else {
      setText(slot.altText, kind === 'joined' ? T.removed : '');
      setText(slot.nameText, '');
      setAttr(slot.link, 'href', null);
      if (slot.parentLink.parentNode) slot.parentLink.remove();
      Object.keys(slot.values).forEach((f) => setText(slot.values[f], ''));
      slot.checkbox.hidden = true;
      slot.status.hidden = true;
    }
  }

  function layoutRows(force) {
    if (!table.body || !state.tableReady) return;
    const n = state.items.length;
    const first = Math.floor(table.body.scrollTop / ROW_H);
    const start = Math.max(0, Math.min(first - 1, n - table.slots.length));
    let needsChunk = false;
    for (let i = start; i < Math.min(n, start + table.slots.length); i++) {
      fillSlot(table.slots[i % table.slots.length], i, force);
      if (i >= state.loaded) needsChunk = true;
    }
    if (needsChunk) requestChunk();
    afterRender();
  }

  /** Lazy loading: the next chunk of rows arrives a moment after placeholders come into view. */
  function requestChunk() {
    if (table.chunkTimer !== null) return;
    const forTable = table.root;
    table.chunkTimer = setTimeout(() => {
      table.chunkTimer = null;
      if (table.root !== forTable) return;
      state.loaded = Math.min(state.items.length, state.loaded + V.chunkSize);
      // Test hook (resortOnNextAppend): a re-sort in the very task the chunk arrives in.
      const resort = appendResort;
      appendResort = null;
      if (resort && resort.beforeRender) resortInPlace(resort.seed);
      layoutRows(false);
      if (resort && !resort.beforeRender) resortInPlace(resort.seed);
      if (resort) resort.resolve(true);
    }, V.chunkDelayMs);
  }

  /** A re-sort waiting for the next chunk to arrive (test hook), or null. */
  let appendResort = null;

  /**
   * The list re-sorts in place, as after a click on a column header: the campaign rows take a
   * new order (a seeded shuffle; the separator keeps its place) and the pooled row nodes in view
   * are rewritten at once, in this one task: the same nodes get new link text and a new
   * `campaignId` in the href. Loaded and lazy rows keep their counts: only the order changes.
   */
  function resortInPlace(seed) {
    if (!state.tableReady) return false;
    const positions = [];
    const rows = [];
    state.items.forEach((item, i) => {
      if (item.kind !== 'row') return;
      positions.push(i);
      rows.push(item);
    });
    let s = (seed >>> 0) || 1;
    for (let i = rows.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const j = (s >>> 8) % (i + 1);
      const swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    positions.forEach((at, k) => {
      state.items[at] = rows[k];
    });
    layoutRows(true);
    return true;
  }

  function renderSummary() {
    const rows = state.items.filter((it) => it.kind === 'row').map((it) => it.row);
    table.cols.forEach((col) => {
      let text = '';
      if (col.field === 'name' || col.field === 'campaign.name') text = col.key === 'parent' ? '' : T.total[table.level];
      else if (col.field === 'stats.cost') {
        const withCost = rows.filter((r) => costOf(r) !== null);
        text = withCost.length ? formatMoney(withCost.reduce((s, r) => s + costOf(r), 0)) : '—';
      } else if (col.field === 'stats.clicks') text = formatNumber(rows.reduce((s, r) => s + (metrics(r).clicks || 0), 0), 0);
      setText(table.summaryCells[col.field], text);
    });
  }

  /** Fills the table after its (re)load: fresh row nodes, scroll at the top, the first chunk. */
  function renderTable() {
    state.items = computeItems();
    state.loaded = Math.min(state.items.length, V.chunkSize);
    state.tableReady = true;
    table.spacer.style.height = px(Math.max(1, state.items.length) * ROW_H);
    setAttr(table.canvas, 'aria-rowcount', String(state.items.length + 2));
    const pool = Math.min(POOL, state.items.length);
    for (let k = 0; k < pool; k++) table.slots.push(createSlot());
    renderSummary();
    layoutRows(true);
  }

  function onRowLinkClick(e) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(e.currentTarget.getAttribute('href'));
  }

  // ---------------------------------------------------------------------------------------------
  // Page loads and navigation
  // ---------------------------------------------------------------------------------------------

  let loadTimer = null;
  let resolveReady;
  const ready = new Promise((r) => {
    resolveReady = r;
  });
  let settledWaiters = [];

  function afterRender() {
    state.renderCount++;
    window.performance.mark('replica:rows-rendered');
    if (state.tableReady && !state.rangeLoading) {
      const waiters = settledWaiters;
      settledWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  function progressBar() {
    return h('material-progress', { class: 'table-progress', role: 'progressbar', 'aria-busy': 'true', 'aria-label': T.loading }, [h('div', { class: 'progress-track' })]);
  }

  /** Reads the URL and shows its page: a list page remounts its table after a loading bar. */
  function loadPage(delay) {
    readUrl();
    updateChrome();
    if (loadTimer !== null) clearTimeout(loadTimer);
    if (table.chunkTimer !== null) clearTimeout(table.chunkTimer);
    table.chunkTimer = null;
    state.tableReady = false;
    state.items = [];
    state.loaded = 0;
    if (table.root) table.root.remove();
    Object.assign(table, { root: null, slots: [], body: null });
    shell.content.replaceChildren();
    if (state.page === 'overview' || state.page === 'other') {
      shell.content.append(h('div', { class: 'overview-cards' }, [
        h('div', { class: 'card', text: state.page === 'overview' ? T.overview : T.other }),
      ]));
      loadTimer = null;
      if (splash.isConnected) splash.remove();
      resolveReady();
      afterRender();
      return;
    }
    const progress = progressBar();
    shell.content.append(progress);
    loadTimer = setTimeout(() => {
      loadTimer = null;
      progress.remove();
      shell.content.append(buildTable(state.page));
      renderTable();
      // Variant hiddenSpinner: the splash (a progressbar with a spinner) stays in the DOM, hidden.
      if (V.hiddenSpinner) splash.style.display = 'none';
      else if (splash.isConnected) splash.remove();
      resolveReady();
    }, delay);
  }

  function navigate(href) {
    hist.pushState({}, '', href);
    loadPage(V.tableReloadMs);
  }

  window.addEventListener('popstate', () => loadPage(V.tableReloadMs));

  /** A new range from the picker: the label changes, the rows re-render in place; the URL does not. */
  function applyRange(from, to, preset) {
    state.from = from;
    state.to = to;
    state.preset = preset;
    updateDateLabel();
    if (!state.tableReady) return;
    state.rangeLoading = true;
    const progress = progressBar();
    table.canvas.before(progress);
    setTimeout(() => {
      progress.remove();
      state.rangeLoading = false;
      if (!state.tableReady) return;
      renderSummary();
      layoutRows(true);
    }, V.rangeReloadMs);
  }

  function setDateRange(from, to) {
    const f = parseIso(from);
    const t = parseIso(to);
    if (!f || !t || f > t) throw new Error('bad date range ' + from + ' ' + to);
    applyRange(f, t, null);
  }

  function setPreset(key) {
    const r = presetRange(key);
    if (!r) throw new Error('unknown preset ' + key);
    applyRange(r[0], r[1], key);
  }

  // ---------------------------------------------------------------------------------------------
  // Background churn: AngularDart keeps re-rendering even when nothing changes for the user
  // ---------------------------------------------------------------------------------------------

  let ticks = 0;
  window.setInterval(() => {
    if (shell.lastUpdatedText) setText(shell.lastUpdatedText, T.lastUpdated(++ticks));
  }, 1000);

  window.setInterval(() => {
    if (!state.tableReady) return;
    table.slots.forEach((slot, k) => {
      // Build-specific attributes and classes move on every change-detection pass.
      churnNg(slot.row);
      if ((k + ticks) % 3 === 0) {
        Object.keys(slot.cells).forEach((f) => setAttr(slot.cells[f], 'class', churnToken('_e')));
      }
    });
    // A status cell is re-rendered with a fresh node now and then (childList inside the table).
    const slot = table.slots[Math.floor(Math.random() * table.slots.length)];
    if (slot && slot.item && slot.item.kind === 'row') {
      const fresh = h('div', { class: 'status-dot ' + churnToken('_s'), 'aria-label': slot.statusDot.getAttribute('aria-label') });
      slot.status.replaceChildren(fresh);
      slot.statusDot = fresh;
    }
  }, V.churnMs);

  // ---------------------------------------------------------------------------------------------
  // Test API
  // ---------------------------------------------------------------------------------------------

  function bodyOrThrow() {
    if (!table.body) throw new Error('no table on this page');
    return table.body;
  }

  window.__replica = {
    ready,
    /** Resolves once the table shows rows (after a load or a range change), at once when it does. */
    settled() {
      return state.tableReady && !state.rangeLoading ? Promise.resolve() : new Promise((r) => settledWaiters.push(r));
    },
    renderCount: () => state.renderCount,
    scrollToIndex(i) {
      bodyOrThrow().scrollTop = i * ROW_H;
      layoutRows(false);
    },
    scrollBy(dy) {
      bodyOrThrow().scrollTop += dy;
      layoutRows(false);
    },
    setDateRange,
    setPreset,
    goAdGroups(campaignId) {
      navigate(url('/aw/adgroups', { campaignId: campaignId }));
    },
    goCampaigns() {
      navigate(url('/aw/campaigns'));
    },
    goOverview() {
      navigate(url('/aw/overview'));
    },
    back() {
      hist.back();
    },
    /** What a user sees now, from the model (not the DOM, which an extension may have touched). */
    visibleRows() {
      if (!state.tableReady || state.rangeLoading) return [];
      const body = table.body;
      const top = body.scrollTop;
      const bottom = top + body.clientHeight;
      const bodyTop = body.getBoundingClientRect().top;
      const out = [];
      for (let i = Math.floor(top / ROW_H); i < state.items.length && i * ROW_H < bottom; i++) {
        const item = state.items[i];
        if (i >= state.loaded || item.kind !== 'row') continue;
        out.push({ index: i, id: String(item.row.id), name: String(item.row.name), clientTop: bodyTop + i * ROW_H - top, spendText: formatMoney(costOf(item.row)) });
      }
      return out;
    },
    /** Display rows in view that are still placeholders (their chunk has not arrived). */
    pendingRows() {
      if (!state.tableReady) return 0;
      const body = table.body;
      const first = Math.floor(body.scrollTop / ROW_H);
      const last = Math.min(state.items.length, Math.ceil((body.scrollTop + body.clientHeight) / ROW_H));
      return Math.max(0, last - Math.max(first, state.loaded));
    },
    resortInPlace,
    /**
     * Re-sorts in the same task as the next lazy-load chunk: before that chunk is rendered (the
     * rows arrive in the new order) or right after it. Resolves true once done, false when no
     * chunk is on its way (every row loaded, or none in view is a placeholder).
     */
    resortOnNextAppend(seed, beforeRender) {
      if (table.chunkTimer === null) return Promise.resolve(false);
      if (appendResort) appendResort.resolve(false);
      return new Promise((resolve) => {
        appendResort = { seed, beforeRender: !!beforeRender, resolve };
      });
    },
    /** The row node that shows display index `i` now (for a test's in-page probe), or null. */
    rowNodeAt(i) {
      const slot = table.slots.length ? table.slots[i % table.slots.length] : null;
      return slot && slot.index === i ? slot.row : null;
    },
    rowNodeCount() {
      return table.spacer ? table.spacer.children.length : 0;
    },
    formatMoney,
    formatRange: (from, to) => formatRange(parseIso(from), parseIso(to)),
    state() {
      return {
        page: state.page, campaignId: state.campaignId, from: iso(state.from), to: iso(state.to), preset: state.preset,
        tableReady: state.tableReady, count: state.items.filter((it) => it.kind === 'row').length, loaded: state.loaded,
        rowHeight: ROW_H, label: shell.datePicker ? shell.datePicker.querySelector('.button-text').textContent : null,
      };
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Start: splash, then the shell (header, nav, picker) half-way, then the table
  // ---------------------------------------------------------------------------------------------

  setTimeout(() => {
    buildShell();
    loadPage(Math.max(0, V.splashMs - Math.floor(V.splashMs / 2)));
  }, Math.floor(V.splashMs / 2));
})();
