// DanubIA B2B cooperation module: business and technology offers and requests,
// expressions of interest, moderation, agreements and bulk import.
// Loaded by the web shell with import() and called as render(element, ctx).
// All data is put into the DOM as text (h() from /ui-kit.js); never via innerHTML.

import {
  h, append, clear, roles, isPlatformAdmin, isAdmin, countryName, formatDate, errorMessage,
  errorPanel, loadingLine, breadcrumbs, options, countryMap, query, debounce,
  searchNace, naceTags, nacePicker, COUNTRIES, NACE_RE, fieldErrorList,
} from '/ui-kit.js';

const TYPES = {
  BUSINESS_OFFER: 'Business offer',
  BUSINESS_REQUEST: 'Business request',
  TECHNOLOGY_OFFER: 'Technology offer',
  TECHNOLOGY_REQUEST: 'Technology request',
  RD_REQUEST: 'R&D request',
};
const TYPE_HINTS = {
  BUSINESS_OFFER: 'You offer products or services and look for partners such as distributors or agents.',
  BUSINESS_REQUEST: 'You look for a supplier, manufacturer or service provider.',
  TECHNOLOGY_OFFER: 'You offer a technology or know-how for licensing, joint development or technical cooperation.',
  TECHNOLOGY_REQUEST: 'You look for a technology or technical solution to a concrete problem.',
  RD_REQUEST: 'You look for partners for a research and innovation project or funding proposal.',
};
const STATUS = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting moderation',
  PUBLISHED: 'Published',
  EXPIRED: 'Expired',
  CLOSED: 'Closed',
};
const STATUS_BADGE = { DRAFT: 'badge', SUBMITTED: 'badge badge-warn', PUBLISHED: 'badge badge-ok', EXPIRED: 'badge badge-bad', CLOSED: 'badge' };
const STAGES = {
  CONCEPT: 'Concept stage',
  LAB_TESTED: 'Tested in the laboratory',
  PROTOTYPE: 'Prototype available',
  FIELD_TESTED: 'Field tested / evaluated',
  ON_MARKET: 'Already on the market',
};
const IPR = {
  PATENT_GRANTED: 'Patent granted',
  PATENT_PENDING: 'Patent pending',
  EXCLUSIVE_RIGHTS: 'Exclusive rights',
  SECRET_KNOW_HOW: 'Secret know-how',
  COPYRIGHT: 'Copyright',
  TRADEMARK: 'Trademark',
  OTHER: 'Other',
  NONE: 'No IPR applied',
};
const PARTNERSHIP = {
  COMMERCIAL_AGENCY: 'Commercial agency',
  DISTRIBUTION: 'Distribution services',
  FRANCHISE: 'Franchise',
  MANUFACTURING: 'Manufacturing agreement',
  SUBCONTRACTING: 'Subcontracting',
  OUTSOURCING: 'Outsourcing',
  JOINT_VENTURE: 'Joint venture',
  LICENCE: 'Licence agreement',
  TECHNICAL_COOPERATION: 'Technical cooperation',
  RESEARCH_COOPERATION: 'Research cooperation',
  ACQUISITION: 'Acquisition',
  FINANCIAL: 'Financial agreement',
};
const AGREEMENT_TYPES = {
  COMMERCIAL_AGENCY: 'Commercial agency',
  DISTRIBUTION: 'Distribution services',
  FRANCHISE: 'Franchise',
  JOINT_VENTURE: 'Joint venture',
  SUBCONTRACTING: 'Subcontracting',
  OUTSOURCING: 'Outsourcing',
  MANUFACTURING: 'Manufacturing agreement',
  ACQUISITION: 'Acquisition',
  LICENCE: 'Licence agreement',
  TECHNICAL_COOPERATION: 'Technical cooperation',
  RESEARCH_PROPOSAL_SUBMITTED: 'Research proposal submitted',
  RESEARCH_PROPOSAL_FUNDED: 'Research proposal funded',
};
const PARTNER_TYPES = {
  BUSINESS: 'Business',
  RESEARCH: 'Research / university',
  PUBLIC_BODY: 'Public body',
  CIVIL_SOCIETY: 'Civil society',
  CLUSTER_ORGANISATION: 'Cluster organisation',
};
const SIZES = { MICRO: 'Micro (< 10)', SMALL: 'Small (10–49)', MEDIUM: 'Medium (50–249)', LARGE: 'Large (250+)' };
const LANGUAGES = {
  en: 'English', de: 'German', bg: 'Bulgarian', bs: 'Bosnian', cs: 'Czech', hr: 'Croatian', hu: 'Hungarian',
  ro: 'Romanian', sk: 'Slovak', sl: 'Slovenian', sr: 'Serbian', uk: 'Ukrainian',
};
const INTEREST_STATUS = { PENDING: 'Pending', ACCEPTED: 'Accepted', DECLINED: 'Declined' };
const INTEREST_BADGE = { PENDING: 'badge badge-warn', ACCEPTED: 'badge badge-ok', DECLINED: 'badge' };
const SIGNALS = {
  semantic: 'Similar meaning (AI)',
  lexical: 'Shared words',
  'shared-keywords': 'Shared keywords',
  nace: 'Related sector (NACE)',
  'value-chain': 'Complementary value-chain position',
  'cross-border': 'Cross-border',
  recency: 'Recently updated',
  // the lexical similarity used when the matching engine is not installed
  text: 'Similar wording',
  'shared-nace': 'Same sector (NACE)',
  'shared-words': 'Similar wording',
  words: 'Similar wording',
  country: 'Target country',
};
const IMPORT_COLUMNS = 'type,title,summary,description,innovation,stage,ipr,technologyKeywords,marketKeywords,naceCodes,partnershipTypes,targetCountries,expiresOn,language,contactName,contactEmail,contactPhone';

const DEFAULT_PAGE_SIZE = 20;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

let flash = null;                 // one-shot success message shown on the next page

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function render(el, ctx) {
  ensureCss();
  const [section, id, action, ...extra] = ctx.route || [];
  el.classList.add('b2b');

  if (!section) return renderBrowse(el, ctx);
  if (extra.length === 0) {
    if (section === 'mine' && !id) return renderMine(el, ctx);
    if (section === 'interests' && !id) return renderInterests(el, ctx);
    if (section === 'moderation' && !id) return renderModeration(el, ctx);
    if (section === 'import' && !id) return renderImport(el, ctx);
    if (section === 'new' && !id) return renderForm(el, ctx, null);
    if (section === 'profiles') {
      if (!id) return renderBrowse(el, ctx);
      if (!action) return renderDetail(el, ctx, id);
      if (action === 'edit') return renderForm(el, ctx, id);
    }
  }
  el.appendChild(notFoundPanel('Page not found', 'This B2B page does not exist.'));
}

function ensureCss() {
  if (document.querySelector('link[data-b2b-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./b2b.css', import.meta.url).href;
  link.dataset.b2bCss = '';
  document.head.appendChild(link);
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function canPublish(ctx) {
  return isAdmin(ctx) || roles(ctx).includes('member');
}
/** The owner's side may edit, submit, close and renew: same organisation or its administrators. */
function ownerSide(ctx, p) {
  if (!ctx.user || !p) return false;
  if (p.mine || isPlatformAdmin(ctx)) return true;
  return roles(ctx).includes('association-admin') && !!p.owner && !!ctx.user.associationId
    && p.owner.associationId === ctx.user.associationId;
}
function canModerate(ctx, p) {
  if (!ctx.user || !p) return false;
  if (isPlatformAdmin(ctx)) return true;
  return roles(ctx).includes('association-admin') && !!p.owner && p.owner.associationId === ctx.user.associationId;
}
function isTechnology(type) {
  return type === 'TECHNOLOGY_OFFER' || type === 'TECHNOLOGY_REQUEST';
}
function isOffer(type) {
  return /_OFFER$/.test(type || '');
}

function label(map, value) {
  return (value && map[value]) || value || '—';
}

function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function addMonths(d, months) {
  const r = new Date(d.getTime());
  r.setMonth(r.getMonth() + months);
  return r;
}

function profileHref(id) { return `#/b2b/profiles/${encodeURIComponent(id)}`; }

function notFoundPanel(title, text) {
  return h('section', { class: 'panel panel-empty', id: 'b2b-not-found', role: 'alert' },
    h('h1', null, title),
    h('p', null, text),
    h('p', null, h('a', { class: 'btn btn-secondary', href: '#/b2b' }, 'Back to B2B cooperation')));
}

function loginPanel(what, next) {
  return h('section', { class: 'panel narrow', id: 'b2b-login-required', role: 'alert' },
    h('h1', null, 'Sign in required'),
    h('p', null, `Sign in with your member account to ${what}.`),
    h('p', null, h('a', { class: 'btn btn-primary', href: `#/login?next=${encodeURIComponent(next)}` }, 'Sign in')));
}

function forbiddenPanel(text, back = '#/b2b') {
  return h('section', { class: 'panel narrow', id: 'b2b-forbidden', role: 'alert' },
    h('h1', null, 'Not allowed'),
    h('p', null, text),
    h('p', null, h('a', { class: 'btn btn-secondary', href: back }, 'Back')));
}

function flashNotice() {
  if (!flash) return null;
  const n = h('div', { class: 'notice', role: 'status', id: 'b2b-flash' }, flash);
  flash = null;
  return n;
}

function asList(data) {
  if (Array.isArray(data)) return data;
  if (data && Array.isArray(data.items)) return data.items;
  return [];
}

function statusBadge(status, id) {
  return h('span', { class: STATUS_BADGE[status] || 'badge', id, 'data-status': status || '' }, label(STATUS, status));
}

function typeBadge(type) {
  return h('span', { class: `badge b2b-type ${isOffer(type) ? 'b2b-type-offer' : 'b2b-type-request'}`, 'data-type': type || '' }, label(TYPES, type));
}

function tagList(values, hrefFor) {
  if (!values || !values.length) return '—';
  return h('ul', { class: 'tags' }, values.map((v) => h('li', { class: 'tag' },
    hrefFor ? h('a', { href: hrefFor(v), class: 'b2b-tag-link' }, v) : v)));
}

function labelList(values, map) {
  if (!values || !values.length) return '—';
  return h('ul', { class: 'tags' }, values.map((v) => h('li', { class: 'tag', 'data-value': v }, label(map, v))));
}

function splitKeywords(text) {
  const seen = new Set();
  const out = [];
  for (const raw of String(text || '').split(/[,;\n]/)) {
    const k = raw.trim().replace(/\s+/g, ' ');
    if (k && !seen.has(k.toLowerCase())) { seen.add(k.toLowerCase()); out.push(k); }
  }
  return out;
}

function mailLink(email) {
  if (!email) return '—';
  return h('a', { href: `mailto:${email}` }, email);
}
function phoneLink(phone) {
  if (!phone) return null;
  return h('a', { href: `tel:${String(phone).replace(/[^\d+]/g, '')}` }, phone);
}

/** Page header plus the section tabs shared by the B2B pages. */
function pageTop(ctx, active, title, subtitle) {
  const actions = [];
  if (canPublish(ctx)) {
    actions.push(h('a', { class: 'btn btn-secondary', id: 'b2b-import-link', href: '#/b2b/import' }, 'Import'));
    actions.push(h('a', { class: 'btn btn-primary', id: 'b2b-new', href: '#/b2b/new' }, '+ New profile'));
  }
  const header = h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'b2b-title' }, title),
      subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
    h('div', { class: 'actions' }, actions));
  if (!ctx.user) return [header];
  const tab = (key, href, text) => h('a', {
    class: 'tab' + (active === key ? ' active' : ''), id: `b2b-nav-${key}`, href, 'aria-current': active === key ? 'page' : null,
  }, text);
  const tabs = h('nav', { class: 'tabs', 'aria-label': 'B2B sections', id: 'b2b-tabs' },
    tab('browse', '#/b2b', 'Browse'),
    tab('mine', '#/b2b/mine', 'My profiles'),
    tab('interests', '#/b2b/interests', 'Interests'),
    isAdmin(ctx) ? tab('moderation', '#/b2b/moderation', 'Moderation') : null);
  return [header, tabs];
}

