// node --test src/test/js  (run by DashboardScriptsTest during the Maven build when node is installed)
// The CSV helpers of the dashboards: quoting, BOM, CRLF and formula-injection neutralisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

// loaded from its source as a data: URL, so node needs no package.json to read it as an ES module
const source = fs.readFileSync(new URL('../../main/resources/ui/dashboard/export.js', import.meta.url), 'utf8');
const { csvCell, toCsv, fileName } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

test('every cell is quoted and inner quotes are doubled', () => {
  assert.equal(csvCell('Cluj'), '"Cluj"');
  assert.equal(csvCell('Say "hi", then go'), '"Say ""hi"", then go"');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('cells a spreadsheet would run as a formula get a leading apostrophe', () => {
  for (const evil of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']) {
    assert.equal(csvCell(evil)[1], "'", evil);
  }
  assert.equal(csvCell('=cmd|evil'), `"'=cmd|evil"`);
  assert.equal(csvCell('a=b'), '"a=b"');
});

test('numbers are written as they are, negative ones too; missing values are empty', () => {
  assert.equal(csvCell(-0.05), '"-0.05"');
  assert.equal(csvCell(1234567.5), '"1234567.5"');
  assert.equal(csvCell(0), '"0"');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(undefined), '""');
  assert.equal(csvCell(NaN), '""');
});

test('toCsv starts with a UTF-8 BOM, has a header and CRLF line ends', () => {
  const text = toCsv([{ label: 'Region', key: 'code' }, { label: 'Name', csv: (r) => r.name.toUpperCase() }, { label: 'LQ', key: 'lq' }],
    [{ code: 'RO113', name: 'Cluj', lq: 2.4 }, { code: 'AT130', name: 'Wien', lq: null }]);
  assert.equal(text.charCodeAt(0), 0xfeff);
  assert.deepEqual(text.slice(1).split('\r\n'), ['"Region","Name","LQ"', '"RO113","CLUJ","2.4"', '"AT130","WIEN",""', '']);
});

test('toCsv keeps non-ASCII names intact', () => {
  assert.match(toCsv([{ label: 'Name', key: 'n' }], [{ n: 'Bucureşti – Ilfov' }]), /"Bucureşti – Ilfov"/);
});

test('file names are safe', () => {
  assert.equal(fileName('cluster-Transilvania IT/Cluj', 'csv'), 'cluster-Transilvania-IT-Cluj.csv');
  assert.equal(fileName('région Bucureşti', 'png'), 'region-Bucuresti.png');
  assert.equal(fileName('', 'csv'), 'export.csv');
});
