// DanubIA dashboards: Apache ECharts (SVG renderer), chart cards with a PNG button, and the
// NUTS choropleth. Tooltips are built as DOM nodes with h(), never as HTML strings.

import { h } from '/ui-kit.js';
import { downloadChartPng } from './export.js';

export const PALETTE = ['#1d4e89', '#1f8a78', '#f0a30a', '#b42318', '#7c5cbf', '#5b6675', '#2f9fd8', '#9a6700'];
export const NO_DATA_COLOUR = '#d5dae1';
export const NON_NUTS = new Set(['UA', 'MD', 'BA']);
export const NON_NUTS_NOTE = 'country level — no NUTS regions';
const COUNTRY_LEVEL_COLOUR = '#d8d2e6';
/**
 * The Danube region of the EU Strategy for the Danube Region: always on the map, with or without
 * data — these countries whole, and of Germany only Baden-Württemberg (DE1) and Bavaria (DE2).
 */
const MAP_COUNTRIES = ['AT', 'BA', 'BG', 'CZ', 'DE', 'HR', 'HU', 'MD', 'ME', 'RO', 'RS', 'SI', 'SK', 'UA'];
const PARTLY = { DE: ['DE1', 'DE2'] };

function inDanubeRegion({ name, country }) {
  const parts = PARTLY[country];
  return MAP_COUNTRIES.includes(country) && (!parts || parts.some((p) => String(name).startsWith(p)));
}

let echarts = null;
let loading = null;

/** Loads ECharts once (ES-module build served from this bundle). */
export function ready() {
  if (echarts) return Promise.resolve(echarts);
  if (!loading) {
    loading = import('./vendor/echarts.esm.min.js').then((mod) => { echarts = mod; return mod; })
      .catch((e) => { loading = null; console.error('[dashboards] could not load ECharts from ./vendor/echarts.esm.min.js', e); throw e; });
  }
  return loading;
}

/** Finite numbers drawn by a chart option: what data-points reports. */
export function countPoints(option) {
  let n = 0;
  const series = Array.isArray(option.series) ? option.series : (option.series ? [option.series] : []);
  for (const s of series) {
    for (const d of s.data || []) {
      let v = d;
      if (v && typeof v === 'object' && !Array.isArray(v)) v = v.value;
      if (Array.isArray(v)) v = v[v.length - 1];
      if (typeof v === 'number' && Number.isFinite(v)) n += 1;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// Chart cards
// ---------------------------------------------------------------------------

/**
 * A card holding one chart, its title and a PNG button. update(option) draws (creating the
 * ECharts instance on first use, in place afterwards: no flicker on refresh) and sets
 * data-points on the .dash-chart container to what was drawn.
 */
export function chartCard({ id, boxId, title, note, height = 280, file }) {
  const box = h('div', { class: 'dash-chart', id: boxId || (id ? `${id}-chart` : null), 'data-points': '0', style: `height:${height}px`, role: 'img', 'aria-label': title });
  let chart = null;
  let observer = null;
  const png = h('button', {
    type: 'button', class: 'btn btn-secondary btn-small dash-png', disabled: true, title: 'Download this chart as PNG',
    onclick: () => {
      if (!chart) return;
      try { downloadChartPng(echarts, chart, file || id || title); } catch (e) { console.error('[dashboards] PNG export failed', id, e); }
    },
  }, 'PNG');
  const heading = h('h3', null, title);
  const element = h('figure', { class: 'card dash-card', id },
    h('figcaption', { class: 'dash-card-head' },
      heading,
      h('span', { class: 'actions' }, png)),
    note ? h('p', { class: 'hint' }, note) : null,
    box);

  function ensure() {
    if (!chart) {
      chart = echarts.init(box, null, { renderer: 'svg' });
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(() => { if (chart) chart.resize(); });
        observer.observe(box);
      }
    }
    return chart;
  }

  return {
    element,
    get chart() { return chart; },
    box,
    setTitle(text) { heading.textContent = text; box.setAttribute('aria-label', text); },
    on(event, handler) { ensure().on(event, handler); },
    update(option, points = countPoints(option)) {
      const c = ensure();
      const full = { animationDuration: 300, animationDurationUpdate: 300, color: PALETTE, textStyle: { fontFamily: 'inherit' }, ...option };
      if (points === 0) {
        full.graphic = [{ type: 'text', left: 'center', top: 'middle', style: { text: 'No data', fill: '#5b6675', fontSize: 14 } }];
      }
      c.setOption(full, { notMerge: true });
      box.dataset.points = String(points);
      png.disabled = false;
    },
    dispose() {
      if (observer) observer.disconnect();
      if (chart) chart.dispose();
      chart = null;
    },
  };
}

/** An axis tooltip as DOM: the category, then one line per series with its formatted value. */
export function axisTooltip(format) {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    const head = list.length ? list[0].axisValueLabel ?? list[0].name : '';
    return h('div', { class: 'dash-tip' },
      h('strong', null, String(head)),
      list.map((p) => h('div', null,
        h('span', { class: 'dash-dot', style: `background:${typeof p.color === 'string' ? p.color : '#999'}` }),
        `${p.seriesName}: `,
        h('b', null, format(p.value, p.seriesIndex)))));
  };
}

/** Bars or lines over years. series: [{name, values (aligned to years), type, format}] */
export function yearsOption(years, series, { yFormat = (v) => String(v), tipFormat } = {}) {
  const names = series.map((s) => s.name);
  return {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v, i) => (v == null ? '—' : (series[i].format || tipFormat || yFormat)(v))) },
    legend: series.length > 1 ? { data: names, top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: yFormat } },
    series: series.map((s) => ({
      name: s.name, type: s.type || 'bar', data: s.values.map((v) => (v == null ? null : v)),
      connectNulls: false, showSymbol: true, barMaxWidth: 38,
    })),
  };
}