// ---------------------------------------------------------------------------
// Browse / search
// ---------------------------------------------------------------------------

async function renderBrowse(el, ctx) {
  const p = ctx.params;
  const filters = {
    q: p.get('q') || '',
    type: TYPES[p.get('type')] ? p.get('type') : '',
    country: COUNTRIES[(p.get('country') || '').toUpperCase()] ? p.get('country').toUpperCase() : '',
    nace: p.get('nace') || '',
    keyword: p.get('keyword') || '',
  };
  const defaultSort = () => (filters.q ? 'relevance' : 'recent');
  const sortParam = ['recent', 'title', 'relevance'].includes(p.get('sort')) ? p.get('sort') : '';
  const sort = sortParam || defaultSort();
  const pageNo = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  const size = Math.min(100, Math.max(5, parseInt(p.get('size') || String(DEFAULT_PAGE_SIZE), 10) || DEFAULT_PAGE_SIZE));
  document.title = 'B2B cooperation – DanubIA';

  const hashFor = (over) => {
    const merged = { ...filters, sort: sortParam, page: pageNo, ...over };
    if (merged.sort === (merged.q ? 'relevance' : 'recent')) delete merged.sort;
    if (merged.page === 1) delete merged.page;
    if (size !== DEFAULT_PAGE_SIZE) merged.size = size;
    return '#/b2b' + query(merged);
  };

  el.appendChild(h('div', null, pageTop(ctx, 'browse', 'B2B cooperation',
    'Business and technology offers and requests of the members of the Danube region cluster associations.')));
  const notice = flashNotice();
  if (notice) el.appendChild(notice);
  if (!ctx.user) {
    el.appendChild(h('p', { class: 'muted', id: 'b2b-guest-hint' },
      'Profiles are published anonymously. ', h('a', { href: '#/login?next=%2Fb2b' }, 'Sign in'),
      ' to publish your own profile or to express interest in one.'));
  }

  // Search / filters
  const qInput = h('input', { type: 'search', id: 'b2b-q', name: 'q', value: filters.q, placeholder: 'Words in title, summary, keywords…' });
  const typeSel = h('select', { id: 'b2b-type', name: 'type' }, options(TYPES, filters.type, 'All types'));
  const countrySel = h('select', { id: 'b2b-country', name: 'country' }, options(countryMap(), filters.country, 'All countries'));
  const naceList = h('datalist', { id: 'b2b-nace-options' });
  const naceInput = h('input', { type: 'text', id: 'b2b-nace', name: 'nace', value: filters.nace, placeholder: 'e.g. 26 or 26.51', list: 'b2b-nace-options', 'aria-describedby': 'b2b-nace-error', autocomplete: 'off' });
  const naceErr = h('p', { class: 'field-error', id: 'b2b-nace-error', hidden: true });
  const sortSel = h('select', { id: 'b2b-sort', name: 'sort' },
    options({ recent: 'Newest first', title: 'Title A–Z', relevance: 'Best match' }, sort));

  let naceSeq = 0;
  naceInput.addEventListener('input', debounce(async () => {
    const q = naceInput.value.trim();
    const mySeq = ++naceSeq;
    if (q.length < 2 || NACE_RE.test(q)) return;
    try {
      const items = await searchNace(ctx, q);
      if (mySeq !== naceSeq) return;
      clear(naceList);
      for (const it of items.slice(0, 20)) naceList.appendChild(h('option', { value: it.code, label: `${it.code} – ${it.label || ''}` }));
    } catch { /* the filter still works with a typed code */ }
  }, 250));
  naceInput.addEventListener('input', () => { naceErr.hidden = true; naceInput.removeAttribute('aria-invalid'); });

  const keywordChip = filters.keyword
    ? h('div', { class: 'field b2b-keyword-filter' },
        h('span', { class: 'label' }, 'Keyword'),
        h('span', { class: 'tag', id: 'b2b-keyword', 'data-keyword': filters.keyword }, filters.keyword,
          h('button', { type: 'button', 'aria-label': `Remove keyword filter ${filters.keyword}`, onclick: () => ctx.navigate(hashFor({ keyword: '', page: 1 })) }, '×')))
    : null;

  const anyFilter = filters.q || filters.type || filters.country || filters.nace || filters.keyword;
  const form = h('form', { class: 'toolbar', id: 'b2b-search', role: 'search', 'aria-label': 'Search cooperation profiles', novalidate: true },
    h('div', { class: 'field field-grow' }, h('label', { for: 'b2b-q' }, 'Search'), qInput),
    h('div', { class: 'field' }, h('label', { for: 'b2b-type' }, 'Type'), typeSel),
    h('div', { class: 'field' }, h('label', { for: 'b2b-country' }, 'Country'), countrySel),
    h('div', { class: 'field' }, h('label', { for: 'b2b-nace' }, 'Sector (NACE)'), naceInput, naceList, naceErr),
    h('div', { class: 'field' }, h('label', { for: 'b2b-sort' }, 'Sort by'), sortSel),
    keywordChip,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'b2b-search-submit' }, 'Search'),
      anyFilter ? h('a', { class: 'btn btn-secondary', id: 'b2b-reset', href: '#/b2b' }, 'Clear') : null));

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const nace = naceInput.value.trim();
    if (nace && !NACE_RE.test(nace)) {
      naceErr.textContent = 'Use a NACE code such as 26 or 26.51.';
      naceErr.hidden = false;
      naceInput.setAttribute('aria-invalid', 'true');
      naceInput.focus();
      return;
    }
    filters.q = qInput.value.trim();
    filters.type = typeSel.value;
    filters.country = countrySel.value;
    filters.nace = nace;
    // While the user has not chosen an order, the default follows the search (best match with words).
    const chosen = sortParam || sortSel.value !== sort ? sortSel.value : '';
    ctx.navigate(hashFor({ page: 1, sort: chosen }));
  });
  for (const sel of [typeSel, countrySel, sortSel]) sel.addEventListener('change', () => form.requestSubmit());
  el.appendChild(form);

  const apiFilters = { ...filters, sort };
  const exportLink = h('a', {
    class: 'btn btn-secondary btn-small', id: 'b2b-export', href: `/api/b2b/profiles/export.csv${query(apiFilters)}`,
    download: 'b2b-profiles.csv', title: 'Download the profiles matching the current filters as CSV',
  }, 'Export CSV');

  const status = h('p', { class: 'pager-info', id: 'b2b-result-status', role: 'status', 'aria-live': 'polite' });
  el.appendChild(h('div', { class: 'b2b-results-head' }, status, exportLink));
  const results = h('div', { id: 'b2b-results' }, loadingLine('Loading profiles…'));
  el.appendChild(results);

  let data;
  try {
    data = await ctx.api(`/api/b2b/profiles${query({ ...apiFilters, page: pageNo - 1, size })}`);
  } catch (e) {
    clear(results);
    results.appendChild(errorPanel(e, 'b2b-error'));
    return;
  }
  const items = asList(data);
  const total = typeof data?.total === 'number' ? data.total : items.length;
  const page = typeof data?.page === 'number' ? data.page : pageNo - 1;
  const pageSize = typeof data?.size === 'number' && data.size > 0 ? data.size : size;

  clear(results);
  if (!items.length) {
    status.textContent = 'No profiles';
    results.appendChild(h('div', { class: 'table-wrap' },
      h('div', { class: 'table-empty', id: 'b2b-empty' },
        h('p', null, anyFilter ? 'No published profiles match your search.' : 'No cooperation profiles are published yet.'),
        anyFilter ? h('a', { href: '#/b2b' }, 'Clear the filters') : null)));
    if (total > 0 && page > 0) results.appendChild(h('p', null, h('a', { href: hashFor({ page: 1 }) }, 'Go to the first page')));
    return;
  }

  results.appendChild(h('ul', { class: 'b2b-cards', id: 'b2b-list', 'aria-label': 'Cooperation profiles' },
    items.map((it) => profileCard(it, (k) => hashFor({ keyword: k, page: 1 })))));

  const from = page * pageSize + 1;
  const to = page * pageSize + items.length;
  status.textContent = `Showing ${from}–${to} of ${total} ${total === 1 ? 'profile' : 'profiles'}`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const prev = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'b2b-pager-prev', 'aria-label': 'Previous page', disabled: page <= 0 }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'b2b-pager-next', 'aria-label': 'Next page', disabled: page + 1 >= pages }, 'Next ›');
  prev.addEventListener('click', () => ctx.navigate(hashFor({ page })));      // page is 0-based: the previous 1-based page = page
  next.addEventListener('click', () => ctx.navigate(hashFor({ page: page + 2 })));
  results.appendChild(h('nav', { class: 'pager', id: 'b2b-pager', 'aria-label': 'Pagination', 'data-page': page, 'data-total': total },
    h('span', { class: 'pager-info' }, `${total} ${total === 1 ? 'profile' : 'profiles'}`),
    h('div', { class: 'pager-controls' },
      prev,
      h('span', { class: 'pager-page', id: 'b2b-pager-current' }, `Page ${page + 1} of ${pages}`),
      next)));
}

function profileCard(p, keywordHref) {
  const keywords = [...(p.technologyKeywords || []), ...(p.marketKeywords || [])];
  return h('li', { class: 'b2b-card', 'data-profile-id': p.id, 'data-status': p.status || '' },
    h('div', { class: 'b2b-card-meta' },
      typeBadge(p.type),
      p.status && p.status !== 'PUBLISHED' ? statusBadge(p.status) : null,
      h('span', { class: 'muted small', title: countryName(p.country) }, p.country ? `${countryName(p.country)}` : '')),
    h('h2', { class: 'b2b-card-title' }, h('a', { href: profileHref(p.id) }, p.title || '(untitled)')),
    p.summary ? h('p', { class: 'b2b-card-summary' }, p.summary) : null,
    keywords.length
      ? h('ul', { class: 'tags b2b-card-tags' }, keywords.slice(0, 6).map((k) => h('li', { class: 'tag' },
          keywordHref ? h('a', { href: keywordHref(k), class: 'b2b-tag-link' }, k) : k)),
        keywords.length > 6 ? h('li', { class: 'muted small' }, `+${keywords.length - 6}`) : null)
      : null,
    h('p', { class: 'b2b-card-foot muted small' },
      p.publishedAt ? `Published ${formatDate(p.publishedAt)}` : `Updated ${formatDate(p.updatedAt || p.createdAt)}`,
      p.expiresOn ? ` · Open until ${formatDate(p.expiresOn)}` : ''));
}

