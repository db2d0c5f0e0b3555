// DanubIA UI kit: helpers every page module imports from /ui-kit.js
//   import { h, clear, query, ... } from '/ui-kit.js';
// Build the DOM with h(), never innerHTML with data: h() puts every string in as text.
// Plain ES module, no dependencies, served by the web shell. Keep it generic: anything
// that names one module's ids, routes or labels belongs in that module.

export const COUNTRIES = {
  AT: 'Austria', BA: 'Bosnia and Herzegovina', BG: 'Bulgaria', CZ: 'Czechia', DE: 'Germany',
  HR: 'Croatia', HU: 'Hungary', MD: 'Moldova', ME: 'Montenegro', RO: 'Romania',
  RS: 'Serbia', SI: 'Slovenia', SK: 'Slovakia', UA: 'Ukraine',
};
/** A NACE section letter or a division/group/class code such as 62, 62.0 or 62.01. */
export const NACE_RE = /^[A-U]$|^\d{2}(\.\d{1,2})?$/;

const naceCache = new Map();      // code -> label, shared by every page

// ---------------------------------------------------------------------------
// DOM
// ---------------------------------------------------------------------------

/**
 * Creates an element. props: class (or className), id, attributes, dataset (object),
 * on<Event> handlers (functions), boolean attributes (hidden, disabled...: true sets, false skips),
 * value on input/textarea/select (set as the property). Children: nodes, strings and numbers
 * (inserted as text), arrays, null/undefined/false (skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class' || key === 'className') el.className = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (key === 'value' && (tag === 'input' || tag === 'textarea' || tag === 'select')) el.value = value;
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function loadingLine(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** items: [[text, href], ...]; the last one is the current page. */
export function breadcrumbs(items) {
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
    h('ol', null, items.map(([text, href], i) => h('li', null,
      href && i < items.length - 1 ? h('a', { href }, text) : h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, text)))));
}

