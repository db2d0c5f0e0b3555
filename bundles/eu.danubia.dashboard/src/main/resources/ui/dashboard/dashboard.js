// DanubIA dashboards: region/sector map, cluster dashboard, SME benchmark and region time series,
// over /api/indicators. Loaded by the web shell with import() and called as render(element, ctx);
// render returns the cleanup function (stops polling, disposes the charts).
// All data goes into the DOM as text (h() from /ui-kit.js), never via innerHTML.

import { h, append, clear, errorPanel, errorMessage, breadcrumbs, countryName, query, debounce } from '/ui-kit.js';
import {
  ready, chartCard, yearsOption, categoriesOption, regionMap, mapOption, NON_NUTS, NON_NUTS_NOTE, NO_DATA_COLOUR,
} from './charts.js';
import { downloadCsv } from './export.js';

const BASE = '#/dashboards';
const POLL_MS = 2000;
const SUPPRESSED_TIP = 'fewer than 3 companies';

const ORG_TYPES = {
  BUSINESS: 'Business',
  RESEARCH: 'Research / university',
  PUBLIC_BODY: 'Public body',
  CIVIL_SOCIETY: 'Civil society',
  CLUSTER_ORGANISATION: 'Cluster organisation',
};
const SIZE_CLASSES = { MICRO: 'Micro (< 10)', SMALL: 'Small (10–49)', MEDIUM: 'Medium (50–249)', LARGE: 'Large (250+)' };

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const NF0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const NF2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EUR = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

const fmt = {
  int: (v) => NF0.format(v),
  eur: (v) => EUR.format(v),
  compact: (v) => COMPACT.format(v),
  eurCompact: (v) => `€${COMPACT.format(v)}`,
  growth: (v) => `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)} %`,
  share: (v) => `${(v * 100).toFixed(1)} %`,
  lq: (v) => NF2.format(v),
  stars: (v) => `${'★'.repeat(Math.max(0, Math.min(3, v)))}${'☆'.repeat(Math.max(0, 3 - v))}`,
  axisPct: (v) => `${Math.round(v * 100)} %`,
};

/** What the map and the table can show; key is the field of a region row. */
const MEASURES = {
  employees: { label: 'Employees', key: 'employees', format: fmt.int, absolute: true },
  companies: { label: 'Companies', key: 'companies', format: fmt.int, absolute: true },
  turnover: { label: 'Turnover (EUR)', key: 'turnoverEur', format: fmt.eur, absolute: true },
  productivity: { label: 'Productivity (turnover per employee, EUR)', key: 'productivityEur', format: fmt.eur },
  lq: { label: 'Location quotient', key: 'lq', format: fmt.lq },
  stars: {
    label: 'Stars (0–3)', key: 'stars', format: (v) => `${fmt.stars(v)} (${v})`,
    piecewise: [0, 1, 2, 3].map((n) => ({ value: n, label: `${n} ${n === 1 ? 'star' : 'stars'}` })),
  },
};

/** Appends children, skipping null/false (Element.append would print "null"). */
function add(el, ...children) {
  append(el, children);
}

function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** "—", with the disclosure-control tooltip when the value was suppressed. */
function dash(suppressed) {
  return suppressed
    ? h('span', { class: 'dash-suppressed', title: SUPPRESSED_TIP, 'data-suppressed': 'true' }, '—')
    : h('span', { class: 'muted' }, '—');
}

function cell(value, format, suppressed) {
  return isNum(value) ? format(value) : dash(suppressed);
}

function starsNode(row) {
  if (!isNum(row.stars)) return dash(row.suppressed);
  const met = [row.size && 'size', row.specialisation && 'specialisation', row.focus && 'focus'].filter(Boolean);
  return h('span', { class: 'dash-stars', title: `${row.stars} of 3 stars${met.length ? `: ${met.join(', ')}` : ''}`, 'data-stars': String(row.stars) },
    fmt.stars(row.stars));
}