// ---------------------------------------------------------------------------
// Profile detail
// ---------------------------------------------------------------------------

async function renderDetail(el, ctx, id) {
  el.appendChild(loadingLine('Loading profile…'));
  let p;
  try {
    p = await ctx.api(`/api/b2b/profiles/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(el);
    if (e && e.status === 404) el.appendChild(notFoundPanel('Profile not found', 'This cooperation profile does not exist, is no longer published or is not visible to you.'));
    else el.appendChild(errorPanel(e, 'b2b-error'));
    return;
  }
  clear(el);
  document.title = `${p.title || 'Profile'} – B2B – DanubIA`;
  const side = ownerSide(ctx, p);
  const keywordHref = (k) => `#/b2b${query({ keyword: k })}`;

  el.appendChild(breadcrumbs([['B2B cooperation', '#/b2b'], ...(p.mine ? [['My profiles', '#/b2b/mine']] : []), [p.title || 'Profile']]));
  const root = h('div', { id: 'b2b-profile', 'data-profile-id': p.id, 'data-status': p.status || '' });
  el.appendChild(root);

  // Actions of the owner's side and of moderators
  const actionError = h('div', { class: 'form-error', id: 'b2b-action-error', role: 'alert', hidden: true });
  const act = async (btn, path, done) => {
    actionError.hidden = true;
    btn.disabled = true;
    try {
      await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/${path}`, { method: 'POST', body: {} });
      flash = done;
      ctx.navigate(profileHref(p.id));
    } catch (e) {
      actionError.textContent = errorMessage(e);
      actionError.hidden = false;
      btn.disabled = false;
    }
  };
  const actions = [];
  if (side && p.status === 'DRAFT') {
    actions.push(h('a', { class: 'btn btn-secondary', id: 'b2b-edit', href: `${profileHref(p.id)}/edit` }, 'Edit'));
    actions.push(h('button', {
      type: 'button', class: 'btn btn-primary', id: 'b2b-submit',
      onclick: (ev) => act(ev.currentTarget, 'submit', 'Profile submitted. An administrator of your association will review it before it is published.'),
    }, 'Submit for publication'));
  }
  if (side && (p.status === 'PUBLISHED' || p.status === 'EXPIRED')) {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-secondary', id: 'b2b-renew',
      onclick: (ev) => act(ev.currentTarget, 'renew', 'Profile renewed for another 12 months.'),
    }, 'Renew'));
  }
  if (side && p.status === 'PUBLISHED') {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-danger', id: 'b2b-close',
      onclick: (ev) => {
        if (!window.confirm('Close this profile? It will no longer be shown to other organisations.')) return;
        act(ev.currentTarget, 'close', 'Profile closed.');
      },
    }, 'Close'));
  }
  if (p.status === 'SUBMITTED' && canModerate(ctx, p)) {
    actions.push(h('button', {
      type: 'button', class: 'btn btn-primary', id: 'b2b-approve',
      onclick: (ev) => act(ev.currentTarget, 'approve', 'Profile approved and published.'),
    }, 'Approve'));
    actions.push(h('a', { class: 'btn btn-secondary', id: 'b2b-moderate', href: '#/b2b/moderation' }, 'Return with comment…'));
  }

  root.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('p', { class: 'b2b-card-meta' }, typeBadge(p.type), statusBadge(p.status, 'b2b-profile-status')),
      h('h1', { id: 'b2b-profile-title' }, p.title || '(untitled)'),
      h('p', { class: 'subtitle' },
        [p.country ? `From ${countryName(p.country)}` : null,
          p.publishedAt ? `published ${formatDate(p.publishedAt)}` : null,
          p.expiresOn ? `open until ${formatDate(p.expiresOn)}` : null].filter(Boolean).join(' · '))),
    h('div', { class: 'actions', id: 'b2b-actions' }, actions)));
  const notice = flashNotice();
  if (notice) root.appendChild(notice);
  root.appendChild(actionError);

  if (side && p.moderationComment && p.status === 'DRAFT') {
    root.appendChild(h('div', { class: 'panel panel-warning b2b-moderation-comment', id: 'b2b-moderation-comment', role: 'note' },
      h('strong', null, 'Returned by the moderator: '), p.moderationComment));
  }
  if (side && p.status === 'SUBMITTED') {
    root.appendChild(h('p', { class: 'notice b2b-info', id: 'b2b-submitted-note' }, 'This profile is waiting for moderation and is not public yet.'));
  }

  // Main content
  const tech = isTechnology(p.type);
  const ps = p.partnerSought || {};
  const main = h('div', null,
    h('section', { class: 'card', 'aria-labelledby': 'b2b-about-title' },
      h('h2', { id: 'b2b-about-title' }, 'About this ' + (isOffer(p.type) ? 'offer' : 'request')),
      p.summary ? h('p', { class: 'b2b-lead', id: 'b2b-profile-summary' }, p.summary) : null,
      p.description ? h('p', { class: 'prose', id: 'b2b-profile-description' }, p.description) : null,
      p.innovation ? [h('h3', null, 'Innovation and advantages'), h('p', { class: 'prose', id: 'b2b-profile-innovation' }, p.innovation)] : null,
      h('dl', { class: 'kv' },
        h('dt', null, 'Type'), h('dd', null, label(TYPES, p.type)),
        tech ? [h('dt', null, 'Development stage'), h('dd', { id: 'b2b-profile-stage' }, label(STAGES, p.stage))] : null,
        tech || p.ipr ? [h('dt', null, 'Intellectual property'), h('dd', null, label(IPR, p.ipr))] : null,
        h('dt', null, 'Technology keywords'), h('dd', null, tagList(p.technologyKeywords, keywordHref)),
        h('dt', null, 'Market keywords'), h('dd', null, tagList(p.marketKeywords, keywordHref)),
        h('dt', null, 'Sectors (NACE)'), h('dd', null, naceTags(ctx, p.naceCodes)))),
    h('section', { class: 'card', 'aria-labelledby': 'b2b-partner-title' },
      h('h2', { id: 'b2b-partner-title' }, 'Partner sought'),
      h('dl', { class: 'kv' },
        h('dt', null, 'Type of partnership'), h('dd', null, labelList(p.partnershipTypes, PARTNERSHIP)),
        h('dt', null, 'Type of partner'), h('dd', null, labelList(ps.types, PARTNER_TYPES)),
        h('dt', null, 'Size of partner'), h('dd', null, labelList(ps.sizes, SIZES)),
        h('dt', null, 'Role of the partner'), h('dd', { class: 'prose' }, ps.role || '—'),
        h('dt', null, 'Target countries'), h('dd', null,
          p.targetCountries && p.targetCountries.length
            ? h('ul', { class: 'tags' }, p.targetCountries.map((c) => h('li', { class: 'tag', 'data-country': c, title: countryName(c) }, c)))
            : 'Any country'))));

  // Side column: owner or anonymity, expression of interest, record
  const sideCol = h('div', null);
  if (p.owner) {
    const o = p.owner;
    sideCol.appendChild(h('section', { class: 'card b2b-owner', id: 'b2b-owner', 'aria-labelledby': 'b2b-owner-title', 'data-organisation-id': o.organisationId || '' },
      h('h2', { id: 'b2b-owner-title' }, 'Organisation'),
      h('p', { class: 'b2b-owner-name', id: 'b2b-owner-organisation' },
        o.organisationId ? h('a', { href: `#/directory/organisations/${encodeURIComponent(o.organisationId)}` }, o.organisationName || 'Organisation') : (o.organisationName || '—')),
      h('dl', { class: 'kv' },
        h('dt', null, 'Contact'), h('dd', { id: 'b2b-owner-contact' }, o.contactName || '—'),
        h('dt', null, 'E-mail'), h('dd', { id: 'b2b-owner-email' }, mailLink(o.contactEmail)),
        o.contactPhone ? [h('dt', null, 'Phone'), h('dd', { id: 'b2b-owner-phone' }, phoneLink(o.contactPhone))] : null,
        h('dt', null, 'Country'), h('dd', null, p.country ? `${countryName(p.country)} (${p.country})` : '—'))));
  } else {
    sideCol.appendChild(h('section', { class: 'card b2b-anonymous', id: 'b2b-anonymous', 'aria-labelledby': 'b2b-anon-title' },
      h('h2', { id: 'b2b-anon-title' }, 'Organisation'),
      h('p', null, 'Anonymous — the organisation is revealed when it accepts your expression of interest.'),
      h('dl', { class: 'kv' }, h('dt', null, 'Country'), h('dd', null, p.country ? `${countryName(p.country)} (${p.country})` : '—'))));
  }

  if (p.status === 'PUBLISHED' && !side) {
    sideCol.appendChild(interestCard(ctx, p));
  }

  sideCol.appendChild(h('section', { class: 'card', 'aria-labelledby': 'b2b-record-title' },
    h('h2', { id: 'b2b-record-title' }, 'Record'),
    h('dl', { class: 'kv small' },
      h('dt', null, 'Status'), h('dd', null, label(STATUS, p.status)),
      h('dt', null, 'Language'), h('dd', null, label(LANGUAGES, p.language)),
      h('dt', null, 'Published'), h('dd', null, formatDate(p.publishedAt)),
      h('dt', null, 'Open until'), h('dd', { id: 'b2b-profile-expires' }, formatDate(p.expiresOn)),
      h('dt', null, 'Updated'), h('dd', null, formatDate(p.updatedAt)))));

  root.appendChild(h('div', { class: 'detail-grid' }, main, sideCol));

  // Similar profiles (loaded after the page is shown)
  const similarBody = h('div', { id: 'b2b-similar-body' }, loadingLine('Looking for matching profiles…'));
  root.appendChild(h('section', { class: 'card b2b-similar', id: 'b2b-similar', 'aria-labelledby': 'b2b-similar-title' },
    h('h2', { id: 'b2b-similar-title' }, isOffer(p.type) ? 'Matching requests' : 'Matching offers'),
    h('p', { class: 'hint' }, 'Similar profiles of other organisations, with the reasons for each match.'),
    similarBody));
  await loadSimilar(ctx, p, similarBody);
}

function interestCard(ctx, p) {
  const card = h('section', { class: 'card b2b-eoi', id: 'b2b-eoi', 'aria-labelledby': 'b2b-eoi-title' },
    h('h2', { id: 'b2b-eoi-title' }, 'Express interest'));
  if (!ctx.user) {
    card.appendChild(h('p', null, 'Interested in this ' + (isOffer(p.type) ? 'offer' : 'request') + '? Sign in as a member to contact the organisation.'));
    card.appendChild(h('p', null, h('a', { class: 'btn btn-primary', id: 'b2b-eoi-login', href: `#/login?next=${encodeURIComponent(`/b2b/profiles/${p.id}`)}` }, 'Sign in to express interest')));
    return card;
  }
  if (!ctx.user.organisationId) {
    card.appendChild(h('p', { class: 'muted', id: 'b2b-eoi-no-org' }, 'Only users acting for a member organisation can express interest.'));
    return card;
  }

  const message = h('textarea', { id: 'b2b-eoi-message', name: 'message', rows: '5', maxlength: '4000', 'aria-describedby': 'b2b-eoi-message-hint b2b-eoi-message-error', 'aria-required': 'true' });
  const msgErr = h('p', { class: 'field-error', id: 'b2b-eoi-message-error', hidden: true });
  const errorBox = h('div', { class: 'form-error', id: 'b2b-eoi-error', role: 'alert', hidden: true });
  const sent = h('div', { class: 'notice', id: 'b2b-eoi-sent', role: 'status', hidden: true });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'b2b-eoi-send' }, 'Send expression of interest');
  const form = h('form', { class: 'form', id: 'b2b-eoi-form', novalidate: true },
    h('p', { class: 'hint', id: 'b2b-eoi-message-hint' },
      'Introduce your organisation and say what you propose. The organisation sees your message; your contact details are shared only if it accepts.'),
    sent,
    errorBox,
    h('div', { class: 'field' },
      h('label', { for: 'b2b-eoi-message' }, 'Your message', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
      message, msgErr),
    h('div', { class: 'form-actions' }, send));
  message.addEventListener('input', () => { msgErr.hidden = true; message.removeAttribute('aria-invalid'); });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errorBox.hidden = true;
    sent.hidden = true;
    const text = message.value.trim();
    if (!text) {
      msgErr.textContent = 'Write a short message to the organisation.';
      msgErr.hidden = false;
      message.setAttribute('aria-invalid', 'true');
      message.focus();
      return;
    }
    send.disabled = true;
    try {
      await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/interests`, { method: 'POST', body: { message: text } });
      message.value = '';
      clear(sent);
      sent.append('Your expression of interest was sent. You will be notified when the organisation answers; follow it under ',
        h('a', { href: '#/b2b/interests?box=outbox' }, 'Interests › Outbox'), '.');
      sent.hidden = false;
    } catch (e) {
      clear(errorBox);
      if (e && e.status === 409) {
        errorBox.dataset.status = '409';
        errorBox.append(h('strong', null, e.detail || 'You already expressed interest in this profile.'), h('br'),
          h('a', { href: '#/b2b/interests?box=outbox' }, 'See your expressions of interest'));
      } else {
        delete errorBox.dataset.status;
        errorBox.append(errorMessage(e));
        if (e && e.errors && e.errors.message) {
          msgErr.textContent = Array.isArray(e.errors.message) ? e.errors.message.join(' ') : String(e.errors.message);
          msgErr.hidden = false;
          message.setAttribute('aria-invalid', 'true');
        }
      }
      errorBox.hidden = false;
    } finally {
      send.disabled = false;
    }
  });
  card.appendChild(form);
  return card;
}

async function loadSimilar(ctx, p, body) {
  let list;
  try {
    list = await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/similar${query({ limit: 5 })}`);
  } catch (e) {
    clear(body);
    body.appendChild(h('p', { class: 'muted', id: 'b2b-similar-error' }, `Matching profiles are not available: ${errorMessage(e)}`));
    return;
  }
  list = asList(list).filter((m) => m && m.profile);
  clear(body);
  if (!list.length) {
    body.appendChild(h('p', { class: 'muted', id: 'b2b-similar-empty' }, 'No matching profiles were found yet.'));
    return;
  }
  body.appendChild(h('ul', { class: 'b2b-similar-list', id: 'b2b-similar-list' }, list.map((m) => {
    const q = m.profile;
    const score = typeof m.score === 'number' ? Math.max(0, Math.min(1, m.score)) : null;
    const pct = score === null ? null : Math.round(score * 100);
    return h('li', { class: 'b2b-similar-item', 'data-similar-id': q.id, 'data-score': score === null ? '' : String(m.score) },
      h('div', { class: 'b2b-similar-head' },
        h('div', null,
          h('p', { class: 'b2b-card-meta' }, typeBadge(q.type), h('span', { class: 'muted small' }, countryName(q.country))),
          h('h3', { class: 'b2b-card-title' }, h('a', { href: profileHref(q.id) }, q.title || '(untitled)'))),
        pct === null ? null : h('div', { class: 'b2b-score', title: `Match score ${score.toFixed(2)}` },
          h('span', { class: 'b2b-score-value' }, `${pct} %`),
          h('span', { class: 'b2b-score-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
          h('span', { class: 'visually-hidden' }, 'match'))),
      q.summary ? h('p', { class: 'b2b-card-summary' }, q.summary) : null,
      Array.isArray(m.reasons) && m.reasons.length
        ? h('ul', { class: 'b2b-reasons', 'aria-label': 'Why this matches' }, m.reasons.map((r) => h('li', { class: 'b2b-reason', 'data-signal': r.signal || '' },
            h('span', { class: 'b2b-reason-signal' }, SIGNALS[r.signal] || humanise(r.signal)),
            typeof r.value === 'number' ? h('span', { class: 'muted small' }, ` ${Math.round(r.value * 100)} %`) : null,
            r.detail ? h('span', { class: 'b2b-reason-detail' }, `: ${r.detail}`) : null)))
        : null);
  })));
}

function humanise(signal) {
  const s = String(signal || 'signal').replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------
// Create / edit form
// ---------------------------------------------------------------------------

/** Keeps the field -> error slot mapping of one form and shows server errors. */
function formKit() {
  const fields = new Map();
  const aliases = new Map([['partnerSought', 'partnerSought.types'], ['owner', 'organisationId']]);
  const summary = h('div', { class: 'form-error', id: 'b2b-form-error', role: 'alert', hidden: true, tabindex: '-1' });
  const slot = (key) => key.replace(/\./g, '-');

  const field = (key, text, control, { hint, required, focus, group } = {}) => {
    const errId = `b2b-${slot(key)}-error`;
    const hintId = hint ? `b2b-${slot(key)}-hint` : null;
    const target = focus || control;
    const described = [hintId, errId].filter(Boolean).join(' ');
    if (target.setAttribute) target.setAttribute('aria-describedby', described);
    if (required && target.setAttribute) target.setAttribute('aria-required', 'true');
    const err = h('p', { class: 'field-error', id: errId, hidden: true, 'data-error-for': key });
    fields.set(key, { target, err, label: text });
    const caption = h(group ? 'span' : 'label', group ? { class: 'label', id: `b2b-${slot(key)}-label` } : { for: target.id },
      text, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
    const wrap = h('div', { class: 'field', 'data-field': key }, caption, control,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, err);
    if (group) {
      wrap.setAttribute('role', 'group');
      wrap.setAttribute('aria-labelledby', `b2b-${slot(key)}-label`);
    }
    return wrap;
  };

  const resolve = (rawKey) => {
    if (fields.has(rawKey)) return rawKey;
    const noIndex = rawKey.replace(/\[\d+\]/g, '');
    if (fields.has(noIndex)) return noIndex;
    const first = rawKey.split(/[.[]/)[0];
    if (fields.has(first)) return first;
    if (aliases.has(first) && fields.has(aliases.get(first))) return aliases.get(first);
    return null;
  };

  const clearErrors = () => {
    summary.hidden = true;
    clear(summary);
    for (const { target, err } of fields.values()) {
      err.hidden = true;
      err.textContent = '';
      if (target.removeAttribute) target.removeAttribute('aria-invalid');
    }
  };

  const showErrors = (detail, errors) => {
    clearErrors();
    const byField = new Map();
    const unmatched = [];
    for (const [rawKey, rawMsg] of Object.entries(errors || {})) {
      const msg = Array.isArray(rawMsg) ? rawMsg.join(' ') : String(rawMsg);
      const key = resolve(rawKey);
      if (key) {
        if (!byField.has(key)) byField.set(key, []);
        byField.get(key).push(msg);
      } else {
        unmatched.push(`${rawKey}: ${msg}`);
      }
    }
    let first = null;
    const links = [];
    for (const [key, f] of fields) {
      const msgs = byField.get(key);
      if (!msgs) continue;
      f.err.textContent = [...new Set(msgs)].join(' ');
      f.err.hidden = false;
      if (f.target.setAttribute) f.target.setAttribute('aria-invalid', 'true');
      if (!first) first = f.target;
      links.push(h('li', null, h('button', {
        type: 'button', class: 'btn-link', onclick: () => f.target.focus(),
      }, `${f.label}: ${f.err.textContent}`)));
    }
    for (const u of unmatched) links.push(h('li', null, u));
    summary.appendChild(h('strong', null, detail || 'Please correct the highlighted fields.'));
    if (links.length) summary.appendChild(h('ul', null, links));
    summary.hidden = false;
    return first;
  };

  return { field, clearErrors, showErrors, summary, fields };
}

/** Search-as-you-type organisation chooser for administrators acting for a member organisation. */
function orgPicker(ctx, { id, initialId = null, initialName = '' }) {
  let selectedId = initialId;
  let selectedName = initialName;
  let seq = 0;
  const root = h('div', { class: 'picker', 'data-picker': 'organisation' });
  const input = h('input', {
    type: 'search', id, autocomplete: 'off', placeholder: 'Type at least 2 letters of the organisation name…',
    'aria-controls': `${id}-results`, 'aria-autocomplete': 'list',
  });
  const results = h('ul', { class: 'picker-results', id: `${id}-results`, hidden: true });
  const selected = h('div', { class: 'picker-selected', hidden: true });

  const show = () => {
    clear(selected);
    if (selectedId) {
      selected.appendChild(h('span', { class: 'tag', 'data-selected-org': selectedId }, selectedName || selectedId));
      selected.appendChild(h('button', {
        type: 'button', class: 'btn btn-link', 'aria-label': 'Choose a different organisation',
        onclick: () => { selectedId = null; selectedName = ''; show(); input.focus(); },
      }, 'Change'));
      selected.hidden = false;
      input.hidden = true;
      results.hidden = true;
    } else {
      selected.hidden = true;
      input.hidden = false;
    }
  };

  const search = debounce(async () => {
    const q = input.value.trim();
    const mySeq = ++seq;
    if (q.length < 2) { results.hidden = true; return; }
    let data;
    try {
      data = await ctx.api(`/api/organisations${query({ q, size: 10 })}`);
    } catch (e) {
      if (mySeq !== seq) return;
      clear(results);
      results.appendChild(h('li', { class: 'picker-empty' }, errorMessage(e)));
      results.hidden = false;
      return;
    }
    if (mySeq !== seq) return;
    const items = asList(data);
    clear(results);
    if (!items.length) results.appendChild(h('li', { class: 'picker-empty' }, 'No organisation found.'));
    for (const o of items) {
      results.appendChild(h('li', null, h('button', {
        type: 'button', 'data-org-option': o.id,
        onclick: () => { input.value = ''; selectedId = o.id; selectedName = o.name; show(); },
      }, h('span', null, o.name), h('span', { class: 'muted small' }, [o.city, o.country].filter(Boolean).join(', ')))));
    }
    results.hidden = false;
  }, 250);
  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const first = results.querySelector('button');
      if (first && !results.hidden) first.click();
    } else if (ev.key === 'Escape') {
      results.hidden = true;
    }
  });

  root.append(selected, input, results);
  show();
  return { element: root, input, value: () => selectedId };
}

function checkboxGroup(id, map, selected) {
  const chosen = new Set(selected || []);
  const box = h('div', { class: 'b2b-checks', id });
  for (const [value, text] of Object.entries(map)) {
    const cb = h('input', { type: 'checkbox', id: `${id}-${value}`, value });
    cb.checked = chosen.has(value);
    box.appendChild(h('label', { class: 'b2b-check', for: `${id}-${value}` }, cb, ' ', text));
  }
  return { element: box, focus: box.querySelector('input'), value: () => [...box.querySelectorAll('input:checked')].map((i) => i.value) };
}

/** A native multiple select (keyboard and test friendly) with a line naming what is chosen. */
function multiSelect(id, map, selected, size) {
  const sel = h('select', { id, multiple: true, size: String(size) }, options(map, selected || []));
  const chosen = h('p', { class: 'hint b2b-chosen', id: `${id}-chosen`, 'aria-live': 'polite' });
  const update = () => {
    const values = [...sel.selectedOptions].map((o) => o.value);
    chosen.textContent = values.length ? `Selected: ${values.join(', ')}` : 'None selected';
  };
  sel.addEventListener('change', update);
  update();
  return { element: h('div', { class: 'b2b-counted' }, sel, chosen), select: sel, value: () => [...sel.selectedOptions].map((o) => o.value) };
}

async function renderForm(el, ctx, id) {
  if (!ctx.user) {
    el.appendChild(loginPanel(id ? 'edit a cooperation profile' : 'publish a cooperation profile', id ? `/b2b/profiles/${id}/edit` : '/b2b/new'));
    return;
  }
  let p = null;
  if (id) {
    el.appendChild(loadingLine('Loading profile…'));
    try {
      p = await ctx.api(`/api/b2b/profiles/${encodeURIComponent(id)}`);
    } catch (e) {
      clear(el);
      if (e && e.status === 404) el.appendChild(notFoundPanel('Profile not found', 'This cooperation profile does not exist or is not visible to you.'));
      else el.appendChild(errorPanel(e, 'b2b-error'));
      return;
    }
    clear(el);
    if (!ownerSide(ctx, p)) {
      el.appendChild(forbiddenPanel('Only the organisation that owns this profile, or its association administrators, can edit it.', profileHref(id)));
      return;
    }
    if (p.status !== 'DRAFT') {
      el.appendChild(forbiddenPanel(`Only drafts can be edited. This profile is ${label(STATUS, p.status).toLowerCase()}.`, profileHref(id)));
      return;
    }
  } else if (!canPublish(ctx)) {
    el.appendChild(forbiddenPanel('Only members acting for an organisation and association administrators can publish cooperation profiles.'));
    return;
  }

  const title = id ? `Edit “${p.title || 'profile'}”` : 'New cooperation profile';
  document.title = `${id ? 'Edit profile' : 'New profile'} – B2B – DanubIA`;
  const backHref = id ? profileHref(id) : '#/b2b/mine';
  el.appendChild(breadcrumbs([['B2B cooperation', '#/b2b'], ['My profiles', '#/b2b/mine'], ...(id ? [[p.title || 'Profile', backHref]] : []), [id ? 'Edit' : 'New']]));
  el.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'b2b-form-title' }, title),
      h('p', { class: 'subtitle' }, 'The profile is saved as a draft; submit it for moderation when it is complete. Fields marked * are required.'))));

  const r = p || {};
  const o = r.owner || {};
  const ps = r.partnerSought || {};
  const kit = formKit();
  const today = new Date();

  const type = h('select', { id: 'b2b-type', name: 'type' }, options(TYPES, r.type || '', 'Choose a type'));
  const typeHint = h('p', { class: 'hint', id: 'b2b-type-desc' }, TYPE_HINTS[r.type] || '');
  const titleIn = h('input', { type: 'text', id: 'b2b-title', name: 'title', value: r.title || '', maxlength: '200' });
  const summary = h('textarea', { id: 'b2b-summary', name: 'summary', rows: '3', maxlength: '1000' });
  summary.value = r.summary || '';
  const summaryCount = h('span', { class: 'hint b2b-count', 'aria-live': 'polite' });
  const updateCount = () => { summaryCount.textContent = `${summary.value.length} / 1000`; };
  summary.addEventListener('input', updateCount);
  updateCount();
  const description = h('textarea', { id: 'b2b-description', name: 'description', rows: '8' });
  description.value = r.description || '';
  const innovation = h('textarea', { id: 'b2b-innovation', name: 'innovation', rows: '4' });
  innovation.value = r.innovation || '';
  const stage = h('select', { id: 'b2b-stage', name: 'stage' }, options(STAGES, r.stage || '', 'Choose a stage'));
  const ipr = h('select', { id: 'b2b-ipr', name: 'ipr' }, options(IPR, r.ipr || '', '— Not specified —'));
  const techKw = h('input', { type: 'text', id: 'b2b-technologyKeywords', name: 'technologyKeywords', value: (r.technologyKeywords || []).join(', ') });
  const marketKw = h('input', { type: 'text', id: 'b2b-marketKeywords', name: 'marketKeywords', value: (r.marketKeywords || []).join(', ') });
  const nace = nacePicker(ctx, { id: 'b2b-naceCodes', values: r.naceCodes, placeholder: 'Search an activity, e.g. laser, or type a code' });
  const partnership = multiSelect('b2b-partnershipTypes', PARTNERSHIP, r.partnershipTypes, 6);
  const targets = multiSelect('b2b-targetCountries', countryMap(), r.targetCountries, 7);
  const partnerTypes = checkboxGroup('b2b-partnerSought-types', PARTNER_TYPES, ps.types);
  const partnerSizes = checkboxGroup('b2b-partnerSought-sizes', SIZES, ps.sizes);
  const partnerRole = h('textarea', { id: 'b2b-partnerSought-role', name: 'partnerSought.role', rows: '3' });
  partnerRole.value = ps.role || '';
  const expires = h('input', {
    type: 'date', id: 'b2b-expiresOn', name: 'expiresOn', value: r.expiresOn || '',
    min: isoDate(addMonths(today, 0)), max: isoDate(addMonths(today, 24)),
  });
  const language = h('select', { id: 'b2b-language', name: 'language' }, options(LANGUAGES, r.language || 'en'));
  const contactName = h('input', { type: 'text', id: 'b2b-contactName', name: 'contactName', autocomplete: 'name', value: r.contactName || o.contactName || (id ? '' : ctx.user.name || '') });
  const contactEmail = h('input', { type: 'email', id: 'b2b-contactEmail', name: 'contactEmail', autocomplete: 'email', spellcheck: 'false', value: r.contactEmail || o.contactEmail || (id ? '' : ctx.user.email || '') });
  const contactPhone = h('input', { type: 'text', id: 'b2b-contactPhone', name: 'contactPhone', autocomplete: 'tel', inputmode: 'tel', value: r.contactPhone || o.contactPhone || '' });

  // Administrators act for an organisation of their association.
  const needsOrg = !id && isAdmin(ctx);
  const org = needsOrg ? orgPicker(ctx, { id: 'b2b-organisationId' }) : null;

  const techSection = h('fieldset', { class: 'form-section', id: 'b2b-technology-section' },
    h('legend', null, 'Technology'),
    h('div', { class: 'form-row' },
      kit.field('stage', 'Development stage', stage, { required: true }),
      kit.field('ipr', 'Intellectual property rights', ipr)));
  const applyType = () => {
    techSection.hidden = !isTechnology(type.value);
    typeHint.textContent = TYPE_HINTS[type.value] || '';
  };
  type.addEventListener('change', applyType);
  applyType();

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'b2b-save' }, id ? 'Save changes' : 'Save draft');
  const form = h('form', { class: 'form card form-card', id: 'b2b-form', novalidate: true, 'aria-labelledby': 'b2b-form-title' },
    kit.summary,
    needsOrg ? h('fieldset', { class: 'form-section' },
      h('legend', null, 'Organisation'),
      kit.field('organisationId', 'Organisation', org.element, {
        focus: org.input, required: !ctx.user.organisationId,
        hint: ctx.user.organisationId
          ? 'Leave empty to publish for your own organisation, or choose a member organisation of your association.'
          : 'The member organisation of your association this profile is published for.',
      })) : null,
    h('fieldset', { class: 'form-section' },
      h('legend', null, 'Profile'),
      h('div', { class: 'field', 'data-field': 'type' },
        h('label', { for: 'b2b-type' }, 'Type', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
        type, typeHint, kitErr(kit, 'type', type, 'Type', 'b2b-type-desc')),
      kit.field('title', 'Title', titleIn, { required: true, hint: 'A short, specific title, at most 200 characters.' }),
      kit.field('summary', 'Summary', h('div', { class: 'b2b-counted' }, summary, summaryCount), { required: true, focus: summary, hint: 'At most 1000 characters; shown in search results.' }),
      kit.field('description', 'Description', description, { required: true }),
      kit.field('innovation', 'Innovation and advantages', innovation, { hint: 'What is new, and the advantages compared with existing solutions.' })),
    techSection,
    h('fieldset', { class: 'form-section' },
      h('legend', null, 'Classification'),
      h('div', { class: 'form-row' },
        kit.field('technologyKeywords', 'Technology keywords', techKw, { hint: 'Separate keywords with commas, e.g. laser, sensor.' }),
        kit.field('marketKeywords', 'Market keywords', marketKw, { hint: 'Separate keywords with commas.' })),
      kit.field('naceCodes', 'Sectors (NACE Rev. 2)', nace.element, { focus: nace.input, hint: 'Search by keyword and pick one or more codes. Press Enter to add a typed code such as 26.51.' })),
    h('fieldset', { class: 'form-section' },
      h('legend', null, 'Partner sought'),
      h('div', { class: 'form-row' },
        kit.field('partnershipTypes', 'Types of partnership', partnership.element, { focus: partnership.select, hint: 'Hold Ctrl (⌘ on a Mac) to choose several.' }),
        kit.field('targetCountries', 'Target countries', targets.element, { focus: targets.select, hint: 'Leave empty for any country. Hold Ctrl (⌘) to choose several.' })),
      h('div', { class: 'form-row' },
        kit.field('partnerSought.types', 'Type of partner', partnerTypes.element, { group: true, focus: partnerTypes.focus }),
        kit.field('partnerSought.sizes', 'Size of partner', partnerSizes.element, { group: true, focus: partnerSizes.focus })),
      kit.field('partnerSought.role', 'Role of the partner', partnerRole, { hint: 'What the partner is expected to do.' })),
    h('fieldset', { class: 'form-section' },
      h('legend', null, 'Contact person'),
      h('p', { class: 'hint' }, 'Shown to another organisation only after you accept its expression of interest.'),
      h('div', { class: 'form-row' },
        kit.field('contactName', 'Name', contactName, { required: true }),
        kit.field('contactEmail', 'E-mail', contactEmail, { required: true }),
        kit.field('contactPhone', 'Phone', contactPhone))),
    h('fieldset', { class: 'form-section' },
      h('legend', null, 'Publication'),
      h('div', { class: 'form-row' },
        kit.field('expiresOn', 'Open until', expires, { hint: 'Default: 12 months after publication; at most 24 months.' }),
        kit.field('language', 'Language of the profile', language))),
    h('div', { class: 'form-actions' },
      submit,
      h('a', { class: 'btn btn-secondary', href: backHref, id: 'b2b-cancel' }, 'Cancel')));
  el.appendChild(form);

  const collect = () => {
    const opt = (v) => { const s = (v || '').trim(); return s === '' ? null : s; };
    const tech = isTechnology(type.value);
    const body = {
      type: type.value || null,
      title: titleIn.value.trim(),
      summary: summary.value.trim(),
      description: description.value.trim(),
      innovation: opt(innovation.value),
      stage: tech ? (stage.value || null) : null,
      ipr: tech ? (ipr.value || null) : null,
      technologyKeywords: splitKeywords(techKw.value),
      marketKeywords: splitKeywords(marketKw.value),
      naceCodes: nace.value(),
      partnerSought: { types: partnerTypes.value(), role: opt(partnerRole.value), sizes: partnerSizes.value() },
      partnershipTypes: partnership.value(),
      targetCountries: targets.value(),
      expiresOn: expires.value || null,
      language: language.value || null,
      contactName: contactName.value.trim(),
      contactEmail: contactEmail.value.trim(),
      contactPhone: opt(contactPhone.value),
    };
    if (needsOrg && org.value()) body.organisationId = org.value();
    else if (id && isAdmin(ctx) && !p.mine && o.organisationId) body.organisationId = o.organisationId;
    return body;
  };

  const validate = (body) => {
    const errors = {};
    if (needsOrg && !body.organisationId && !ctx.user.organisationId) errors.organisationId = 'Choose the organisation this profile is for.';
    if (!body.type) errors.type = 'Choose the type of profile.';
    if (!body.title) errors.title = 'Enter a title.';
    else if (body.title.length > 200) errors.title = 'The title can be at most 200 characters.';
    if (!body.summary) errors.summary = 'Enter a summary.';
    else if (body.summary.length > 1000) errors.summary = 'The summary can be at most 1000 characters.';
    if (!body.description) errors.description = 'Enter a description.';
    if (isTechnology(body.type) && !body.stage) errors.stage = 'Choose the development stage of the technology.';
    if (!body.contactName) errors.contactName = 'Enter the name of the contact person.';
    if (!body.contactEmail) errors.contactEmail = 'Enter the e-mail address of the contact person.';
    else if (!EMAIL_RE.test(body.contactEmail)) errors.contactEmail = 'Enter a valid e-mail address, like name@example.org.';
    if (body.expiresOn) {
      const d = new Date(`${body.expiresOn}T00:00:00`);
      if (Number.isNaN(d.getTime())) errors.expiresOn = 'Enter a valid date.';
      else if (d <= today) errors.expiresOn = 'The date must be in the future.';
      else if (d > addMonths(today, 24)) errors.expiresOn = 'A profile can stay open for at most 24 months.';
    }
    return errors;
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = collect();
    const clientErrors = validate(body);
    if (Object.keys(clientErrors).length) {
      const first = kit.showErrors('Please correct the highlighted fields.', clientErrors);
      (first || kit.summary).focus();
      return;
    }
    kit.clearErrors();
    submit.disabled = true;
    const text = submit.textContent;
    submit.textContent = 'Saving…';
    try {
      const saved = await ctx.api(id ? `/api/b2b/profiles/${encodeURIComponent(id)}` : '/api/b2b/profiles', {
        method: id ? 'PUT' : 'POST',
        body,
      });
      flash = id ? 'Profile saved.' : 'Profile saved as a draft. Submit it for publication when it is complete.';
      const savedId = (saved && saved.id) || id;
      ctx.navigate(savedId ? profileHref(savedId) : '#/b2b/mine');
    } catch (e) {
      const first = kit.showErrors(errorMessage(e), e && e.errors);
      (first || kit.summary).focus();
      if (!first) kit.summary.scrollIntoView({ block: 'center' });
    } finally {
      submit.disabled = false;
      submit.textContent = text;
    }
  });

  if (!id) type.focus();
}

