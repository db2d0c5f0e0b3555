// DanubIA dashboards: CSV export of tables and PNG export of charts, used by every page.
// The CSV functions are pure (no DOM) so that src/test/js/export.test.mjs runs them in node.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, always quoted. Strings that a spreadsheet would read as a formula (= + - @ or a
 * leading tab/CR) get a leading apostrophe (OWASP "CSV injection"). Numbers are written as they
 * are: a negative number is data, not a formula. null/undefined/NaN become an empty cell.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return Number.isFinite(value) ? `"${String(value)}"` : '""';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The CSV text (with a UTF-8 byte-order mark, CRLF line ends) of rows under columns.
 * columns: [{label, csv: (row) => value}] or [{label, key}].
 */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(c.csv ? c.csv(row) : row[c.key])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: letters, digits, dot, dash, underscore. */
export function fileName(base, extension) {
  const clean = String(base || 'export').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'export';
  return `${clean}.${extension}`;
}

// ---------------------------------------------------------------------------
// Browser side
// ---------------------------------------------------------------------------

function download(href, name) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Downloads rows as a CSV file. */
export function downloadCsv(base, columns, rows) {
  const blob = new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  download(url, fileName(base, 'csv'));
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Downloads a chart as PNG. The dashboards draw with the SVG renderer, whose getDataURL gives
 * SVG whatever the type, so the chart's option is drawn once more on a hidden canvas-rendered
 * instance of the same size, and that one gives the PNG.
 */
export function downloadChartPng(echarts, chart, base) {
  const source = chart.getDom();
  const width = source.clientWidth || 800;
  const height = source.clientHeight || 400;
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  document.body.appendChild(host);
  let copy = null;
  try {
    copy = echarts.init(host, null, { renderer: 'canvas', width, height });
    const option = chart.getOption();
    option.animation = false;
    copy.setOption(option, { notMerge: true, lazyUpdate: false });
    const url = copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    download(url, fileName(base, 'png'));
  } finally {
    if (copy) copy.dispose();
    host.remove();
  }
}