/** <option>s for {value: text}; selected is one value or an array of values. */
export function options(map, selected, emptyLabel) {
  const list = [];
  if (emptyLabel !== undefined) list.push(h('option', { value: '' }, emptyLabel));
  const chosen = Array.isArray(selected) ? selected : [selected];
  for (const [value, text] of Object.entries(map)) {
    const o = h('option', { value }, text);
    if (chosen.includes(value)) o.selected = true;
    list.push(o);
  }
  return list;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export function errorMessage(e) {
  return (e && (e.detail || e.message)) || 'Something went wrong. Please try again.';
}

/** A 400's field errors ({field: message}) as "field: message" items with data-field, or null when it has none. */
export function fieldErrorList(e) {
  const errors = e && e.errors;
  if (!errors || !Object.keys(errors).length) return null;
  return h('ul', { class: 'field-errors' }, Object.entries(errors).map(([field, message]) =>
    h('li', { 'data-field': field }, `${field}: ${Array.isArray(message) ? message.join(' ') : message}`)));
}

/** The same as one line ("field: message; field: message"), or '' when it has none. */
export function fieldErrorText(e) {
  const errors = e && e.errors;
  if (!errors) return '';
  return Object.entries(errors).map(([field, message]) => `${field}: ${Array.isArray(message) ? message.join(' ') : message}`)
    .join('; ');
}

/** The panel shown when a page cannot load its data; id names the panel (e.g. "b2b-error"). */
export function errorPanel(e, id) {
  return h('div', { class: 'panel panel-error', role: 'alert', id },
    h('h2', null, e && e.status === 403 ? 'Access denied' : 'Could not load data'),
    h('p', null, errorMessage(e)));
}

// ---------------------------------------------------------------------------
// Roles (of ctx.user)
// ---------------------------------------------------------------------------

export function roles(ctx) {
  return (ctx.user && Array.isArray(ctx.user.roles)) ? ctx.user.roles : [];
}
export function isPlatformAdmin(ctx) {
  return roles(ctx).includes('platform-admin');
}
/** Platform or association administrator. */
export function isAdmin(ctx) {
  const r = roles(ctx);
  return r.includes('platform-admin') || r.includes('association-admin');
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

export function countryName(code) {
  return COUNTRIES[code] || code || '—';
}

/** {AT: 'Austria (AT)', ...} for selects. */
export function countryMap() {
  const map = {};
  for (const [code, name] of Object.entries(COUNTRIES)) map[code] = `${name} (${code})`;
  return map;
}

export function countryOptions(selected, emptyLabel) {
  return options(countryMap(), selected, emptyLabel);
}

export function formatDate(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The URL if it is an absolute http(s) address, otherwise null. */
export function safeUrl(value) {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** "?a=1&b=x" from an object, leaving out empty values; "" when nothing is left. */
export function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && String(v) !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

// ---------------------------------------------------------------------------
// NACE reference data (/api/reference/nace, cached)
// ---------------------------------------------------------------------------

export async function searchNace(ctx, q) {
  const list = await ctx.api(`/api/reference/nace${query({ q })}`);
  const items = Array.isArray(list) ? list : [];
  for (const it of items) if (it && it.code) naceCache.set(it.code, it.label || '');
  return items;
}

export async function naceLabel(ctx, code) {
  if (naceCache.has(code)) return naceCache.get(code);
  try {
    const items = await searchNace(ctx, code);
    const hit = items.find((i) => i.code === code);
    if (!hit) naceCache.set(code, '');
    return hit ? hit.label : '';
  } catch {
    return '';
  }
}

/** Tag list of NACE codes whose labels are filled in asynchronously. */
export function naceTags(ctx, codes) {
  if (!codes || !codes.length) return '—';
  return h('ul', { class: 'tags' }, codes.map((code) => {
    const text = h('span', { class: 'muted' });
    naceLabel(ctx, code).then((l) => { if (l) text.textContent = ` ${l}`; });
    return h('li', { class: 'tag', 'data-nace': code }, h('span', { class: 'mono' }, code), text);
  }));
}

/** Multi-value NACE code chooser backed by /api/reference/nace. */
export function nacePicker(ctx, { id, values = [], describedBy = null, placeholder = 'Search an activity or type a code' }) {
  const codes = [...new Set(values || [])];
  let seq = 0;
  const root = h('div', { class: 'picker', 'data-picker': 'nace' });
  const chips = h('ul', { class: 'tags', id: `${id}-selected`, 'aria-label': 'Selected codes' });
  const input = h('input', {
    type: 'search', id, autocomplete: 'off', placeholder,
    'aria-describedby': describedBy, 'aria-controls': `${id}-results`, 'aria-autocomplete': 'list',
  });
  const results = h('ul', { class: 'picker-results', id: `${id}-results`, hidden: true });
  const live = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const drawChips = () => {
    clear(chips);
    for (const code of codes) {
      const text = h('span', { class: 'muted' }, naceCache.get(code) ? ` ${naceCache.get(code)}` : '');
      if (!naceCache.has(code)) naceLabel(ctx, code).then((l) => { if (l) text.textContent = ` ${l}`; });
      chips.appendChild(h('li', { class: 'tag', 'data-nace': code },
        h('span', { class: 'mono' }, code), text,
        h('button', {
          type: 'button', 'aria-label': `Remove ${code}`,
          onclick: () => { codes.splice(codes.indexOf(code), 1); drawChips(); live.textContent = `${code} removed`; input.focus(); },
        }, '×')));
    }
    chips.hidden = codes.length === 0;
  };
  const add = (code, text) => {
    if (text) naceCache.set(code, text);
    if (!codes.includes(code)) codes.push(code);
    drawChips();
    live.textContent = `${code} added`;
    input.value = '';
    results.hidden = true;
    input.focus();
  };

  const search = debounce(async () => {
    const q = input.value.trim();
    const mySeq = ++seq;
    if (q.length < 2) { results.hidden = true; return; }
    let items;
    try {
      items = await searchNace(ctx, q);
    } catch (e) {
      if (mySeq !== seq) return;
      clear(results);
      results.appendChild(h('li', { class: 'picker-empty' }, errorMessage(e)));
      results.hidden = false;
      return;
    }
    if (mySeq !== seq) return;
    clear(results);
    if (!items.length) results.appendChild(h('li', { class: 'picker-empty' }, 'No matching activity.'));
    for (const it of items) {
      results.appendChild(h('li', null, h('button', {
        type: 'button', 'data-nace-option': it.code, onclick: () => add(it.code, it.label),
      }, h('span', { class: 'code' }, it.code), h('span', null, it.label || ''))));
    }
    results.hidden = false;
  }, 250);

  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const typed = input.value.trim();
      const first = results.hidden ? null : results.querySelector('button');
      if (NACE_RE.test(typed) && /^\d/.test(typed)) add(typed);
      else if (first) first.click();
    } else if (ev.key === 'ArrowDown') {
      const first = results.querySelector('button');
      if (first && !results.hidden) { ev.preventDefault(); first.focus(); }
    } else if (ev.key === 'Escape') {
      results.hidden = true;
    }
  });
  results.addEventListener('keydown', (ev) => {
    const buttons = [...results.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' && i >= 0 && i < buttons.length - 1) { ev.preventDefault(); buttons[i + 1].focus(); }
    if (ev.key === 'ArrowUp') { ev.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
    if (ev.key === 'Escape') { results.hidden = true; input.focus(); }
  });

  root.append(chips, input, results, live);
  drawChips();
  return { element: root, input, value: () => [...codes] };
}