/** The type field has its own description line, so it registers its error slot by hand. */
function kitErr(kit, key, control, text, hintId) {
  const err = h('p', { class: 'field-error', id: `b2b-${key}-error`, hidden: true, 'data-error-for': key });
  control.setAttribute('aria-describedby', `${hintId} b2b-${key}-error`);
  control.setAttribute('aria-required', 'true');
  kit.fields.set(key, { target: control, err, label: text });
  return err;
}

// ---------------------------------------------------------------------------
// My profiles
// ---------------------------------------------------------------------------

async function renderMine(el, ctx) {
  if (!ctx.user) {
    el.appendChild(loginPanel('see your cooperation profiles', '/b2b/mine'));
    return;
  }
  document.title = 'My profiles – B2B – DanubIA';
  el.appendChild(h('div', null, pageTop(ctx, 'mine', 'My profiles', 'The cooperation profiles of your organisation, in every status.')));
  const notice = flashNotice();
  if (notice) el.appendChild(notice);
  const body = h('div', { id: 'b2b-mine' }, loadingLine('Loading your profiles…'));
  el.appendChild(body);

  let list;
  try {
    list = asList(await ctx.api('/api/b2b/profiles/mine'));
  } catch (e) {
    clear(body);
    body.appendChild(errorPanel(e, 'b2b-error'));
    return;
  }
  clear(body);
  if (!list.length) {
    body.appendChild(h('div', { class: 'table-wrap' },
      h('div', { class: 'table-empty', id: 'b2b-mine-empty' },
        h('p', null, 'Your organisation has no cooperation profiles yet.'),
        canPublish(ctx) ? h('a', { class: 'btn btn-primary', href: '#/b2b/new' }, 'Create the first profile') : null)));
    return;
  }
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'b2b-mine-status' });
  const actionFor = (p) => {
    if (p.status !== 'DRAFT') return null;
    const submitBtn = h('button', {
      type: 'button', class: 'btn btn-primary btn-small', 'data-submit': p.id,
      'aria-label': `Submit ${p.title || 'profile'} for publication`,
      onclick: async (ev) => {
        const btn = ev.currentTarget;
        btn.disabled = true;
        try {
          await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/submit`, { method: 'POST', body: {} });
          flash = `“${p.title || 'Profile'}” submitted for moderation.`;
          ctx.navigate('#/b2b/mine');
        } catch (e) {
          btn.disabled = false;
          status.textContent = errorMessage(e);
          window.alert(errorMessage(e));
        }
      },
    }, 'Submit');
    return [h('a', { class: 'btn btn-secondary btn-small', href: `${profileHref(p.id)}/edit`, 'data-edit': p.id }, 'Edit'), submitBtn];
  };
  body.appendChild(h('div', { class: 'table-wrap' },
    h('table', { class: 'data', id: 'b2b-mine-table' },
      h('caption', { class: 'visually-hidden' }, 'My cooperation profiles'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Updated'),
        h('th', { scope: 'col' }, 'Open until'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', null, list.map((p) => h('tr', { 'data-profile-id': p.id, 'data-status': p.status || '' },
        h('td', null,
          h('a', { href: profileHref(p.id) }, p.title || '(untitled)'),
          p.moderationComment && p.status === 'DRAFT'
            ? h('p', { class: 'b2b-moderation-comment small', 'data-moderation-comment': p.id },
                h('strong', null, 'Returned by the moderator: '), p.moderationComment)
            : null),
        h('td', null, label(TYPES, p.type)),
        h('td', null, statusBadge(p.status)),
        h('td', null, formatDate(p.updatedAt || p.createdAt)),
        h('td', null, formatDate(p.expiresOn)),
        h('td', { class: 'num' }, h('div', { class: 'actions b2b-row-actions' }, actionFor(p)))))))));
  body.appendChild(status);
}

// ---------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------

async function renderModeration(el, ctx) {
  if (!ctx.user) {
    el.appendChild(loginPanel('moderate cooperation profiles', '/b2b/moderation'));
    return;
  }
  if (!isAdmin(ctx)) {
    el.appendChild(forbiddenPanel('Only association administrators moderate cooperation profiles.'));
    return;
  }
  document.title = 'Moderation – B2B – DanubIA';
  el.appendChild(h('div', null, pageTop(ctx, 'moderation', 'Moderation',
    'Profiles submitted by the organisations of your association. Approve them to publish them, or return them with a comment.')));
  const status = h('div', { class: 'notice', id: 'b2b-moderation-status', role: 'status', 'aria-live': 'polite', hidden: true });
  el.appendChild(status);
  const body = h('div', { id: 'b2b-moderation' }, loadingLine('Loading submitted profiles…'));
  el.appendChild(body);

  let list;
  try {
    list = asList(await ctx.api('/api/b2b/moderation'));
  } catch (e) {
    clear(body);
    body.appendChild(errorPanel(e, 'b2b-error'));
    return;
  }
  const empty = () => h('div', { class: 'table-wrap' },
    h('div', { class: 'table-empty', id: 'b2b-moderation-empty' }, h('p', null, 'No profiles are waiting for moderation.')));
  clear(body);
  if (!list.length) {
    body.appendChild(empty());
    return;
  }
  const ul = h('ul', { class: 'b2b-cards b2b-mod-list', id: 'b2b-moderation-list' });
  body.appendChild(ul);
  const done = (item, msg) => {
    item.remove();
    status.textContent = msg;
    status.hidden = false;
    if (!ul.children.length) { ul.remove(); body.appendChild(empty()); }
  };

  for (const p of list) {
    const commentId = `b2b-return-comment-${p.id}`;
    const comment = h('textarea', { id: commentId, rows: '2', 'data-return-comment': p.id, 'aria-describedby': `${commentId}-error`, placeholder: 'What should the organisation change?' });
    const commentErr = h('p', { class: 'field-error', id: `${commentId}-error`, hidden: true });
    const itemErr = h('div', { class: 'form-error', role: 'alert', hidden: true, 'data-moderation-error': p.id });
    comment.addEventListener('input', () => { commentErr.hidden = true; comment.removeAttribute('aria-invalid'); });
    const item = h('li', { class: 'b2b-card b2b-mod', 'data-profile-id': p.id, 'data-status': p.status || '' });
    const approve = h('button', {
      type: 'button', class: 'btn btn-primary btn-small', 'data-approve': p.id,
      onclick: async () => {
        itemErr.hidden = true;
        approve.disabled = true; ret.disabled = true;
        try {
          await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/approve`, { method: 'POST', body: {} });
          done(item, `“${p.title || 'Profile'}” approved and published.`);
        } catch (e) {
          itemErr.textContent = errorMessage(e);
          itemErr.hidden = false;
          approve.disabled = false; ret.disabled = false;
        }
      },
    }, 'Approve and publish');
    const ret = h('button', {
      type: 'button', class: 'btn btn-secondary btn-small', 'data-return': p.id,
      onclick: async () => {
        itemErr.hidden = true;
        const text = comment.value.trim();
        if (!text) {
          commentErr.textContent = 'Write a comment so the organisation knows what to change.';
          commentErr.hidden = false;
          comment.setAttribute('aria-invalid', 'true');
          comment.focus();
          return;
        }
        approve.disabled = true; ret.disabled = true;
        try {
          await ctx.api(`/api/b2b/profiles/${encodeURIComponent(p.id)}/return`, { method: 'POST', body: { comment: text } });
          done(item, `“${p.title || 'Profile'}” returned to the organisation as a draft.`);
        } catch (e) {
          if (e && e.errors && e.errors.comment) {
            commentErr.textContent = String(e.errors.comment);
            commentErr.hidden = false;
          } else {
            itemErr.textContent = errorMessage(e);
            itemErr.hidden = false;
          }
          approve.disabled = false; ret.disabled = false;
        }
      },
    }, 'Return with comment');
    const owner = p.owner || {};
    append(item, [
      h('div', { class: 'b2b-card-meta' }, typeBadge(p.type), statusBadge(p.status),
        h('span', { class: 'muted small' }, [owner.organisationName, countryName(p.country)].filter(Boolean).join(' · '))),
      h('h2', { class: 'b2b-card-title' }, h('a', { href: profileHref(p.id) }, p.title || '(untitled)')),
      p.summary ? h('p', { class: 'b2b-card-summary' }, p.summary) : null,
      h('p', { class: 'muted small' }, `Submitted ${formatDate(p.updatedAt || p.createdAt)}`,
        owner.contactName ? ` · Contact: ${owner.contactName}` : '', owner.contactEmail ? ` <${owner.contactEmail}>` : ''),
      itemErr,
      h('div', { class: 'b2b-mod-actions' },
        h('div', { class: 'field' }, h('label', { for: commentId }, 'Comment for the organisation (when returning)'), comment, commentErr),
        h('div', { class: 'actions' }, approve, ret)),
    ]);
    ul.appendChild(item);
  }
}