/** Bars over categories. series: [{name, values (aligned to categories)}] */
export function categoriesOption(categories, series, { format = (v) => String(v), horizontal = false } = {}) {
  const cat = { type: 'category', data: categories, axisLabel: { interval: 0, width: 140, overflow: 'truncate' } };
  const val = { type: 'value', axisLabel: { formatter: format } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip((v) => (v == null ? '—' : format(v))) },
    legend: series.length > 1 ? { data: series.map((s) => s.name), top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values.map((v) => (v == null ? null : v)), barMaxWidth: 38 })),
  };
}

// ---------------------------------------------------------------------------
// Map geometry
// ---------------------------------------------------------------------------

const geometry = new Map();   // level -> Promise<features>
const registered = new Map(); // map name -> Map(code -> properties)

async function fetchGeo(file) {
  const url = new URL(`./geo/${file}`, import.meta.url);
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`Map geometry ${url.pathname}: HTTP ${res.status}`);
  return JSON.parse(await res.text());
}

function centre(geom) {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      if (c[0] < minX) minX = c[0]; if (c[0] > maxX) maxX = c[0];
      if (c[1] < minY) minY = c[1]; if (c[1] > maxY) maxY = c[1];
    } else c.forEach(walk);
  };
  walk(geom.coordinates);
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** Every feature of a level, keyed by NUTS_ID (name), plus UA/MD/BA at country level. */
export function loadGeometry(level) {
  const key = String(level);
  if (!geometry.has(key)) {
    const p = Promise.all([fetchGeo(`NUTS_RG_60M_2021_4326_LEVL_${key}.geojson`), fetchGeo('ua-md-ba.geojson')])
      .then(([nuts, countries]) => [...nuts.features, ...countries.features].map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          name: f.properties.NUTS_ID,
          label: f.properties.NAME_LATN,
          country: f.properties.CNTR_CODE,
          nuts: !NON_NUTS.has(f.properties.NUTS_ID),
          centre: centre(f.geometry),
        },
      })))
      .catch((e) => { geometry.delete(key); throw e; });
    geometry.set(key, p);
  }
  return geometry.get(key);
}

/** Mainland Europe: leaves out the outermost regions (Canaries, Azores, overseas France...). */
function inEurope([x, y]) {
  return x > -25 && x < 45 && y > 34 && y < 72;
}

/**
 * Registers (once) a map of the Danube region at the given NUTS level, plus the whole country of
 * any region in rowCodes that lies outside it (data from elsewhere is never hidden).
 * Returns {name, regions: Map(code -> {label, country, nuts})}.
 */