function typeLabel(t) {
  return ORG_TYPES[t] || String(t || '—').replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

function nonNuts(code) {
  return NON_NUTS.has(code);
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function render(el, ctx) {
  ensureCss();
  el.classList.add('dashboards');
  const page = createPage(el, ctx);
  const [section, id, ...extra] = ctx.route || [];
  try {
    await ready();
  } catch (e) {
    el.appendChild(errorPanel({ detail: `The chart library could not be loaded (${errorMessage(e)}).` }, 'dash-error'));
    return page.cleanup;
  }
  if (page.disposed) return page.cleanup;
  if (!section) await overviewPage(page);
  else if (section === 'cluster' && id && !extra.length) await clusterPage(page, id);
  else if (section === 'company' && id && !extra.length) await companyPage(page, id);
  else if (section === 'region' && id && !extra.length) await regionPage(page, id);
  else el.appendChild(messagePanel('dash-not-found', 'Page not found', 'This dashboard page does not exist.'));
  return page.cleanup;
}

function ensureCss() {
  if (document.querySelector('link[data-dashboard-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./dashboard.css', import.meta.url).href;
  link.dataset.dashboardCss = '';
  document.head.appendChild(link);
}

function messagePanel(id, title, text, links = [[BASE, 'All dashboards']]) {
  return h('section', { class: 'panel panel-empty', id, role: 'alert' },
    h('h1', null, title),
    h('p', null, text),
    h('p', { class: 'actions' }, links.map(([href, label]) => h('a', { href, class: 'btn btn-secondary' }, label))));
}

// ---------------------------------------------------------------------------
// Page life cycle: charts to dispose, live refresh while the page is shown
// ---------------------------------------------------------------------------

function createPage(el, ctx) {
  const charts = [];
  let stopPolling = null;
  const page = {
    el,
    ctx,
    disposed: false,
    live: h('p', { class: 'dash-live muted small', id: 'dash-live', role: 'status', 'aria-live': 'polite' }),
    notice: h('div', { class: 'dash-notice', id: 'dash-notice' }),
    chart(options) {
      const c = chartCard(options);
      charts.push(c);
      return c;
    },
    /**
     * Shows the first answer, then re-fetches and redraws (in place) whenever
     * /api/indicators/version changes. load() gives the data, draw(data) shows it.
     */
    async start(load, draw) {
      const version = fetchVersion(ctx);
      const data = await load();
      if (page.disposed) return;
      await draw(data);
      const refresh = async () => {
        const fresh = await load();
        if (!page.disposed) await draw(fresh);
      };
      stopPolling = poll(page, await version, refresh);
    },
    cleanup() {
      page.disposed = true;
      if (stopPolling) stopPolling();
      for (const c of charts) c.dispose();
    },
  };
  page.cleanup = page.cleanup.bind(page);
  return page;
}

async function fetchVersion(ctx) {
  try {
    const res = await ctx.api('/api/indicators/version');
    return res && res.version !== undefined ? res.version : null;
  } catch (e) {
    console.error('[dashboards] GET /api/indicators/version failed', e);
    return null;
  }
}

/** Polls the version every 2 s while the page is visible; returns the stop function. */
function poll(page, initial, refresh) {
  let last = initial;
  let timer = null;
  let busy = false;
  let stopped = false;
  let failures = 0;
  if (last !== null) page.live.dataset.version = String(last);
  page.live.textContent = 'Live: figures update when the data changes.';

  const tick = async () => {
    if (stopped || busy || document.hidden) return;
    busy = true;
    try {
      const res = await page.ctx.api('/api/indicators/version');
      failures = 0;
      const v = res ? res.version : undefined;
      if (v === undefined || v === null || v === last || stopped) return;
      const previous = last;
      last = v;
      try {
        await refresh();
        page.live.dataset.version = String(v);
        page.live.textContent = `Live: updated ${new Date().toLocaleTimeString('en-GB')}.`;
        clear(page.notice);
      } catch (e) {
        last = previous;           // try again on the next tick
        console.error('[dashboards] refresh after version change failed', v, e);
        clear(page.notice);
        page.notice.appendChild(h('p', { class: 'form-error', role: 'alert' }, `The figures could not be updated: ${errorMessage(e)}`));
      }
    } catch (e) {
      if (failures++ === 0) console.error('[dashboards] polling GET /api/indicators/version failed', e);
    } finally {
      busy = false;
    }
  };
  const start = () => {
    if (stopped || timer) return;
    timer = setInterval(tick, POLL_MS);
    tick();
  };
  const pause = () => {
    clearInterval(timer);
    timer = null;
  };
  const onVisibility = () => (document.hidden ? pause() : start());
  document.addEventListener('visibilitychange', onVisibility);
  if (!document.hidden) {
    timer = setInterval(tick, POLL_MS);
  }
  return () => {
    stopped = true;
    pause();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Loads a page's data; 404 becomes null (the caller shows its own message). */
async function get(ctx, path) {
  try {
    return await ctx.api(path);
  } catch (e) {
    if (e && e.status === 404) return null;
    console.error('[dashboards] GET', path, 'failed', e);
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Tables with CSV export and sorting
// ---------------------------------------------------------------------------

const sortState = new Map(); // table id -> {key, dir}: kept across refreshes

/**
 * A table card. columns: [{key, label, num, value(row), render(row), csv(row), format, sortable}].
 * value() is what sorts and goes to CSV (default row[key]); render() what is shown
 * (default: format(value), "—" when missing or suppressed).
 */
function dataTable({ id, title, columns, rows, file, empty = 'No data.', sort, note }) {
  const valueOf = (c, r) => (c.value ? c.value(r) : r[c.key]);
  const show = (c, r) => (c.render ? c.render(r) : cell(valueOf(c, r), c.format || String, r.suppressed));
  let st = sortState.get(id) || sort || null;

  const tbody = h('tbody');
  const table = h('table', { class: 'data dash-table', id: `${id}-table`, 'data-rows': String(rows.length) });
  const head = h('tr');

  const fill = () => {
    clear(tbody);
    let list = rows;
    if (st) {
      const c = columns.find((x) => x.key === st.key);
      if (c) {
        list = [...rows].sort((a, b) => {
          const x = valueOf(c, a);
          const y = valueOf(c, b);
          if (x == null && y == null) return 0;
          if (x == null) return 1;            // missing values last, whatever the direction
          if (y == null) return -1;
          return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * st.dir;
        });
      }
    }
    if (!list.length) {
      tbody.appendChild(h('tr', null, h('td', { class: 'table-empty', colspan: String(columns.length) }, empty)));
    }
    for (const r of list) {
      tbody.appendChild(h('tr', null, columns.map((c) => h('td', { class: c.num ? 'num' : null, 'data-col': c.key }, show(c, r)))));
    }
  };
  const drawHead = () => {
    clear(head);
    for (const c of columns) {
      const sorted = st && st.key === c.key;
      const th = h('th', {
        scope: 'col', class: c.num ? 'num' : null,
        'aria-sort': sorted ? (st.dir > 0 ? 'ascending' : 'descending') : null,
      });
      if (c.sortable === false) th.appendChild(document.createTextNode(c.label));
      else {
        th.appendChild(h('button', {
          type: 'button', class: 'dash-sort', title: `Sort by ${c.label}`,
          onclick: () => {
            st = { key: c.key, dir: sorted ? -st.dir : (c.num ? -1 : 1) };
            sortState.set(id, st);
            drawHead();
            fill();
          },
        }, c.label, h('span', { class: 'dash-sort-mark', 'aria-hidden': 'true' }, sorted ? (st.dir > 0 ? ' ▲' : ' ▼') : '')));
      }
      head.appendChild(th);
    }
  };
  drawHead();
  fill();
  add(table, h('thead', null, head), tbody);

  const csv = h('button', {
    type: 'button', class: 'btn btn-secondary btn-small dash-csv', title: 'Download this table as CSV',
    onclick: () => downloadCsv(file || id, columns.map((c) => ({ label: c.label, csv: (r) => (c.csv ? c.csv(r) : valueOf(c, r)) })), rows),
  }, 'CSV');
  return h('section', { class: 'dash-table-card', id },
    h('div', { class: 'dash-card-head' }, h('h3', null, title), h('span', { class: 'actions' }, csv)),
    note ? h('p', { class: 'hint' }, note) : null,
    h('div', { class: 'table-wrap' }, table));
}

function stat(key, label, value, hint) {
  return h('div', { class: 'dash-stat', 'data-stat': key },
    h('span', { class: 'dash-stat-label' }, label),
    h('span', { class: 'dash-stat-value' }, value),
    hint ? h('span', { class: 'dash-stat-hint' }, hint) : null);
}

function select(id, label, onChange) {
  const el = h('select', { id, onchange: () => onChange(el.value) });
  return { el, field: h('div', { class: 'field' }, h('label', { for: id }, label), el) };
}

function setOptions(sel, entries, value) {
  clear(sel);
  for (const [v, text] of entries) {
    const o = h('option', { value: v }, text);
    if (String(v) === String(value)) o.selected = true;
    sel.appendChild(o);
  }
}

function replace(slot, node) {
  clear(slot);
  if (node) slot.appendChild(node);
}

function pageHeader(crumbs, title, subtitle, page, extra) {
  return [
    breadcrumbs(crumbs),
    h('header', { class: 'page-header' },
      h('div', null, h('h1', { id: 'dash-title' }, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
      h('div', { class: 'dash-head-side' }, extra || null, page.live)),
    page.notice,
  ];
}

// ---------------------------------------------------------------------------
// #/dashboards — region × sector map, region table, cluster list
// ---------------------------------------------------------------------------

async function overviewPage(page) {
  const { el, ctx } = page;
  const p = ctx.params || new URLSearchParams();
  const state = {
    level: p.get('level') === '2' ? '2' : '3',
    sector: p.get('sector') || '',
    year: p.get('year') || '',
    measure: MEASURES[p.get('measure')] ? p.get('measure') : 'employees',
    basis: p.get('basis') === 'eurostat' ? 'eurostat' : 'companies',
  };
  let current = null;
  let seq = 0;                   // the last picker change wins when answers cross

  const changed = (key) => async (value) => {
    state[key] = value;
    // keep the choice in the address (bookmarks, back button) without re-rendering the page
    history.replaceState(null, '', `${BASE}${query(state)}`);
    const mine = ++seq;
    try {
      const data = key === 'measure' && current ? current : await load();
      if (mine !== seq || page.disposed) return;
      clear(page.notice);
      await draw(data);
    } catch (e) {
      console.error('[dashboards] regions for', { ...state }, 'failed', e);
      if (mine === seq) replace(page.notice, errorPanel(e, 'dash-error'));
    }
  };
  const level = select('dash-level', 'Level', changed('level'));
  const sector = select('dash-sector', 'Sector (NACE division)', changed('sector'));
  const year = select('dash-year', 'Year', changed('year'));
  const measure = select('dash-measure', 'Measure', changed('measure'));
  const basis = select('dash-basis', 'Basis', changed('basis'));
  setOptions(level.el, [['3', 'NUTS 3'], ['2', 'NUTS 2']], state.level);
  setOptions(measure.el, Object.entries(MEASURES).map(([k, m]) => [k, m.label]), state.measure);
  setOptions(basis.el, [['companies', 'Company data'], ['eurostat', 'Eurostat regional data']], state.basis);
  setOptions(sector.el, [['', 'All sectors']], state.sector);
  setOptions(year.el, [['', 'Latest']], state.year);

  const map = page.chart({ id: 'dash-map-card', boxId: 'dash-map', title: 'Regions', height: 540, file: 'regions-map' });
  map.box.dataset.coloured = '0';
  const mapNote = h('div', { class: 'dash-map-notes', id: 'dash-map-notes' });
  const tableSlot = h('div', { id: 'dash-regions' });
  const clusters = h('section', { class: 'dash-section', id: 'dash-clusters', 'aria-labelledby': 'dash-clusters-title' });

  add(el,
    ...pageHeader([['Home', '#/'], ['Dashboards']], 'Dashboards',
      'Regional specialisation, clusters and company benchmarks of the Danube region.', page),
    ctx.user && ctx.user.organisationId
      ? h('p', { class: 'dash-own' }, h('a', { href: `${BASE}/company/${encodeURIComponent(ctx.user.organisationId)}`, id: 'dash-own-company', class: 'btn btn-secondary' }, 'Benchmark of your organisation'))
      : null,
    h('form', { class: 'toolbar', id: 'dash-pickers', onsubmit: (e) => e.preventDefault() },
      level.field, sector.field, year.field, measure.field, basis.field),
    map.element,
    mapNote,
    tableSlot,
    clusters);

  map.on('click', (e) => {
    if (e && e.name) ctx.navigate(`${BASE}/region/${encodeURIComponent(e.name)}${query({ sector: state.sector })}`);
  });

  const load = () => ctx.api(`/api/indicators/regions${query({ level: state.level, sector: state.sector, year: state.year, basis: state.basis })}`);

  const draw = async (data) => {
    current = data;
    const rows = Array.isArray(data.regions) ? data.regions : [];
    const sectors = Array.isArray(data.sectors) ? data.sectors : [];
    const years = Array.isArray(data.years) ? data.years : [];
    setOptions(sector.el, [['', 'All sectors'], ...sectors.map((s) => [s.code, `${s.code} ${s.label || ''}`.trim()])], data.sector || state.sector || '');
    setOptions(year.el, [['', 'Latest'], ...[...years].sort((a, b) => b - a).map((y) => [String(y), String(y)])], state.year);
    if (data.level !== undefined) level.el.value = String(data.level);

    const m = MEASURES[state.measure];
    const sectorText = data.sector ? `sector ${data.sector}${labelOf(sectors, data.sector)}` : 'all sectors';
    map.setTitle(`${m.label} — ${sectorText}, ${data.year ?? ''} (NUTS ${data.level ?? state.level})`);

    const geo = await regionMap(data.level ?? state.level, new Set(rows.map((r) => r.code)));
    if (page.disposed) return;
    const { option, coloured, missing } = mapOption(geo, rows.map((r) => ({
      code: r.code, name: r.name, value: r[m.key], suppressed: r.suppressed, stars: r.stars,
    })), { measureLabel: m.label, format: m.format, piecewise: m.piecewise, absolute: !!m.absolute });
    map.update(option, coloured);
    map.box.dataset.coloured = String(coloured);

    clear(mapNote);
    add(mapNote,
      h('span', { class: 'dash-key' }, h('span', { class: 'dash-swatch', style: `background:${NO_DATA_COLOUR}` }), 'no data, or fewer than 3 companies'),
      h('span', { class: 'dash-key' }, h('span', { class: 'dash-swatch dash-swatch-country' }), `Ukraine, Moldova, Bosnia and Herzegovina: ${NON_NUTS_NOTE}`),
      data.reference ? h('span', { class: 'dash-key' }, `LQ reference: ${data.reference}.`) : null,
      h('span', { class: 'dash-key' }, `Basis: ${data.basis === 'eurostat' ? 'Eurostat regional employment' : 'company data'}.`));
    if (missing.length) {
      console.warn('[dashboards] regions without geometry at level', data.level, missing);
      mapNote.appendChild(h('span', { class: 'dash-key dash-missing', id: 'dash-map-missing' },
        `Not on the map (no NUTS ${data.level ?? state.level} shape): ${missing.join(', ')}.`));
    }

    replace(tableSlot, dataTable({
      id: 'dash-regions-table-card',
      title: `Regions — ${sectorText}, ${data.year ?? ''}`,
      file: `regions-nuts${data.level ?? state.level}-${data.sector || 'all'}-${data.year ?? ''}`,
      rows,
      sort: { key: m.key, dir: -1 },
      empty: 'No region has data for this choice.',
      columns: [
        {
          key: 'code', label: 'Region', value: (r) => r.code,
          render: (r) => h('span', null,
            h('a', { href: `${BASE}/region/${encodeURIComponent(r.code)}${query({ sector: data.sector })}` }, r.name || r.code), ' ',
            h('span', { class: 'mono muted small' }, r.code),
            r.nuts === false || nonNuts(r.code) ? h('span', { class: 'badge badge-inline', title: NON_NUTS_NOTE }, 'country level') : null),
        },
        { key: 'name', label: 'Name', render: (r) => r.name || '—' },
        { key: 'country', label: 'Country', render: (r) => countryName(r.country) },
        { key: 'companies', label: 'Companies', num: true, format: fmt.int },
        { key: 'employees', label: 'Employees', num: true, format: fmt.int },
        { key: 'turnoverEur', label: 'Turnover (EUR)', num: true, format: fmt.eur },
        { key: 'productivityEur', label: 'Productivity (EUR)', num: true, format: fmt.eur },
        { key: 'employmentShare', label: 'Employment share', num: true, format: fmt.share },
        { key: 'lq', label: 'LQ', num: true, format: fmt.lq },
        { key: 'stars', label: 'Stars', num: true, render: starsNode },
        {
          key: 'strong', label: 'Strong cluster', value: (r) => (r.strong ? 'yes' : ''),
          render: (r) => (r.strong ? h('span', { class: 'badge badge-ok', title: 'top 25 % of regions by LQ for this sector, LQ > 1' }, 'strong') : ''),
        },
      ],
    }));
  };

  drawClusterList(page, clusters);
  try {
    await page.start(load, draw);
  } catch (e) {
    console.error('[dashboards] overview failed', e);
    replace(page.notice, errorPanel(e, 'dash-error'));
  }
}

/** The NACE division (2 digits) of a code such as 62.01, or '' for a section letter. */
function division(code) {
  const m = /^(\d{2})/.exec(String(code || ''));
  return m ? m[1] : '';
}

function labelOf(sectors, code) {
  const s = sectors.find((x) => x.code === code || x.sector === code);
  return s && s.label ? ` (${s.label})` : '';
}

/** The clusters the caller can read, so anyone can reach a cluster dashboard without its id. */
function drawClusterList(page, section) {
  const { ctx } = page;
  const input = h('input', { type: 'search', id: 'dash-cluster-q', placeholder: 'Search clusters by name', autocomplete: 'off' });
  const slot = h('div', { id: 'dash-cluster-list' });
  let seq = 0;
  const load = async () => {
    const mine = ++seq;
    let res;
    try {
      res = await ctx.api(`/api/clusters${query({ q: input.value.trim(), size: 200 })}`);
    } catch (e) {
      console.error('[dashboards] GET /api/clusters failed', e);
      if (mine === seq) replace(slot, errorPanel(e, 'dash-clusters-error'));
      return;
    }
    if (mine !== seq || page.disposed) return;
    const items = res && Array.isArray(res.items) ? res.items : (Array.isArray(res) ? res : []);
    const total = res && typeof res.total === 'number' ? res.total : items.length;
    replace(slot, dataTable({
      id: 'dash-clusters-table-card',
      title: 'Cluster dashboards',
      file: 'clusters',
      rows: items,
      note: total > items.length ? `Showing ${items.length} of ${total}; search to narrow down.` : null,
      empty: 'No cluster is visible to you.',
      columns: [
        { key: 'name', label: 'Cluster', render: (c) => h('a', { href: `${BASE}/cluster/${encodeURIComponent(c.id)}`, 'data-cluster': c.id }, c.name || c.id) },
        { key: 'country', label: 'Country', render: (c) => countryName(c.country) },
        { key: 'nutsCode', label: 'Region', render: (c) => (c.nutsCode ? h('span', { class: 'mono' }, c.nutsCode) : '—') },
        { key: 'sectors', label: 'Sectors', value: (c) => (c.sectors || []).join(' '), render: (c) => (c.sectors && c.sectors.length ? c.sectors.join(', ') : '—') },
        { key: 'memberCount', label: 'Members', num: true, format: fmt.int },
      ],
    }));
  };
  input.addEventListener('input', debounce(load, 300));
  add(section, h('div', { class: 'dash-section-head' },
    h('h2', { id: 'dash-clusters-title' }, 'Clusters'),
    h('div', { class: 'field' }, h('label', { for: 'dash-cluster-q', class: 'visually-hidden' }, 'Search clusters'), input)), slot);
  load();
}

// ---------------------------------------------------------------------------
// #/dashboards/cluster/<id>
// ---------------------------------------------------------------------------

async function clusterPage(page, id) {
  const { el, ctx } = page;
  const path = `/api/indicators/clusters/${encodeURIComponent(id)}`;
  let first;
  try {
    first = await get(ctx, path);
  } catch (e) {
    el.appendChild(errorPanel(e, 'dash-error'));
    return;
  }
  if (!first) {
    el.appendChild(messagePanel('dash-not-available', 'Cluster not found',
      'This cluster does not exist, or its dashboard is not visible to you.'));
    return;
  }
  if (page.disposed) return;

  const c = first.cluster || {};
  const stats = h('div', { class: 'dash-stats', id: 'dash-cluster-stats' });
  const charts = {
    employees: page.chart({ id: 'dash-cluster-employees', title: 'Employees', file: 'cluster-employees' }),
    turnover: page.chart({ id: 'dash-cluster-turnover', title: 'Turnover (EUR)', file: 'cluster-turnover' }),
    productivity: page.chart({ id: 'dash-cluster-productivity', title: 'Median productivity (turnover per employee, EUR)', file: 'cluster-productivity' }),
    growth: page.chart({ id: 'dash-cluster-growth', title: 'Median growth', file: 'cluster-growth' }),
    benchProductivity: page.chart({ id: 'dash-cluster-bench-productivity', title: 'Productivity: cluster vs region × sector', file: 'cluster-benchmark-productivity', height: 240 }),
    benchGrowth: page.chart({ id: 'dash-cluster-bench-growth', title: 'Turnover growth: cluster vs region × sector', file: 'cluster-benchmark-growth', height: 240 }),
    byType: page.chart({ id: 'dash-cluster-by-type', title: 'Members by type', file: 'cluster-members-by-type', height: 260 }),
    byCountry: page.chart({ id: 'dash-cluster-by-country', title: 'Members by country', file: 'cluster-members-by-country', height: 260 }),
    cooperation: page.chart({ id: 'dash-cluster-cooperation', title: 'Cooperation by mode', file: 'cluster-cooperation', height: 260 }),
  };
  const benchNote = h('p', { class: 'hint', id: 'dash-cluster-bench-note' });
  const seriesSlot = h('div', { id: 'dash-cluster-series' });
  const cooperationStats = h('div', { class: 'dash-stats', id: 'dash-cluster-cooperation-stats' });
  const cooperationSlot = h('div', { id: 'dash-cluster-cooperation-table' });
  const membersSlot = h('div', { id: 'dash-cluster-members' });

  add(el,
    ...pageHeader([['Home', '#/'], ['Dashboards', BASE], [c.name || 'Cluster']], c.name || 'Cluster',
      [countryName(c.country), c.nutsCode ? `region ${c.nutsCode}` : null, c.sectors && c.sectors.length ? `sectors ${c.sectors.join(', ')}` : null].filter(Boolean).join(' · '),
      page,
      c.nutsCode ? h('a', { class: 'btn btn-secondary btn-small', id: 'dash-cluster-region', href: `${BASE}/region/${encodeURIComponent(c.nutsCode)}${query({ sector: division((c.sectors || [])[0]) })}` }, 'Region dashboard') : null),
    stats,
    h('div', { class: 'dash-grid' }, charts.employees.element, charts.turnover.element, charts.productivity.element, charts.growth.element),
    seriesSlot,
    h('h2', { class: 'dash-h2' }, 'Benchmark against the region and sector'),
    benchNote,
    h('div', { class: 'dash-grid' }, charts.benchProductivity.element, charts.benchGrowth.element),
    h('h2', { class: 'dash-h2' }, 'Members'),
    h('div', { class: 'dash-grid' }, charts.byType.element, charts.byCountry.element),
    membersSlot,
    h('h2', { class: 'dash-h2' }, 'Cooperation'),
    cooperationStats,
    h('div', { class: 'dash-grid' }, charts.cooperation.element, cooperationSlot));

  const draw = (d) => {
    const series = [...(d.series || [])].sort((a, b) => a.year - b.year);
    const years = series.map((s) => s.year);
    const latest = series.find((s) => s.year === d.latestYear) || series[series.length - 1] || {};
    const memberTotal = (d.membersByType || []).reduce((n, t) => n + (t.count || 0), 0);
    const sup = !!latest.suppressed;
    // the year the headline figures are for, for tests and for a reader of the DOM
    stats.setAttribute('data-latest-year', latest.year == null ? '' : String(latest.year));
    replace(stats, null);
    add(stats,
      stat('members', 'Members', fmt.int(memberTotal)),
      stat('companies', `Companies with data${latest.year ? ` (${latest.year})` : ''}`, cell(latest.companies, fmt.int, sup)),
      stat('employees', 'Employees', cell(latest.employees, fmt.int, sup)),
      stat('turnover', 'Turnover', cell(latest.turnoverEur, fmt.eur, sup)),
      stat('productivity', 'Median productivity', cell(latest.productivityMedianEur, fmt.eur, sup), 'turnover per employee'),
      stat('turnoverGrowth', 'Median turnover growth', cell(latest.turnoverGrowthMedian, fmt.growth, sup), 'year on year'),
      stat('employmentGrowth', 'Median employment growth', cell(latest.employmentGrowthMedian, fmt.growth, sup), 'year on year'));

    charts.employees.update(yearsOption(years, [{ name: 'Employees', values: series.map((s) => s.employees) }], { yFormat: fmt.compact, tipFormat: fmt.int }));
    charts.turnover.update(yearsOption(years, [{ name: 'Turnover', values: series.map((s) => s.turnoverEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.productivity.update(yearsOption(years, [{ name: 'Median productivity', type: 'line', values: series.map((s) => s.productivityMedianEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.growth.update(yearsOption(years, [
      { name: 'Turnover growth', type: 'line', values: series.map((s) => s.turnoverGrowthMedian) },
      { name: 'Employment growth', type: 'line', values: series.map((s) => s.employmentGrowthMedian) },
    ], { yFormat: fmt.axisPct, tipFormat: fmt.growth }));

    replace(seriesSlot, dataTable({
      id: 'dash-cluster-series-card', title: 'Figures by year', file: `cluster-${c.name || id}-by-year`, rows: series,
      sort: { key: 'year', dir: -1 },
      columns: [
        { key: 'year', label: 'Year', render: (s) => String(s.year) },
        { key: 'companies', label: 'Companies', num: true, format: fmt.int },
        { key: 'employees', label: 'Employees', num: true, format: fmt.int },
        { key: 'turnoverEur', label: 'Turnover (EUR)', num: true, format: fmt.eur },
        { key: 'productivityMedianEur', label: 'Median productivity (EUR)', num: true, format: fmt.eur },
        { key: 'turnoverGrowthMedian', label: 'Median turnover growth', num: true, format: fmt.growth },
        { key: 'employmentGrowthMedian', label: 'Median employment growth', num: true, format: fmt.growth },
      ],
    }));

    const b = d.benchmark || null;
    benchNote.textContent = b
      ? `${b.year ?? ''}: the cluster's members against all companies of region ${b.region || '—'} in sector ${b.sector || '—'}.`
      : 'No benchmark: the cluster has no region or sector, or there are no data for them.';
    charts.benchProductivity.update(categoriesOption(['Cluster median', `Region ${b && b.region ? b.region : ''} × sector ${b && b.sector ? b.sector : ''}`],
      [{ name: 'Productivity (EUR)', values: [b && b.clusterProductivityMedianEur, b && b.regionSectorProductivityEur] }], { format: fmt.eurCompact }));
    charts.benchGrowth.update(categoriesOption(['Cluster median', `Region ${b && b.region ? b.region : ''} × sector ${b && b.sector ? b.sector : ''}`],
      [{ name: 'Turnover growth', values: [b && b.clusterTurnoverGrowthMedian, b && b.regionSectorTurnoverGrowth] }], { format: fmt.axisPct }));

    const types = d.membersByType || [];
    charts.byType.update(categoriesOption(types.map((t) => typeLabel(t.type)), [{ name: 'Members', values: types.map((t) => t.count) }], { format: fmt.int, horizontal: true }));
    const countries = d.membersByCountry || [];
    charts.byCountry.update(categoriesOption(countries.map((t) => countryName(t.country)), [{ name: 'Members', values: countries.map((t) => t.count) }], { format: fmt.int, horizontal: true }));

    const co = d.cooperation || {};
    const modes = co.byMode || [];
    replace(cooperationStats, null);
    add(cooperationStats,
      stat('interests', 'Expressions of interest', cell(co.interests, fmt.int)),
      stat('agreements', 'Agreements', cell(co.agreements, fmt.int)),
      stat('crossBorderShare', 'Cross-border share', cell(co.crossBorderShare, fmt.share), 'of interests and agreements'));
    charts.cooperation.update(categoriesOption(modes.map((m) => m.mode), [
      { name: 'Interests', values: modes.map((m) => m.interests) },
      { name: 'Agreements', values: modes.map((m) => m.agreements) },
    ], { format: fmt.int }));
    replace(cooperationSlot, dataTable({
      id: 'dash-cluster-cooperation-card', title: 'Cooperation counts by mode', file: `cluster-${c.name || id}-cooperation`, rows: modes,
      empty: 'No cooperation mode is installed, or nothing was recorded yet.',
      columns: [
        { key: 'mode', label: 'Mode', render: (m) => String(m.mode) },
        { key: 'interests', label: 'Interests', num: true, format: fmt.int },
        { key: 'agreements', label: 'Agreements', num: true, format: fmt.int },
      ],
    }));

    if (Array.isArray(d.members)) {
      replace(membersSlot, dataTable({
        id: 'dash-cluster-members-card', title: 'Member companies', file: `cluster-${c.name || id}-members`, rows: d.members,
        sort: { key: 'turnoverEur', dir: -1 },
        empty: 'No member has company figures.',
        columns: [
          { key: 'name', label: 'Organisation', render: (m) => h('a', { href: `${BASE}/company/${encodeURIComponent(m.organisationId)}` }, m.name || m.organisationId) },
          { key: 'country', label: 'Country', render: (m) => countryName(m.country) },
          { key: 'type', label: 'Type', render: (m) => typeLabel(m.type) },
          { key: 'year', label: 'Year', render: (m) => (m.year == null ? '—' : String(m.year)) },
          { key: 'turnoverEur', label: 'Turnover (EUR)', num: true, format: fmt.eur },
          { key: 'employees', label: 'Employees', num: true, format: fmt.int },
          { key: 'productivityEur', label: 'Productivity (EUR)', num: true, format: fmt.eur },
          { key: 'turnoverGrowth', label: 'Turnover growth', num: true, format: fmt.growth },
        ],
      }));
    } else {
      replace(membersSlot, h('p', { class: 'panel panel-empty dash-members-hidden', id: 'dash-members-hidden' },
        'Company figures are visible to the association\'s administrators.'));
    }
  };

  try {
    let initial = first;
    await page.start(async () => {
      if (initial) { const d = initial; initial = null; return d; }
      const d = await get(ctx, path);
      if (!d) throw new Error('The cluster is no longer visible.');
      return d;
    }, draw);
  } catch (e) {
    console.error('[dashboards] cluster dashboard failed', id, e);
    replace(page.notice, errorPanel(e, 'dash-error'));
  }
}

// ---------------------------------------------------------------------------
// #/dashboards/company/<orgId> — SME benchmark
// ---------------------------------------------------------------------------

async function companyPage(page, orgId) {
  const { el, ctx } = page;
  const path = `/api/indicators/companies/${encodeURIComponent(orgId)}`;
  let first;
  try {
    first = await get(ctx, path);
  } catch (e) {
    el.appendChild(errorPanel(e, 'dash-error'));
    return;
  }
  if (!first) {
    el.appendChild(messagePanel('dash-not-available', 'Company figures are not available to you',
      'Company-level figures are shown only to the company itself, its association\'s administrators and platform administrators. Public dashboards show regions and clusters.',
      ctx.user ? [[BASE, 'All dashboards']] : [[BASE, 'All dashboards'], ['#/login', 'Sign in']]));
    return;
  }
  if (page.disposed) return;

  const o = first.organisation || {};
  const stats = h('div', { class: 'dash-stats', id: 'dash-company-stats' });
  const charts = {
    turnover: page.chart({ id: 'dash-company-turnover', title: 'Turnover (EUR)', file: 'company-turnover' }),
    employees: page.chart({ id: 'dash-company-employees', title: 'Employees', file: 'company-employees' }),
    growth: page.chart({ id: 'dash-company-growth', title: 'Growth', file: 'company-growth' }),
    productivity: page.chart({ id: 'dash-company-productivity', title: 'Productivity (turnover per employee, EUR)', file: 'company-productivity' }),
    peerProductivity: page.chart({ id: 'dash-company-peer-productivity', title: 'Productivity vs peers', file: 'company-peers-productivity', height: 260 }),
    peerGrowth: page.chart({ id: 'dash-company-peer-growth', title: 'Turnover growth vs peers', file: 'company-peers-growth', height: 260 }),
  };
  const seriesSlot = h('div', { id: 'dash-company-series' });
  const peersSlot = h('div', { id: 'dash-company-peers' });
  const transitions = h('div', { id: 'dash-company-transitions' });

  add(el,
    ...pageHeader([['Home', '#/'], ['Dashboards', BASE], [o.name || 'Company']], o.name || 'Company benchmark',
      [countryName(o.country), o.nutsCode ? `region ${o.nutsCode}` : null, o.naceCodes && o.naceCodes.length ? `NACE ${o.naceCodes.join(', ')}` : null].filter(Boolean).join(' · '),
      page),
    stats,
    h('div', { class: 'dash-grid' }, charts.turnover.element, charts.employees.element, charts.productivity.element, charts.growth.element),
    seriesSlot,
    h('h2', { class: 'dash-h2' }, 'Against its cluster and region'),
    h('div', { class: 'dash-grid' }, charts.peerProductivity.element, charts.peerGrowth.element),
    peersSlot,
    transitions);

  const draw = (d) => {
    const series = [...(d.series || [])].sort((a, b) => a.year - b.year);
    const years = series.map((s) => s.year);
    const latest = series[series.length - 1] || {};
    replace(stats, null);
    add(stats,
      stat('turnover', `Turnover${latest.year ? ` (${latest.year})` : ''}`, cell(latest.turnoverEur, fmt.eur)),
      stat('employees', 'Employees', cell(latest.employees, fmt.int)),
      stat('sizeClass', 'Size class', latest.sizeClass ? (SIZE_CLASSES[latest.sizeClass] || latest.sizeClass) : dash(false)),
      stat('productivity', 'Productivity', cell(latest.productivityEur, fmt.eur), 'turnover per employee'),
      stat('turnoverGrowth', 'Turnover growth', cell(latest.turnoverGrowth, fmt.growth), 'year on year'),
      stat('turnoverCagr3', 'Turnover CAGR', cell(d.turnoverCagr3, fmt.growth), 'over 3 years'),
      stat('profitMargin', 'Profit margin', cell(latest.profitMargin, fmt.share)),
      stat('exportShare', 'Export share', cell(latest.exportShare, fmt.share)));

    charts.turnover.update(yearsOption(years, [{ name: 'Turnover', values: series.map((s) => s.turnoverEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.employees.update(yearsOption(years, [{ name: 'Employees', values: series.map((s) => s.employees) }], { yFormat: fmt.compact, tipFormat: fmt.int }));
    charts.productivity.update(yearsOption(years, [{ name: 'Productivity', type: 'line', values: series.map((s) => s.productivityEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.growth.update(yearsOption(years, [
      { name: 'Turnover growth', type: 'line', values: series.map((s) => s.turnoverGrowth) },
      { name: 'Employment growth', type: 'line', values: series.map((s) => s.employmentGrowth) },
    ], { yFormat: fmt.axisPct, tipFormat: fmt.growth }));

    replace(seriesSlot, dataTable({
      id: 'dash-company-series-card', title: 'Figures by year', file: `company-${o.name || orgId}-by-year`, rows: series,
      sort: { key: 'year', dir: -1 },
      columns: [
        { key: 'year', label: 'Year', render: (s) => String(s.year) },
        { key: 'turnoverEur', label: 'Turnover (EUR)', num: true, format: fmt.eur },
        { key: 'employees', label: 'Employees', num: true, format: fmt.int },
        { key: 'profitEur', label: 'Profit (EUR)', num: true, format: fmt.eur },
        { key: 'exportsEur', label: 'Exports (EUR)', num: true, format: fmt.eur },
        { key: 'turnoverGrowth', label: 'Turnover growth', num: true, format: fmt.growth },
        { key: 'employmentGrowth', label: 'Employment growth', num: true, format: fmt.growth },
        { key: 'productivityEur', label: 'Productivity (EUR)', num: true, format: fmt.eur },
        { key: 'profitMargin', label: 'Profit margin', num: true, format: fmt.share },
        { key: 'exportShare', label: 'Export share', num: true, format: fmt.share },
        { key: 'sizeClass', label: 'Size class', render: (s) => (s.sizeClass ? (SIZE_CLASSES[s.sizeClass] || s.sizeClass) : '—') },
      ],
    }));

    const peers = d.peers || [];
    const peerName = (p) => `${p.kind === 'cluster' ? 'Cluster' : 'Region'}: ${p.label || p.id}`;
    const peerSuppressed = (p) => !!p.suppressed || (isNum(p.companies) && p.companies < 3);
    const latestOf = (year) => series.find((s) => s.year === year) || latest;
    const categories = ['This company', ...peers.map(peerName)];
    charts.peerProductivity.update(categoriesOption(categories, [{
      name: 'Productivity (EUR)',
      values: [peers.length ? latestOf(peers[0].year).productivityEur : latest.productivityEur, ...peers.map((p) => p.productivityMedianEur)],
    }], { format: fmt.eurCompact, horizontal: true }));
    charts.peerGrowth.update(categoriesOption(categories, [{
      name: 'Turnover growth',
      values: [peers.length ? latestOf(peers[0].year).turnoverGrowth : latest.turnoverGrowth, ...peers.map((p) => p.turnoverGrowthMedian)],
    }], { format: fmt.axisPct, horizontal: true }));

    const own = { kind: 'company', label: o.name || 'This company', year: latest.year, companies: 1, productivityMedianEur: latest.productivityEur, turnoverGrowthMedian: latest.turnoverGrowth, own: true };
    replace(peersSlot, dataTable({
      id: 'dash-company-peers-card', title: 'Peers', file: `company-${o.name || orgId}-peers`,
      rows: [own, ...peers.map((p) => ({ ...p, suppressed: peerSuppressed(p) }))],
      empty: 'No peer group: the company has no cluster or region with data.',
      columns: [
        { key: 'kind', label: 'Compared with', render: (p) => (p.own ? h('strong', null, 'This company') : p.kind === 'cluster' ? 'Cluster' : 'Region') },
        {
          key: 'label', label: 'Name', value: (p) => p.label || p.id,
          render: (p) => (p.own ? (p.label || '—') : h('a', { href: p.kind === 'cluster' ? `${BASE}/cluster/${encodeURIComponent(p.id)}` : `${BASE}/region/${encodeURIComponent(p.id)}` }, p.label || p.id)),
        },
        { key: 'year', label: 'Year', render: (p) => (p.year == null ? '—' : String(p.year)) },
        { key: 'companies', label: 'Companies', num: true, format: fmt.int },
        { key: 'productivityMedianEur', label: 'Median productivity (EUR)', num: true, format: fmt.eur },
        { key: 'turnoverGrowthMedian', label: 'Median turnover growth', num: true, format: fmt.growth },
      ],
    }));

    const tr = d.sizeTransitions || [];
    replace(transitions, tr.length
      ? dataTable({
        id: 'dash-company-transitions-card', title: 'Size-class transitions', file: `company-${o.name || orgId}-size-transitions`, rows: tr,
        note: 'EU SME size classes by employees: micro < 10, small < 50, medium < 250, large ≥ 250.',
        columns: [
          { key: 'year', label: 'Year', render: (t) => String(t.year) },
          { key: 'from', label: 'From', render: (t) => SIZE_CLASSES[t.from] || t.from || '—' },
          { key: 'to', label: 'To', render: (t) => SIZE_CLASSES[t.to] || t.to || '—' },
        ],
      })
      : h('p', { class: 'hint', id: 'dash-company-no-transitions' }, 'No size-class transition in the years covered.'));
  };

  try {
    let initial = first;
    await page.start(async () => {
      if (initial) { const d = initial; initial = null; return d; }
      const d = await get(ctx, path);
      if (!d) throw new Error('The company figures are no longer available to you.');
      return d;
    }, draw);
  } catch (e) {
    console.error('[dashboards] company benchmark failed', orgId, e);
    replace(page.notice, errorPanel(e, 'dash-error'));
  }
}

// ---------------------------------------------------------------------------
// #/dashboards/region/<code> — time series and the sector table with stars
// ---------------------------------------------------------------------------

/** The yearly rows for the chosen sector; without a sector, totals per year over the sectors. */
export function regionSeries(series, sector) {
  const rows = Array.isArray(series) ? series : [];
  if (sector) {
    const own = rows.filter((r) => !r.sector || String(r.sector) === String(sector));
    return own.sort((a, b) => a.year - b.year);
  }
  const totals = rows.filter((r) => !r.sector);
  if (totals.length || !rows.length) return totals.sort((a, b) => a.year - b.year);
  const byYear = new Map();
  for (const r of rows) {
    const t = byYear.get(r.year) || { year: r.year, sector: null, companies: 0, employees: 0, turnoverEur: 0, productivityEur: null, lq: null, stars: null, suppressed: false };
    for (const k of ['companies', 'employees', 'turnoverEur']) {
      if (isNum(r[k])) t[k] += r[k];
      else if (r.suppressed) t.suppressed = true;
    }
    byYear.set(r.year, t);
  }
  const out = [...byYear.values()].sort((a, b) => a.year - b.year);
  for (const t of out) {
    t.productivityEur = t.employees > 0 && !t.suppressed ? t.turnoverEur / t.employees : null;
    if (t.suppressed) { t.companies = null; t.employees = null; t.turnoverEur = null; }
  }
  return out;
}

async function regionPage(page, code) {
  const { el, ctx } = page;
  const sector = (ctx.params && ctx.params.get('sector')) || '';
  const path = `/api/indicators/regions/${encodeURIComponent(code)}${query({ sector })}`;
  let first;
  try {
    first = await get(ctx, path);
  } catch (e) {
    el.appendChild(errorPanel(e, 'dash-error'));
    return;
  }
  if (!first) {
    el.appendChild(messagePanel('dash-not-available', 'Region not found', `There are no figures for region ${code}.`));
    return;
  }
  if (page.disposed) return;

  const title = first.name ? `${first.name}` : code;
  const sectorSelect = select('dash-region-sector', 'Sector (NACE division)', (value) => {
    ctx.navigate(`${BASE}/region/${encodeURIComponent(code)}${query({ sector: value })}`);
  });
  const charts = {
    employees: page.chart({ id: 'dash-region-employees', title: 'Employees', file: `region-${code}-employees` }),
    turnover: page.chart({ id: 'dash-region-turnover', title: 'Turnover (EUR)', file: `region-${code}-turnover` }),
    productivity: page.chart({ id: 'dash-region-productivity', title: 'Productivity (turnover per employee, EUR)', file: `region-${code}-productivity` }),
    lq: page.chart({ id: 'dash-region-lq', title: 'Location quotient', note: sector ? null : 'Choose a sector to see its location quotient.', file: `region-${code}-lq` }),
  };
  const seriesSlot = h('div', { id: 'dash-region-series' });
  const sectorsSlot = h('div', { id: 'dash-region-sectors' });

  add(el,
    ...pageHeader([['Home', '#/'], ['Dashboards', BASE], [title]], title,
      [h('span', { class: 'mono' }, code), ' · ', sector ? `sector ${sector}` : 'all sectors',
        nonNuts(code) ? h('span', { class: 'badge badge-inline badge-info', id: 'dash-region-country-level' }, NON_NUTS_NOTE) : null],
      page),
    h('form', { class: 'toolbar', onsubmit: (e) => e.preventDefault() }, sectorSelect.field),
    h('div', { class: 'dash-grid' }, charts.employees.element, charts.turnover.element, charts.productivity.element, charts.lq.element),
    seriesSlot,
    sectorsSlot);

  const draw = (d) => {
    const sectors = [...(d.sectors || [])];
    setOptions(sectorSelect.el, [['', 'All sectors'], ...[...sectors].sort((a, b) => String(a.sector).localeCompare(String(b.sector)))
      .map((s) => [s.sector, `${s.sector} ${s.label || ''}`.trim()])], sector);
    if (sector && ![...sectorSelect.el.options].some((o) => o.value === sector)) {
      sectorSelect.el.appendChild(h('option', { value: sector, selected: true }, sector));
      sectorSelect.el.value = sector;
    }
    const series = regionSeries(d.series, sector);
    const years = series.map((s) => s.year);
    charts.employees.update(yearsOption(years, [{ name: 'Employees', values: series.map((s) => s.employees) }], { yFormat: fmt.compact, tipFormat: fmt.int }));
    charts.turnover.update(yearsOption(years, [{ name: 'Turnover', values: series.map((s) => s.turnoverEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.productivity.update(yearsOption(years, [{ name: 'Productivity', type: 'line', values: series.map((s) => s.productivityEur) }], { yFormat: fmt.eurCompact, tipFormat: fmt.eur }));
    charts.lq.update(yearsOption(years, [{ name: 'LQ', type: 'line', values: series.map((s) => s.lq) }], { yFormat: fmt.lq }));

    replace(seriesSlot, dataTable({
      id: 'dash-region-series-card', title: `Figures by year — ${sector ? `sector ${sector}` : 'all sectors'}`, file: `region-${code}-${sector || 'all'}-by-year`, rows: series,
      sort: { key: 'year', dir: -1 },
      columns: [
        { key: 'year', label: 'Year', render: (s) => String(s.year) },
        { key: 'companies', label: 'Companies', num: true, format: fmt.int },
        { key: 'employees', label: 'Employees', num: true, format: fmt.int },
        { key: 'turnoverEur', label: 'Turnover (EUR)', num: true, format: fmt.eur },
        { key: 'productivityEur', label: 'Productivity (EUR)', num: true, format: fmt.eur },
        { key: 'lq', label: 'LQ', num: true, format: fmt.lq },
        { key: 'stars', label: 'Stars', num: true, render: starsNode },
      ],
    }));

    replace(sectorsSlot, dataTable({
      id: 'dash-region-sectors-card', title: 'Sectors (latest year)', file: `region-${code}-sectors`, rows: sectors,
      sort: { key: 'employees', dir: -1 },
      note: 'Stars by the European Cluster Observatory method (size, specialisation, focus); strong = top 25 % of regions by LQ for the sector (US Cluster Mapping).',
      empty: 'No sector has data in this region.',
      columns: [
        {
          key: 'sector', label: 'Sector', value: (s) => s.sector,
          render: (s) => h('a', { href: `${BASE}/region/${encodeURIComponent(code)}${query({ sector: s.sector })}` }, h('span', { class: 'mono' }, String(s.sector)), s.label ? ` ${s.label}` : ''),
        },
        { key: 'label', label: 'Activity', render: (s) => s.label || '—' },
        { key: 'employees', label: 'Employees', num: true, format: fmt.int },
        { key: 'lq', label: 'LQ', num: true, format: fmt.lq },
        { key: 'stars', label: 'Stars', num: true, render: starsNode },
        {
          key: 'strong', label: 'Strong cluster', value: (s) => (s.strong ? 'yes' : ''),
          render: (s) => (s.strong ? h('span', { class: 'badge badge-ok' }, 'strong') : ''),
        },
      ],
    }));
  };

  try {
    let initial = first;
    await page.start(async () => {
      if (initial) { const d = initial; initial = null; return d; }
      const d = await get(ctx, path);
      if (!d) throw new Error('The region has no figures any more.');
      return d;
    }, draw);
  } catch (e) {
    console.error('[dashboards] region dashboard failed', code, e);
    replace(page.notice, errorPanel(e, 'dash-error'));
  }
}