// ---------------------------------------------------------------------------
// Interests (inbox / outbox) and agreements
// ---------------------------------------------------------------------------

async function renderInterests(el, ctx) {
  if (!ctx.user) {
    el.appendChild(loginPanel('see expressions of interest', '/b2b/interests'));
    return;
  }
  document.title = 'Interests – B2B – DanubIA';
  let box = ctx.params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  el.appendChild(h('div', null, pageTop(ctx, 'interests', 'Expressions of interest',
    'Interest other organisations expressed in your profiles (inbox) and the interest you expressed (outbox).')));
  const notice = flashNotice();
  if (notice) el.appendChild(notice);

  const inboxPanel = h('section', { id: 'b2b-inbox', class: 'b2b-box', role: 'tabpanel', 'aria-labelledby': 'b2b-inbox-tab', 'data-box': 'inbox' }, loadingLine('Loading…'));
  const outboxPanel = h('section', { id: 'b2b-outbox', class: 'b2b-box', role: 'tabpanel', 'aria-labelledby': 'b2b-outbox-tab', 'data-box': 'outbox' }, loadingLine('Loading…'));
  const inboxCount = h('span', { class: 'badge badge-inline', id: 'b2b-inbox-count', hidden: true });
  const outboxCount = h('span', { class: 'badge badge-inline', id: 'b2b-outbox-count', hidden: true });
  const tabInbox = h('a', { class: 'tab', id: 'b2b-inbox-tab', role: 'tab', href: '#/b2b/interests?box=inbox', 'aria-controls': 'b2b-inbox' }, 'Inbox', inboxCount);
  const tabOutbox = h('a', { class: 'tab', id: 'b2b-outbox-tab', role: 'tab', href: '#/b2b/interests?box=outbox', 'aria-controls': 'b2b-outbox' }, 'Outbox', outboxCount);
  const select = (which, focus) => {
    box = which;
    for (const [tab, panel, key] of [[tabInbox, inboxPanel, 'inbox'], [tabOutbox, outboxPanel, 'outbox']]) {
      const on = key === which;
      tab.classList.toggle('active', on);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    }
    // Keep the address in step without a re-render, so reload and back show the same box.
    history.replaceState(null, '', `#/b2b/interests?box=${which}`);
    if (focus) (which === 'inbox' ? tabInbox : tabOutbox).focus();
  };
  for (const [tab, key] of [[tabInbox, 'inbox'], [tabOutbox, 'outbox']]) {
    tab.addEventListener('click', (ev) => { ev.preventDefault(); select(key); });
    tab.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') { ev.preventDefault(); select(key === 'inbox' ? 'outbox' : 'inbox', true); }
    });
  }
  el.appendChild(h('div', { class: 'tabs b2b-box-tabs', role: 'tablist', 'aria-label': 'Interest boxes' }, tabInbox, tabOutbox));
  el.appendChild(inboxPanel);
  el.appendChild(outboxPanel);
  select(box);

  const agreementsBody = h('div', { id: 'b2b-agreements-body' }, loadingLine('Loading agreements…'));
  el.appendChild(h('section', { class: 'card b2b-agreements-card', 'aria-labelledby': 'b2b-agreements-title' },
    h('h2', { id: 'b2b-agreements-title' }, 'Agreements'),
    h('p', { class: 'hint' }, 'Cooperation agreements recorded by your organisation after an accepted expression of interest.'),
    agreementsBody));

  let agreements = [];
  const drawAgreements = () => {
    clear(agreementsBody);
    if (!agreements.length) {
      agreementsBody.appendChild(h('p', { class: 'muted', id: 'b2b-agreements-empty' }, 'No agreements recorded yet.'));
      return;
    }
    agreementsBody.appendChild(h('div', { class: 'table-wrap' },
      h('table', { class: 'data', id: 'b2b-agreements' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Profile'),
          h('th', { scope: 'col' }, 'Agreement'),
          h('th', { scope: 'col' }, 'Signed on'),
          h('th', { scope: 'col' }, 'Description'))),
        h('tbody', null, agreements.map((a) => h('tr', { 'data-agreement-id': a.id, 'data-interest-id-ref': a.interestId || '' },
          h('td', null, a.profileId ? h('a', { href: profileHref(a.profileId) }, a.profileTitle || 'Profile') : (a.profileTitle || '—')),
          h('td', null, label(AGREEMENT_TYPES, a.type)),
          h('td', null, formatDate(a.signedOn)),
          h('td', { class: 'prose' }, a.description || '—')))))));
  };
  const loadAgreements = async () => {
    try {
      agreements = asList(await ctx.api('/api/b2b/agreements'));
      drawAgreements();
    } catch (e) {
      clear(agreementsBody);
      agreementsBody.appendChild(h('p', { class: 'form-error', role: 'alert' }, errorMessage(e)));
    }
  };

  const loadBox = async (which, panel, count) => {
    let list;
    try {
      list = asList(await ctx.api(`/api/b2b/interests${query({ box: which })}`));
    } catch (e) {
      clear(panel);
      panel.appendChild(errorPanel(e, `b2b-${which}-error`));
      return;
    }
    clear(panel);
    const pending = list.filter((i) => i.status === 'PENDING').length;
    if (pending) {
      count.textContent = String(pending);
      count.title = `${pending} pending`;
      count.hidden = false;
    }
    if (!list.length) {
      panel.appendChild(h('div', { class: 'table-wrap' },
        h('div', { class: 'table-empty', id: `b2b-${which}-empty` },
          h('p', null, which === 'inbox'
            ? 'No organisation has expressed interest in your profiles yet.'
            : 'You have not expressed interest in any profile yet.'),
          which === 'outbox' ? h('a', { href: '#/b2b' }, 'Browse the published profiles') : null)));
      return;
    }
    const ul = h('ul', { class: 'b2b-interests', 'aria-label': which === 'inbox' ? 'Received expressions of interest' : 'Sent expressions of interest' });
    for (const it of list) ul.appendChild(interestRow(ctx, it, which, { agreements: () => agreements, onAgreement: loadAgreements }));
    panel.appendChild(ul);
  };

  await Promise.all([
    loadBox('inbox', inboxPanel, inboxCount),
    loadBox('outbox', outboxPanel, outboxCount),
    loadAgreements(),
  ]);
}