export async function regionMap(level, rowCodes) {
  const all = await loadGeometry(level);
  const extra = new Set(all.filter((f) => rowCodes.has(f.properties.name) && !inDanubeRegion(f.properties))
    .map((f) => f.properties.country));
  const name = `danubia-nuts${level}-${[...extra].sort().join('-')}`;
  if (!registered.has(name)) {
    const features = all
      .filter((f) => (inDanubeRegion(f.properties) || extra.has(f.properties.country)) && inEurope(f.properties.centre));
    echarts.registerMap(name, { type: 'FeatureCollection', features });
    registered.set(name, new Map(features.map((f) => [f.properties.name, f.properties])));
  }
  return { name, regions: registered.get(name) };
}

/**
 * The choropleth option. rows: [{code, name, value, suppressed, stars, nuts}] (value null: grey).
 * Returns {option, coloured, missing} where coloured counts the regions drawn with a value and
 * missing lists row codes that have no geometry at this level.
 */
export function mapOption(map, rows, { measureLabel, format, piecewise, absolute }) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const data = [];
  const missing = [];
  let coloured = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    if (!map.regions.has(r.code)) { missing.push(r.code); continue; }
    // a whole country next to NUTS 3 regions would dwarf them on a scale of totals (employees, turnover):
    // on such measures it is drawn in its own neutral colour, its value in the tooltip
    if (absolute && map.regions.get(r.code).nuts === false) {
      data.push({ name: r.code, value: NaN, itemStyle: { areaColor: COUNTRY_LEVEL_COLOUR } });
      continue;
    }
    const ok = typeof r.value === 'number' && Number.isFinite(r.value);
    if (ok) {
      coloured += 1;
      if (r.value < min) min = r.value;
      if (r.value > max) max = r.value;
    }
    data.push({ name: r.code, value: ok ? r.value : NaN });
  }
  // country-level geometry gets a dashed outline, with or without a value
  for (const [code, props] of map.regions) {
    if (props.nuts) continue;
    const item = data.find((d) => d.name === code);
    const style = { borderType: 'dashed', borderColor: '#143a67', borderWidth: 1 };
    if (item) item.itemStyle = { ...(item.itemStyle || {}), ...style }; else data.push({ name: code, value: NaN, itemStyle: style });
  }
  if (!Number.isFinite(min)) { min = 0; max = 1; }
  if (min === max) max = min + 1;

  const visualMap = piecewise
    ? { type: 'piecewise', pieces: piecewise, left: 8, bottom: 8, orient: 'vertical', outOfRange: { color: NO_DATA_COLOUR }, inRange: { color: ['#e8eff8', '#9ec1e6', '#4d84c4', '#143a67'] } }
    : { type: 'continuous', min, max, left: 8, bottom: 8, calculable: true, formatter: (v) => format(v), outOfRange: { color: NO_DATA_COLOUR }, inRange: { color: ['#e8eff8', '#9ec1e6', '#4d84c4', '#143a67'] } };

  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const props = map.regions.get(p.name) || {};
        const row = byCode.get(p.name);
        const value = row && typeof row.value === 'number' && Number.isFinite(row.value) ? format(row.value)
          : row && row.suppressed ? '— (fewer than 3 companies)' : 'no data';
        return h('div', { class: 'dash-tip' },
          h('strong', null, (row && row.name) || props.label || p.name), ' ', h('span', { class: 'mono' }, p.name),
          props.nuts === false ? h('div', { class: 'dash-tip-note' }, absolute ? `${NON_NUTS_NOTE}; a national total, not coloured on this scale` : NON_NUTS_NOTE) : null,
          h('div', null, `${measureLabel}: `, h('b', null, value)),
          row && row.stars != null ? h('div', null, `Stars: ${'★'.repeat(row.stars)}${'☆'.repeat(Math.max(0, 3 - row.stars))} (${row.stars})`) : null);
      },
    },
    visualMap,
    series: [{
      type: 'map',
      map: map.name,
      nameProperty: 'name',
      roam: true,
      selectedMode: false,
      aspectScale: 0.7,
      itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#f0a30a' } },
      label: { show: false },
      data,
    }],
  };
  return { option, coloured, missing };
}
