// Builds ua-md-ba.geojson: country outlines of Ukraine, Moldova and Bosnia and Herzegovina
// (no NUTS regions) from world-atlas countries-50m (Natural Earth 1:50m), simplified.
// Copy it into a folder where `npm i world-atlas@2 topojson-client@3` was done and run it there
// (packages resolve from the script's folder): node make-ua-md-ba.mjs <output.geojson>
import fs from 'node:fs';
import { feature } from 'topojson-client';
const topo = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8'));
const WANT = { '804': ['UA', 'Ukraine'], '498': ['MD', 'Moldova'], '070': ['BA', 'Bosnia and Herzegovina'] };
const all = feature(topo, topo.objects.countries);
// Douglas-Peucker on one ring, tolerance in degrees
function dp(pts, tol) {
  if (pts.length < 4) return pts;
  const keep = new Uint8Array(pts.length); keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let best = -1, idx = -1;
    const [x1, y1] = pts[a], [x2, y2] = pts[b];
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1e-12;
    for (let i = a + 1; i < b; i++) {
      // a closed ring starts and ends on the same point: measure from that point
      const d = Math.hypot(dx, dy) < 1e-9 ? Math.hypot(pts[i][0] - x1, pts[i][1] - y1)
        : Math.abs(dy * pts[i][0] - dx * pts[i][1] + x2 * y1 - y2 * x1) / len;
      if (d > best) { best = d; idx = i; }
    }
    if (best > tol) { keep[idx] = 1; stack.push([a, idx], [idx, b]); }
  }
  return pts.filter((_, i) => keep[i]);
}
const r = (v) => Math.round(v * 1000) / 1000;
const ring = (pts) => { const s = dp(pts, 0.02).map(([x, y]) => [r(x), r(y)]); return s.length >= 4 ? s : null; };
const features = [];
for (const f of all.features) {
  const w = WANT[f.id];
  if (!w) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const out = polys.map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length);
  features.push({ type: 'Feature', properties: { NUTS_ID: w[0], CNTR_CODE: w[0], NAME_LATN: w[1], LEVL_CODE: 0, NUTS: false },
    geometry: out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out } });
}
if (features.length !== 3) throw new Error('expected 3 countries, got ' + features.length);
fs.writeFileSync(process.argv[2], JSON.stringify({ type: 'FeatureCollection', features }));
for (const f of features) console.log(f.properties.NUTS_ID, JSON.stringify(f.geometry).length);