function interestRow(ctx, it, which, hooks) {
  const li = h('li', { class: 'b2b-interest card', 'data-interest-id': it.id, 'data-status': it.status || '', 'data-direction': (it.direction || which).toUpperCase() });
  const draw = (i) => {
    clear(li);
    li.dataset.status = i.status || '';
    const inbox = (i.direction || which).toUpperCase() === 'INBOX';
    const head = h('div', { class: 'b2b-interest-head' },
      h('div', null,
        h('h3', { class: 'b2b-card-title' }, h('a', { href: profileHref(i.profileId) }, i.profileTitle || 'Profile')),
        h('p', { class: 'muted small' },
          inbox ? `Received ${formatDate(i.createdAt)}` : `Sent ${formatDate(i.createdAt)}`,
          i.answeredAt ? ` · answered ${formatDate(i.answeredAt)}` : '')),
      h('span', { class: INTEREST_BADGE[i.status] || 'badge', 'data-status': i.status || '' }, label(INTEREST_STATUS, i.status)));
    li.appendChild(head);
    if (i.message) li.appendChild(h('blockquote', { class: 'b2b-message prose' }, i.message));

    if (i.status === 'PENDING') {
      if (inbox) {
        const err = h('p', { class: 'form-error', role: 'alert', hidden: true });
        const answer = async (btn, path) => {
          err.hidden = true;
          for (const b of li.querySelectorAll('button')) b.disabled = true;
          try {
            const updated = await ctx.api(`/api/b2b/interests/${encodeURIComponent(i.id)}/${path}`, { method: 'POST', body: {} });
            draw(updated && updated.id ? updated : { ...i, status: path === 'accept' ? 'ACCEPTED' : 'DECLINED' });
            const focusTarget = li.querySelector('.b2b-counterpart, h3 a');
            if (focusTarget) focusTarget.focus?.();
          } catch (e) {
            err.textContent = errorMessage(e);
            err.hidden = false;
            for (const b of li.querySelectorAll('button')) b.disabled = false;
          }
        };
        li.appendChild(h('p', { class: 'hint' }, 'The organisation sees your organisation and contact person only if you accept.'));
        li.appendChild(err);
        li.appendChild(h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-accept': i.id, onclick: (ev) => answer(ev.currentTarget, 'accept') }, 'Accept'),
          h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-decline': i.id, onclick: (ev) => answer(ev.currentTarget, 'decline') }, 'Decline')));
      } else {
        li.appendChild(h('p', { class: 'muted small' }, 'Waiting for the organisation to answer.'));
      }
    } else if (i.status === 'DECLINED') {
      li.appendChild(h('p', { class: 'muted small' }, inbox ? 'You declined this expression of interest.' : 'The organisation declined your expression of interest.'));
    } else if (i.status === 'ACCEPTED') {
      const c = i.counterpart || {};
      li.appendChild(h('div', { class: 'b2b-counterpart', 'data-organisation-id': c.organisationId || '', tabindex: '-1' },
        h('p', { class: 'b2b-counterpart-title' }, inbox ? 'Interested organisation' : 'Profile owner'),
        h('dl', { class: 'kv' },
          h('dt', null, 'Organisation'), h('dd', { class: 'b2b-counterpart-org' },
            c.organisationId ? h('a', { href: `#/directory/organisations/${encodeURIComponent(c.organisationId)}` }, c.organisationName || 'Organisation') : (c.organisationName || '—')),
          h('dt', null, 'Contact'), h('dd', { class: 'b2b-counterpart-contact' }, c.contactName || '—'),
          h('dt', null, 'E-mail'), h('dd', { class: 'b2b-counterpart-email' }, mailLink(c.contactEmail)))));
      const mine = hooks.agreements().filter((a) => a.interestId === i.id);
      if (mine.length) {
        li.appendChild(h('p', { class: 'small b2b-interest-agreements' }, 'Recorded: ',
          mine.map((a, n) => [n ? ', ' : '', `${label(AGREEMENT_TYPES, a.type)} (${formatDate(a.signedOn)})`])));
      }
      li.appendChild(agreementForm(ctx, i, async () => { await hooks.onAgreement(); draw(i); }));
    }
  };
  draw(it);
  return li;
}

function agreementForm(ctx, i, onSaved) {
  const base = `b2b-agreement-${i.id}`;
  const type = h('select', { id: `${base}-type`, 'data-agreement-type': i.id, 'aria-describedby': `${base}-type-error` }, options(AGREEMENT_TYPES, '', 'Choose a type'));
  const description = h('textarea', { id: `${base}-description`, rows: '2', 'data-agreement-description': i.id, 'aria-describedby': `${base}-description-error` });
  const signedOn = h('input', { type: 'date', id: `${base}-signedOn`, 'data-agreement-date': i.id, value: isoDate(new Date()), 'aria-describedby': `${base}-signedOn-error` });
  const errs = {
    type: h('p', { class: 'field-error', id: `${base}-type-error`, hidden: true }),
    description: h('p', { class: 'field-error', id: `${base}-description-error`, hidden: true }),
    signedOn: h('p', { class: 'field-error', id: `${base}-signedOn-error`, hidden: true }),
  };
  const controls = { type, description, signedOn };
  const formErr = h('div', { class: 'form-error', role: 'alert', hidden: true, 'data-agreement-error': i.id });
  const ok = h('div', { class: 'notice', role: 'status', hidden: true, 'data-agreement-saved': i.id });
  const save = h('button', { type: 'submit', class: 'btn btn-primary btn-small', 'data-record-agreement': i.id }, 'Record agreement');
  const form = h('form', { class: 'form b2b-agreement-form', 'data-agreement-for': i.id, novalidate: true },
    h('p', { class: 'b2b-counterpart-title' }, 'Record an agreement'),
    ok, formErr,
    h('div', { class: 'form-row' },
      h('div', { class: 'field' }, h('label', { for: type.id }, 'Type of agreement', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')), type, errs.type),
      h('div', { class: 'field' }, h('label', { for: signedOn.id }, 'Signed on', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')), signedOn, errs.signedOn)),
    h('div', { class: 'field' }, h('label', { for: description.id }, 'Description'), description, errs.description),
    h('div', { class: 'form-actions' }, save));

  const showErrors = (errors) => {
    let first = null;
    for (const [k, err] of Object.entries(errs)) {
      const msg = errors && errors[k];
      err.textContent = msg ? (Array.isArray(msg) ? msg.join(' ') : String(msg)) : '';
      err.hidden = !msg;
      if (msg) { controls[k].setAttribute('aria-invalid', 'true'); if (!first) first = controls[k]; }
      else controls[k].removeAttribute('aria-invalid');
    }
    return first;
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    formErr.hidden = true;
    ok.hidden = true;
    const body = { interestId: i.id, type: type.value || null, description: description.value.trim() || null, signedOn: signedOn.value || null };
    const errors = {};
    if (!body.type) errors.type = 'Choose the type of agreement.';
    if (!body.signedOn) errors.signedOn = 'Enter the date the agreement was signed.';
    const first = showErrors(errors);
    if (first) { first.focus(); return; }
    save.disabled = true;
    try {
      await ctx.api('/api/b2b/agreements', { method: 'POST', body });
      flash = null;
      await onSaved();
    } catch (e) {
      const f = showErrors(e && e.errors);
      formErr.textContent = errorMessage(e);
      formErr.hidden = false;
      if (f) f.focus();
      save.disabled = false;
    }
  });
  return form;
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

async function renderImport(el, ctx) {
  if (!ctx.user) {
    el.appendChild(loginPanel('import cooperation profiles', '/b2b/import'));
    return;
  }
  if (!canPublish(ctx)) {
    el.appendChild(forbiddenPanel('Only members acting for an organisation and association administrators can import profiles.'));
    return;
  }
  document.title = 'Import profiles – B2B – DanubIA';
  el.appendChild(breadcrumbs([['B2B cooperation', '#/b2b'], ['My profiles', '#/b2b/mine'], ['Import']]));
  el.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'b2b-import-title' }, 'Import profiles'),
      h('p', { class: 'subtitle' }, 'Upload many profiles at once, for example an export from the Enterprise Europe Network. Imported profiles are saved as drafts of your organisation.'))));

  const file = h('input', { type: 'file', id: 'b2b-import-file', name: 'file', accept: '.csv,.json,text/csv,application/json', 'aria-describedby': 'b2b-import-file-hint b2b-import-file-error' });
  const fileErr = h('p', { class: 'field-error', id: 'b2b-import-file-error', hidden: true });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'b2b-import-send' }, 'Upload and import');
  const result = h('div', { id: 'b2b-import-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'form card form-card', id: 'b2b-import-form', novalidate: true, 'aria-labelledby': 'b2b-import-title' },
    h('div', { class: 'field' },
      h('label', { for: 'b2b-import-file' }, 'CSV or JSON file', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
      file,
      h('p', { class: 'hint', id: 'b2b-import-file-hint' },
        'CSV: UTF-8, a header row with the field names below, lists separated by “;”, quotes as in RFC 4180. JSON: an array of objects with the same field names.',
        isAdmin(ctx) ? ' Administrators add an organisationId column to choose the organisation of each row.' : ''),
      fileErr),
    h('details', { class: 'b2b-import-help' },
      h('summary', null, 'Field names'),
      h('pre', { class: 'mono b2b-pre' }, IMPORT_COLUMNS + (isAdmin(ctx) ? ',organisationId' : '')),
      h('p', { class: 'hint' },
        'Types: ', Object.keys(TYPES).join(', '), '. Stages: ', Object.keys(STAGES).join(', '),
        '. Each row is stored on its own: a rejected row does not stop the others.')),
    h('div', { class: 'form-actions' }, send));
  el.appendChild(form);
  el.appendChild(result);
  file.addEventListener('change', () => { fileErr.hidden = true; file.removeAttribute('aria-invalid'); });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    fileErr.hidden = true;
    const f = file.files && file.files[0];
    const fail = (msg) => {
      fileErr.textContent = msg;
      fileErr.hidden = false;
      file.setAttribute('aria-invalid', 'true');
      file.focus();
    };
    if (!f) { fail('Choose a CSV or JSON file.'); return; }
    const isJson = /\.json$/i.test(f.name) || /json/i.test(f.type);
    const isCsv = /\.csv$/i.test(f.name) || /csv/i.test(f.type);
    if (!isJson && !isCsv) { fail('The file must be a .csv or .json file.'); return; }
    if (f.size > 10 * 1024 * 1024) { fail('The file is too large (at most 10 MB).'); return; }

    send.disabled = true;
    send.textContent = 'Importing…';
    clear(result);
    result.appendChild(loadingLine(`Importing ${f.name}…`));
    try {
      const text = await f.text();
      const data = await postRaw(ctx, '/api/b2b/import', text, isJson ? 'application/json' : 'text/csv; charset=utf-8');
      showImportResult(result, f.name, data);
    } catch (e) {
      clear(result);
      result.appendChild(h('div', { class: 'form-error', role: 'alert', id: 'b2b-import-error' },
        h('strong', null, 'The file could not be imported. '), errorMessage(e),
        fieldErrorList(e)));
    } finally {
      send.disabled = false;
      send.textContent = 'Upload and import';
    }
  });
}

/** ctx.api always sends JSON; the import sends the file as it is, with the CSRF header. */
async function postRaw(ctx, path, text, contentType) {
  const headers = { Accept: 'application/json, application/problem+json', 'Content-Type': contentType };
  if (ctx.csrfToken) headers['X-CSRF-Token'] = ctx.csrfToken;
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: text });
  } catch {
    throw { status: 0, detail: 'The DanubIA server cannot be reached. Check your connection and try again.' };
  }
  const raw = await res.text();
  let data = null;
  if (raw) {
    try { data = JSON.parse(raw); } catch { data = null; }
  }
  if (!res.ok) {
    const p = data && typeof data === 'object' ? data : {};
    const err = new Error(p.detail || p.title || `Request failed (HTTP ${res.status})`);
    err.status = res.status;
    err.title = p.title || res.statusText;
    err.detail = p.detail || p.title || (res.status === 413 ? 'The file is too large.' : `Request failed (HTTP ${res.status})`);
    err.errors = p.errors || null;
    throw err;
  }
  return data || {};
}

function showImportResult(result, fileName, data) {
  clear(result);
  const stored = typeof data.stored === 'number' ? data.stored : 0;
  const rejected = Array.isArray(data.rejected) ? data.rejected : [];
  result.appendChild(h('section', { class: 'card b2b-import-summary', 'aria-labelledby': 'b2b-import-stored' },
    h('h2', { id: 'b2b-import-stored', 'data-stored': String(stored) }, `Stored ${stored}`),
    h('p', null, `${fileName}: ${stored} ${stored === 1 ? 'profile was' : 'profiles were'} saved as drafts`,
      rejected.length ? `, ${rejected.length} ${rejected.length === 1 ? 'row was' : 'rows were'} rejected.` : '.'),
    stored ? h('p', null, h('a', { class: 'btn btn-secondary btn-small', href: '#/b2b/mine' }, 'Review the drafts in My profiles')) : null,
    rejected.length
      ? h('div', { class: 'table-wrap' },
          h('table', { class: 'data', id: 'b2b-import-rejected', 'data-rejected': String(rejected.length) },
            h('caption', null, 'Rejected rows (line 1 is the header)'),
            h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'num' }, 'Line'), h('th', { scope: 'col' }, 'Reason'))),
            h('tbody', null, rejected.map((r) => h('tr', { 'data-line': r.line },
              h('td', { class: 'num' }, r.line === undefined || r.line === null ? '—' : String(r.line)),
              h('td', null, r.reason || '—'))))))
      : h('p', { class: 'muted', id: 'b2b-import-no-rejects' }, 'No rows were rejected.')));
}
