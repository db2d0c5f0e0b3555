// DanubIA directory module: organisations and clusters of the Danube region.
// Loaded by the web shell with import() and called as render(element, ctx).
// All data is put into the DOM as text (h() from /ui-kit.js); never via innerHTML.

import {
  h, clear, roles, isPlatformAdmin, isAdmin, countryName, formatDate, safeUrl,
  errorMessage, errorPanel, loadingLine, breadcrumbs, options, countryOptions, query, debounce,
  naceTags, nacePicker, NACE_RE,
} from '/ui-kit.js';

const ORG_TYPES = {
  BUSINESS: 'Business',
  RESEARCH: 'Research / university',
  PUBLIC_BODY: 'Public body',
  CIVIL_SOCIETY: 'Civil society',
  CLUSTER_ORGANISATION: 'Cluster organisation',
};
const SIZE_CLASSES = {
  MICRO: 'Micro (fewer than 10 staff)',
  SMALL: 'Small (10–49 staff)',
  MEDIUM: 'Medium (50–249 staff)',
  LARGE: 'Large (250+ staff)',
};
const SIZE_SHORT = { MICRO: 'Micro', SMALL: 'Small', MEDIUM: 'Medium', LARGE: 'Large' };
const VISIBILITY = {
  PUBLIC: 'Public – visible to everyone',
  ASSOCIATION: 'Association – visible to members of the association only',
};
const VISIBILITY_SHORT = { PUBLIC: 'Public', ASSOCIATION: 'Association only' };
const ID_SCHEMES = ['RO-CUI', 'HU-ADO', 'CZ-ICO', 'SK-ICO', 'AT-FN', 'DE-HRB', 'BG-EIK', 'HR-OIB', 'SI-MS', 'RS-MB', 'BA-JIB', 'ME-PIB', 'MD-IDNO', 'UA-EDRPOU', 'EU-VAT', 'EU-PIC'];
const DEFAULT_PAGE_SIZE = 20;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let flash = null;                 // one-shot success message shown after a save
const nutsCache = new Map();      // "RO|2" -> Promise<[{code,name,level,country}]>

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function render(el, ctx) {
  const [section, id, action, ...extra] = ctx.route || [];
  el.classList.add('directory');

  if (!section) {
    return renderList(el, ctx, ctx.params.get('tab') === 'clusters' ? 'clusters' : 'organisations');
  }
  if ((section === 'organisations' || section === 'clusters') && extra.length === 0) {
    if (!id) return renderList(el, ctx, section);
    if (id === 'new' && !action) return renderForm(el, ctx, section, null);
    if (action === 'edit') return renderForm(el, ctx, section, id);
    if (!action) return section === 'organisations' ? renderOrganisation(el, ctx, id) : renderCluster(el, ctx, id);
  }
  el.appendChild(notFoundPanel('Page not found', 'This directory page does not exist.'));
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function canEdit(ctx, record) {
  if (!ctx.user || !record) return false;
  if (isPlatformAdmin(ctx)) return true;
  return roles(ctx).includes('association-admin') && !!ctx.user.associationId && ctx.user.associationId === record.associationId;
}

function websiteLink(value) {
  const href = safeUrl(value);
  if (!href) return value ? String(value) : '—';
  const text = href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
}

function orgHref(id) { return `#/directory/organisations/${encodeURIComponent(id)}`; }
function clusterHref(id) { return `#/directory/clusters/${encodeURIComponent(id)}`; }

function notFoundPanel(title, text) {
  return h('section', { class: 'panel panel-empty', id: 'directory-not-found', role: 'alert' },
    h('h1', null, title),
    h('p', null, text),
    h('p', null, h('a', { class: 'btn btn-secondary', href: '#/directory' }, 'Back to the directory')));
}

function flashNotice() {
  if (!flash) return null;
  const n = h('div', { class: 'notice', role: 'status', id: 'directory-flash' }, flash);
  flash = null;
  return n;
}

// ---------------------------------------------------------------------------
// Reference data (cached)
// ---------------------------------------------------------------------------

function nutsList(ctx, country, level) {
  const key = `${country}|${level}`;
  if (!nutsCache.has(key)) {
    const p = ctx.api(`/api/reference/nuts${query({ country, level })}`)
      .then((l) => (Array.isArray(l) ? l : []))
      .catch(() => { nutsCache.delete(key); return []; });
    nutsCache.set(key, p);
  }
  return nutsCache.get(key);
}

async function nutsName(ctx, code) {
  if (!code || code.length < 3) return '';
  const list = await nutsList(ctx, code.slice(0, 2), code.length - 2);
  const hit = list.find((n) => n.code === code);
  return hit ? hit.name : '';
}

/** "RO11 – Nord-Vest", name filled in asynchronously. */
function nutsText(ctx, code) {
  if (!code) return '—';
  const span = h('span', null, h('span', { class: 'mono' }, code));
  nutsName(ctx, code).then((n) => { if (n) span.appendChild(document.createTextNode(` – ${n}`)); });
  return span;
}

// ---------------------------------------------------------------------------
// List (tabs Organisations | Clusters)
// ---------------------------------------------------------------------------

async function renderList(el, ctx, tab) {
  const isOrg = tab === 'organisations';
  const p = ctx.params;
  const filters = {
    q: p.get('q') || '',
    country: (p.get('country') || '').toUpperCase(),
    type: isOrg ? (p.get('type') || '') : '',
    nace: p.get('nace') || '',
  };
  const pageNo = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  const size = Math.min(100, Math.max(5, parseInt(p.get('size') || String(DEFAULT_PAGE_SIZE), 10) || DEFAULT_PAGE_SIZE));
  document.title = `Directory – ${isOrg ? 'Organisations' : 'Clusters'} – DanubIA`;

  const hashFor = (over) => {
    const merged = { ...filters, page: pageNo, ...over };
    if (!isOrg) delete merged.type;
    if (merged.page === 1) delete merged.page;
    if (size !== DEFAULT_PAGE_SIZE) merged.size = size;
    return (isOrg ? '#/directory' : '#/directory/clusters') + query(merged);
  };

  // Header
  const createBtn = isAdmin(ctx)
    ? h('a', {
        class: 'btn btn-primary',
        id: isOrg ? 'org-create' : 'cluster-create',
        'data-action': 'create',
        href: isOrg ? '#/directory/organisations/new' : '#/directory/clusters/new',
      }, isOrg ? '+ New organisation' : '+ New cluster')
    : null;

  el.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'directory-title' }, 'Directory'),
      h('p', { class: 'subtitle' }, 'Organisations and clusters of the Danube region cluster associations.')),
    h('div', { class: 'actions' }, createBtn)));

  const notice = flashNotice();
  if (notice) el.appendChild(notice);

  // Tabs
  el.appendChild(h('nav', { class: 'tabs', 'aria-label': 'Directory sections' },
    h('a', { class: 'tab' + (isOrg ? ' active' : ''), id: 'tab-organisations', href: '#/directory', 'aria-current': isOrg ? 'page' : null }, 'Organisations'),
    h('a', { class: 'tab' + (!isOrg ? ' active' : ''), id: 'tab-clusters', href: '#/directory/clusters', 'aria-current': !isOrg ? 'page' : null }, 'Clusters')));

  // Search / filters
  const qInput = h('input', { type: 'search', id: 'directory-q', name: 'q', value: filters.q, placeholder: isOrg ? 'Name, city, description…' : 'Cluster name, description…' });
  const countrySel = h('select', { id: 'directory-country', name: 'country' }, countryOptions(filters.country, 'All countries'));
  const typeSel = isOrg ? h('select', { id: 'directory-type', name: 'type' }, options(ORG_TYPES, filters.type, 'All types')) : null;
  const naceInput = h('input', { type: 'text', id: 'directory-nace', name: 'nace', value: filters.nace, placeholder: 'e.g. 62.01', 'aria-describedby': 'directory-nace-error', autocomplete: 'off' });
  const naceErr = h('p', { class: 'field-error', id: 'directory-nace-error', hidden: true });

  const form = h('form', { class: 'toolbar', id: 'directory-search', role: 'search', 'aria-label': isOrg ? 'Search organisations' : 'Search clusters', novalidate: true },
    h('div', { class: 'field field-grow' }, h('label', { for: 'directory-q' }, 'Search'), qInput),
    h('div', { class: 'field' }, h('label', { for: 'directory-country' }, 'Country'), countrySel),
    typeSel ? h('div', { class: 'field' }, h('label', { for: 'directory-type' }, 'Type'), typeSel) : null,
    h('div', { class: 'field' }, h('label', { for: 'directory-nace' }, isOrg ? 'NACE code' : 'Sector (NACE)'), naceInput, naceErr),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'directory-search-submit' }, 'Search'),
      (filters.q || filters.country || filters.type || filters.nace)
        ? h('a', { class: 'btn btn-secondary', id: 'directory-reset', href: isOrg ? '#/directory' : '#/directory/clusters' }, 'Clear')
        : null));

  naceInput.addEventListener('input', () => { naceErr.hidden = true; naceInput.removeAttribute('aria-invalid'); });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const nace = naceInput.value.trim();
    if (nace && !NACE_RE.test(nace)) {
      naceErr.textContent = 'Use a NACE code such as 62 or 62.01.';
      naceErr.hidden = false;
      naceInput.setAttribute('aria-invalid', 'true');
      naceInput.focus();
      return;
    }
    filters.q = qInput.value.trim();
    filters.country = countrySel.value;
    if (typeSel) filters.type = typeSel.value;
    filters.nace = nace;
    ctx.navigate(hashFor({ page: 1 }));
  });
  // Selecting a filter applies it at once.
  for (const sel of [countrySel, typeSel]) {
    if (sel) sel.addEventListener('change', () => form.requestSubmit());
  }
  el.appendChild(form);

  const status = h('p', { class: 'pager-info', id: 'directory-result-status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { id: 'directory-results' }, loadingLine(isOrg ? 'Loading organisations…' : 'Loading clusters…'));
  el.appendChild(results);

  let data;
  try {
    const path = isOrg ? '/api/organisations' : '/api/clusters';
    data = await ctx.api(path + query({ ...filters, type: isOrg ? filters.type : '', page: pageNo - 1, size }));
  } catch (e) {
    clear(results);
    results.appendChild(errorPanel(e, 'directory-error'));
    return;
  }
  const items = (data && Array.isArray(data.items)) ? data.items : [];
  const total = typeof data?.total === 'number' ? data.total : items.length;
  const page = typeof data?.page === 'number' ? data.page : pageNo - 1;
  const pageSize = typeof data?.size === 'number' && data.size > 0 ? data.size : size;

  clear(results);
  if (!items.length) {
    const filtered = filters.q || filters.country || filters.type || filters.nace;
    results.appendChild(h('div', { class: 'table-wrap' },
      h('div', { class: 'table-empty', id: 'directory-empty' },
        h('p', null, filtered
          ? `No ${isOrg ? 'organisations' : 'clusters'} match your search.`
          : `There are no ${isOrg ? 'organisations' : 'clusters'} in the directory yet.`),
        filtered ? h('a', { href: isOrg ? '#/directory' : '#/directory/clusters' }, 'Clear the filters') : null)));
    if (total > 0 && page > 0) {
      results.appendChild(h('p', null, h('a', { href: hashFor({ page: 1 }) }, 'Go to the first page')));
    }
    return;
  }

  results.appendChild(h('div', { class: 'table-wrap' }, isOrg ? orgTable(ctx, items) : clusterTable(ctx, items)));

  const from = page * pageSize + 1;
  const to = page * pageSize + items.length;
  status.textContent = `Showing ${from}–${to} of ${total} ${isOrg ? (total === 1 ? 'organisation' : 'organisations') : (total === 1 ? 'cluster' : 'clusters')}`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const prev = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'pager-prev', 'aria-label': 'Previous page', disabled: page <= 0 },
    '‹ Previous');
  const next = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'pager-next', 'aria-label': 'Next page', disabled: page + 1 >= pages },
    'Next ›');
  prev.addEventListener('click', () => ctx.navigate(hashFor({ page: page })));       // page is 0-based: previous 1-based = page
  next.addEventListener('click', () => ctx.navigate(hashFor({ page: page + 2 })));
  results.appendChild(h('nav', { class: 'pager', id: 'directory-pager', 'aria-label': 'Pagination', 'data-page': page, 'data-total': total },
    status,
    h('div', { class: 'pager-controls' },
      prev,
      h('span', { class: 'pager-page', id: 'pager-current' }, `Page ${page + 1} of ${pages}`),
      next)));
}

function orgTable(ctx, items) {
  return h('table', { class: 'data', id: 'org-table' },
    h('caption', { class: 'visually-hidden' }, 'Organisations'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Type'),
      h('th', { scope: 'col' }, 'Country'),
      h('th', { scope: 'col' }, 'Region'),
      h('th', { scope: 'col' }, 'Activities (NACE)'),
      h('th', { scope: 'col' }, 'Size'))),
    h('tbody', null, items.map((o) => h('tr', { 'data-org-id': o.id },
      h('td', null,
        h('a', { href: orgHref(o.id) }, o.name || '(unnamed)'),
        o.visibility === 'ASSOCIATION' ? h('span', { class: 'badge badge-inline', title: VISIBILITY[o.visibility] }, 'Association only') : null,
        o.city ? h('div', { class: 'muted small' }, o.city) : null),
      h('td', null, ORG_TYPES[o.type] || o.type || '—'),
      h('td', null, h('abbr', { title: countryName(o.country) }, o.country || '—')),
      h('td', { class: 'mono' }, o.nutsCode || '—'),
      h('td', null, codesSummary(o.naceCodes)),
      h('td', null, SIZE_SHORT[o.sizeClass] || '—')))));
}

function clusterTable(ctx, items) {
  return h('table', { class: 'data', id: 'cluster-table' },
    h('caption', { class: 'visually-hidden' }, 'Clusters'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Country'),
      h('th', { scope: 'col' }, 'Region'),
      h('th', { scope: 'col' }, 'Sectors (NACE)'),
      h('th', { scope: 'col', class: 'num' }, 'Members'))),
    h('tbody', null, items.map((c) => h('tr', { 'data-cluster-id': c.id },
      h('td', null,
        h('a', { href: clusterHref(c.id) }, c.name || '(unnamed)'),
        c.visibility === 'ASSOCIATION' ? h('span', { class: 'badge badge-inline', title: VISIBILITY[c.visibility] }, 'Association only') : null),
      h('td', null, h('abbr', { title: countryName(c.country) }, c.country || '—')),
      h('td', { class: 'mono' }, c.nutsCode || '—'),
      h('td', null, codesSummary(c.sectors)),
      h('td', { class: 'num' }, typeof c.memberCount === 'number' ? String(c.memberCount) : '—')))));
}

function codesSummary(codes) {
  if (!codes || !codes.length) return '—';
  const shown = codes.slice(0, 3).join(', ');
  return h('span', { class: 'mono', title: codes.join(', ') }, codes.length > 3 ? `${shown} +${codes.length - 3}` : shown);
}

// ---------------------------------------------------------------------------
// Organisation detail
// ---------------------------------------------------------------------------

async function renderOrganisation(el, ctx, id) {
  el.appendChild(loadingLine('Loading organisation…'));
  let org;
  try {
    org = await ctx.api(`/api/organisations/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(el);
    if (e && e.status === 404) el.appendChild(notFoundPanel('Organisation not found', 'This organisation does not exist or is not visible to you.'));
    else el.appendChild(errorPanel(e, 'directory-error'));
    return;
  }
  clear(el);
  document.title = `${org.name} – Directory – DanubIA`;

  el.appendChild(breadcrumbs([['Directory', '#/directory'], ['Organisations', '#/directory'], [org.name || 'Organisation']]));
  const notice = flashNotice();
  el.appendChild(h('div', { class: 'page-header', id: 'org-detail', 'data-org-id': org.id },
    h('div', null,
      h('h1', { id: 'org-name' }, org.name || '(unnamed)'),
      h('p', { class: 'subtitle' },
        [ORG_TYPES[org.type] || org.type, org.city, countryName(org.country)].filter(Boolean).join(' · '))),
    h('div', { class: 'actions' },
      h('span', { class: org.visibility === 'PUBLIC' ? 'badge badge-ok' : 'badge badge-info', title: VISIBILITY[org.visibility] || '' },
        VISIBILITY_SHORT[org.visibility] || org.visibility || ''),
      canEdit(ctx, org)
        ? h('a', { class: 'btn btn-primary', id: 'org-edit', href: `${orgHref(org.id)}/edit` }, 'Edit')
        : null)));
  if (notice) el.appendChild(notice);

  const ids = Array.isArray(org.nationalIds) && org.nationalIds.length
    ? h('ul', { class: 'plain-list' }, org.nationalIds.map((n) => h('li', null,
        h('span', { class: 'muted' }, `${n.scheme || 'ID'}: `), h('span', { class: 'mono' }, n.value || ''))))
    : '—';

  el.appendChild(h('div', { class: 'detail-grid' },
    h('section', { class: 'card', 'aria-labelledby': 'org-profile-title' },
      h('h2', { id: 'org-profile-title' }, 'Profile'),
      org.description ? h('p', { class: 'prose', id: 'org-description' }, org.description) : h('p', { class: 'muted' }, 'No description yet.'),
      h('dl', { class: 'kv' },
        h('dt', null, 'Type'), h('dd', null, ORG_TYPES[org.type] || org.type || '—'),
        h('dt', null, 'Size'), h('dd', null, SIZE_CLASSES[org.sizeClass] || '—'),
        h('dt', null, 'Activities'), h('dd', null, naceTags(ctx, org.naceCodes)),
        h('dt', null, 'Website'), h('dd', null, websiteLink(org.website)))),
    h('div', null,
      h('section', { class: 'card', 'aria-labelledby': 'org-location-title' },
        h('h2', { id: 'org-location-title' }, 'Location'),
        h('dl', { class: 'kv' },
          h('dt', null, 'Country'), h('dd', null, org.country ? `${countryName(org.country)} (${org.country})` : '—'),
          h('dt', null, 'Region'), h('dd', null, nutsText(ctx, org.nutsCode)),
          h('dt', null, 'City'), h('dd', null, org.city || '—'))),
      h('section', { class: 'card', 'aria-labelledby': 'org-ids-title' },
        h('h2', { id: 'org-ids-title' }, 'Identifiers'),
        ids),
      h('section', { class: 'card', 'aria-labelledby': 'org-record-title' },
        h('h2', { id: 'org-record-title' }, 'Record'),
        h('dl', { class: 'kv small' },
          h('dt', null, 'Visibility'), h('dd', null, VISIBILITY[org.visibility] || org.visibility || '—'),
          h('dt', null, 'Created'), h('dd', null, formatDate(org.createdAt)),
          h('dt', null, 'Updated'), h('dd', null, formatDate(org.updatedAt)))))));

  el.appendChild(activitySection(ctx, org));
}

/**
 * The organisation's activity in every installed cooperation mode (B2B, C2C, C2B, RDI ...): one
 * block per mode the server lists; a mode that is not installed is simply not there.
 */
function activitySection(ctx, org) {
  const body = h('div', { id: 'org-activity-body' }, loadingLine('Loading activity…'));
  const section = h('section', { class: 'card', id: 'org-activity', 'aria-labelledby': 'org-activity-title' },
    h('h2', { id: 'org-activity-title' }, 'Activity'), body);
  ctx.api(`/api/organisations/${encodeURIComponent(org.id)}/activity`).then((modes) => {
    clear(body);
    if (!Array.isArray(modes) || !modes.length) {
      body.appendChild(h('p', { class: 'muted' }, 'No cooperation module is installed.'));
      return;
    }
    for (const m of modes) {
      const items = Array.isArray(m.items) ? m.items : [];
      body.appendChild(h('section', { class: 'activity-mode', 'data-mode': m.mode },
        h('h3', null, m.label || m.mode),
        items.length
          ? h('ul', { class: 'plain-list' }, items.map((i) => h('li', { 'data-status': i.status || '' },
              h('span', { class: 'muted' }, `${i.kind || ''}: `),
              safeHash(i.href) ? h('a', { href: i.href }, i.title || '(untitled)') : h('span', null, i.title || '(untitled)'),
              i.status ? h('span', { class: 'badge badge-inline' }, i.status) : null,
              i.at ? h('span', { class: 'muted small' }, ` ${formatDate(i.at)}`) : null)))
          : h('p', { class: 'muted' }, 'Nothing you can see here.')));
    }
  }).catch((e) => { clear(body); body.appendChild(errorPanel(e, 'org-activity-error')); });
  return section;
}

/** Only in-app links from the modes: never a javascript: or external URL in an href. */
function safeHash(href) {
  return typeof href === 'string' && /^#\/[\w\-/?=&%.]*$/.test(href);
}

// ---------------------------------------------------------------------------
// Cluster detail with members
// ---------------------------------------------------------------------------

async function renderCluster(el, ctx, id) {
  el.appendChild(loadingLine('Loading cluster…'));
  let cluster;
  try {
    cluster = await ctx.api(`/api/clusters/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(el);
    if (e && e.status === 404) el.appendChild(notFoundPanel('Cluster not found', 'This cluster does not exist or is not visible to you.'));
    else el.appendChild(errorPanel(e, 'directory-error'));
    return;
  }
  clear(el);
  document.title = `${cluster.name} – Directory – DanubIA`;
  const editable = canEdit(ctx, cluster);

  el.appendChild(breadcrumbs([['Directory', '#/directory'], ['Clusters', '#/directory/clusters'], [cluster.name || 'Cluster']]));
  const notice = flashNotice();
  el.appendChild(h('div', { class: 'page-header', id: 'cluster-detail', 'data-cluster-id': cluster.id },
    h('div', null,
      h('h1', { id: 'cluster-name' }, cluster.name || '(unnamed)'),
      h('p', { class: 'subtitle' }, ['Cluster', countryName(cluster.country)].filter(Boolean).join(' · '))),
    h('div', { class: 'actions' },
      h('span', { class: cluster.visibility === 'PUBLIC' ? 'badge badge-ok' : 'badge badge-info', title: VISIBILITY[cluster.visibility] || '' },
        VISIBILITY_SHORT[cluster.visibility] || cluster.visibility || ''),
      editable ? h('a', { class: 'btn btn-primary', id: 'cluster-edit', href: `${clusterHref(cluster.id)}/edit` }, 'Edit') : null)));
  if (notice) el.appendChild(notice);

  const managing = h('span', null, cluster.managingOrganisationId ? '…' : '—');
  if (cluster.managingOrganisationId) {
    ctx.api(`/api/organisations/${encodeURIComponent(cluster.managingOrganisationId)}`)
      .then((o) => { clear(managing); managing.appendChild(h('a', { href: orgHref(o.id), id: 'cluster-managing-org' }, o.name)); })
      .catch(() => { clear(managing); managing.appendChild(h('a', { href: orgHref(cluster.managingOrganisationId) }, 'View organisation')); });
  }
  const memberCount = h('span', { id: 'cluster-member-count' }, typeof cluster.memberCount === 'number' ? String(cluster.memberCount) : '—');

  const membersBody = h('div', { id: 'cluster-members-body' }, loadingLine('Loading members…'));
  const membersCard = h('section', { class: 'card', id: 'cluster-members-card', 'aria-labelledby': 'cluster-members-title' },
    h('h2', { id: 'cluster-members-title' }, 'Members'),
    membersBody);

  el.appendChild(h('div', { class: 'detail-grid' },
    h('div', null,
      h('section', { class: 'card', 'aria-labelledby': 'cluster-profile-title' },
        h('h2', { id: 'cluster-profile-title' }, 'Profile'),
        cluster.description ? h('p', { class: 'prose', id: 'cluster-description' }, cluster.description) : h('p', { class: 'muted' }, 'No description yet.'),
        h('dl', { class: 'kv' },
          h('dt', null, 'Sectors'), h('dd', null, naceTags(ctx, cluster.sectors)),
          h('dt', null, 'Managing organisation'), h('dd', null, managing),
          h('dt', null, 'Website'), h('dd', null, websiteLink(cluster.website)))),
      membersCard),
    h('div', null,
      h('section', { class: 'card', 'aria-labelledby': 'cluster-location-title' },
        h('h2', { id: 'cluster-location-title' }, 'Location'),
        h('dl', { class: 'kv' },
          h('dt', null, 'Country'), h('dd', null, cluster.country ? `${countryName(cluster.country)} (${cluster.country})` : '—'),
          h('dt', null, 'Region'), h('dd', null, nutsText(ctx, cluster.nutsCode)))),
      h('section', { class: 'card', 'aria-labelledby': 'cluster-record-title' },
        h('h2', { id: 'cluster-record-title' }, 'Record'),
        h('dl', { class: 'kv small' },
          h('dt', null, 'Members'), h('dd', null, memberCount),
          h('dt', null, 'Visibility'), h('dd', null, VISIBILITY[cluster.visibility] || cluster.visibility || '—'),
          h('dt', null, 'Created'), h('dd', null, formatDate(cluster.createdAt)),
          h('dt', null, 'Updated'), h('dd', null, formatDate(cluster.updatedAt)))))));

  const membersStatus = h('div', { id: 'cluster-members-status', role: 'status', 'aria-live': 'polite', class: 'visually-hidden' });
  membersCard.appendChild(membersStatus);

  const loadMembers = async () => {
    let members;
    try {
      members = await ctx.api(`/api/clusters/${encodeURIComponent(cluster.id)}/members`);
    } catch (e) {
      clear(membersBody);
      membersBody.appendChild(h('p', { class: 'form-error', role: 'alert' }, errorMessage(e)));
      return;
    }
    members = Array.isArray(members) ? members : (members && Array.isArray(members.items) ? members.items : []);
    memberCount.textContent = String(members.length);
    clear(membersBody);
    if (!members.length) {
      membersBody.appendChild(h('p', { class: 'muted', id: 'cluster-members-empty' }, 'This cluster has no members yet.'));
    } else {
      membersBody.appendChild(h('div', { class: 'table-wrap' },
        h('table', { class: 'data', id: 'cluster-members' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, 'Organisation'),
            h('th', { scope: 'col' }, 'Member since'),
            editable ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')) : null)),
          h('tbody', null, members.map((m) => h('tr', { 'data-member-id': m.organisationId },
            h('td', null, h('a', { href: orgHref(m.organisationId) }, m.organisationName || m.organisationId)),
            h('td', null, formatDate(m.since)),
            editable ? h('td', { class: 'num' },
              h('button', {
                type: 'button', class: 'btn btn-danger btn-small', 'data-remove-member': m.organisationId,
                'aria-label': `Remove ${m.organisationName || 'organisation'} from the cluster`,
                onclick: (ev) => removeMember(m, ev.currentTarget),
              }, 'Remove')) : null))))));
    }
  };

  const removeMember = async (m, btn) => {
    if (!window.confirm(`Remove ${m.organisationName || 'this organisation'} from ${cluster.name}?`)) return;
    btn.disabled = true;
    try {
      await ctx.api(`/api/clusters/${encodeURIComponent(cluster.id)}/members/${encodeURIComponent(m.organisationId)}`, { method: 'DELETE' });
      membersStatus.textContent = `${m.organisationName || 'Organisation'} removed.`;
      await loadMembers();
    } catch (e) {
      btn.disabled = false;
      window.alert(errorMessage(e));
    }
  };

  if (editable) {
    const addError = h('p', { class: 'field-error', id: 'member-add-error', hidden: true, role: 'alert' });
    const picker = orgPicker(ctx, { id: 'member-add-search', describedBy: 'member-add-error' });
    const addBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'member-add-submit' }, 'Add member');
    const addForm = h('form', { class: 'form member-add', id: 'member-add-form', novalidate: true, 'aria-labelledby': 'member-add-title' },
      h('h3', { id: 'member-add-title' }, 'Add a member'),
      h('div', { class: 'field' },
        h('label', { for: 'member-add-search' }, 'Organisation'),
        picker.element,
        h('p', { class: 'hint' }, 'Search the directory by name and choose an organisation.'),
        addError),
      h('div', { class: 'form-actions' }, addBtn));
    addForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      addError.hidden = true;
      const orgId = picker.value();
      if (!orgId) {
        addError.textContent = 'Choose an organisation first.';
        addError.hidden = false;
        picker.focus();
        return;
      }
      addBtn.disabled = true;
      try {
        await ctx.api(`/api/clusters/${encodeURIComponent(cluster.id)}/members/${encodeURIComponent(orgId)}`, { method: 'PUT', body: {} });
        membersStatus.textContent = `${picker.label() || 'Organisation'} added.`;
        picker.reset();
        await loadMembers();
      } catch (e) {
        addError.textContent = e && e.errors ? Object.values(e.errors).join(' ') || errorMessage(e) : errorMessage(e);
        addError.hidden = false;
      } finally {
        addBtn.disabled = false;
      }
    });
    membersCard.appendChild(addForm);
  }

  await loadMembers();
}

// ---------------------------------------------------------------------------
// Pickers
// ---------------------------------------------------------------------------

/** Search-as-you-type organisation chooser. */
function orgPicker(ctx, { id, initialId = null, initialName = '', describedBy = null, onChange = null }) {
  let selectedId = initialId;
  let selectedName = initialName;
  let seq = 0;
  const root = h('div', { class: 'picker', 'data-picker': 'organisation' });
  const input = h('input', {
    type: 'search', id, autocomplete: 'off', placeholder: 'Type at least 2 letters…',
    'aria-describedby': describedBy, 'aria-controls': `${id}-results`, 'aria-autocomplete': 'list',
  });
  const results = h('ul', { class: 'picker-results', id: `${id}-results`, hidden: true });
  const selected = h('div', { class: 'picker-selected', hidden: true });

  const show = () => {
    clear(selected);
    if (selectedId) {
      selected.appendChild(h('span', { class: 'tag', 'data-selected-org': selectedId }, selectedName || selectedId));
      selected.appendChild(h('button', {
        type: 'button', class: 'btn btn-link', 'aria-label': 'Choose a different organisation',
        onclick: () => { set(null, ''); input.focus(); },
      }, 'Change'));
      selected.hidden = false;
      input.hidden = true;
      results.hidden = true;
    } else {
      selected.hidden = true;
      input.hidden = false;
    }
  };
  const set = (newId, name) => {
    selectedId = newId;
    selectedName = name;
    show();
    if (onChange) onChange(newId);
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
    const items = data && Array.isArray(data.items) ? data.items : [];
    clear(results);
    if (!items.length) results.appendChild(h('li', { class: 'picker-empty' }, 'No organisation found.'));
    for (const o of items) {
      results.appendChild(h('li', null, h('button', {
        type: 'button', 'data-org-option': o.id,
        onclick: () => { input.value = ''; set(o.id, o.name); },
      }, h('span', null, o.name), h('span', { class: 'muted small' }, [o.city, o.country].filter(Boolean).join(', ')))));
    }
    results.hidden = false;
  }, 250);

  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = results.querySelector('button');
      if (first) { ev.preventDefault(); first.focus(); }
    } else if (ev.key === 'Escape') {
      results.hidden = true;
    } else if (ev.key === 'Enter') {
      const first = results.querySelector('button');
      ev.preventDefault();
      if (first && !results.hidden) first.click();
    }
  });
  results.addEventListener('keydown', (ev) => {
    const buttons = [...results.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' && i >= 0 && i < buttons.length - 1) { ev.preventDefault(); buttons[i + 1].focus(); }
    if (ev.key === 'ArrowUp') { ev.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
    if (ev.key === 'Escape') { results.hidden = true; input.focus(); }
  });

  root.append(selected, input, results);
  show();
  if (initialId && !initialName) {
    ctx.api(`/api/organisations/${encodeURIComponent(initialId)}`)
      .then((o) => { if (selectedId === initialId) { selectedName = o.name; show(); } })
      .catch(() => {});
  }
  return {
    element: root,
    input,
    value: () => selectedId,
    label: () => selectedName,
    reset: () => set(null, ''),
    focus: () => (selectedId ? selected.querySelector('button') : input).focus(),
  };
}

/** NUTS region select that follows the chosen country. */
function nutsSelect(ctx, { id, country, value, describedBy = null }) {
  const select = h('select', { id, 'aria-describedby': describedBy });
  let current = value || '';
  let seq = 0;
  const load = async (c) => {
    const mySeq = ++seq;
    clear(select);
    if (!c) {
      select.appendChild(h('option', { value: '' }, 'Choose a country first'));
      select.disabled = true;
      return;
    }
    select.disabled = true;
    select.appendChild(h('option', { value: '' }, 'Loading regions…'));
    const [l2, l3] = await Promise.all([nutsList(ctx, c, 2), nutsList(ctx, c, 3)]);
    if (mySeq !== seq) return;
    clear(select);
    select.appendChild(h('option', { value: '' }, '— Not specified —'));
    const all = [...l2, ...l3].filter((n) => n && n.code).sort((a, b) => a.code.localeCompare(b.code));
    let found = false;
    for (const n of all) {
      const indent = n.level >= 3 || n.code.length > 4 ? '\u2003' : '';
      const o = h('option', { value: n.code }, `${indent}${n.code} – ${n.name || ''}`);
      if (n.code === current) { o.selected = true; found = true; }
      select.appendChild(o);
    }
    if (current && !found && current.startsWith(c)) {
      const o = h('option', { value: current }, current);
      o.selected = true;
      select.appendChild(o);
    }
    select.disabled = false;
  };
  select.addEventListener('change', () => { current = select.value; });
  load(country);
  return {
    element: select,
    value: () => (select.disabled ? (current && country && current.startsWith(country) ? current : '') : select.value),
    setCountry: (c) => { country = c; load(c); },
  };
}

// ---------------------------------------------------------------------------
// Forms (create / edit)
// ---------------------------------------------------------------------------

/** Keeps the field -> error slot mapping of one form and shows server errors. */
function formKit(prefix) {
  const fields = new Map();
  const summary = h('div', { class: 'form-error', id: 'form-error', role: 'alert', hidden: true, tabindex: '-1' });

  const field = (key, label, control, { hint, required, focus } = {}) => {
    const errId = `${prefix}-${key}-error`;
    const hintId = hint ? `${prefix}-${key}-hint` : null;
    const target = focus || control;
    const described = [hintId, errId].filter(Boolean).join(' ');
    if (target.setAttribute) target.setAttribute('aria-describedby', described);
    if (required && target.setAttribute) target.setAttribute('aria-required', 'true');
    const err = h('p', { class: 'field-error', id: errId, hidden: true, 'data-error-for': key });
    fields.set(key, { target, err, label });
    return h('div', { class: 'field', 'data-field': key },
      h('label', { for: target.id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      control,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
      err);
  };

  const clearErrors = () => {
    summary.hidden = true;
    clear(summary);
    for (const el of summary.parentNode ? summary.parentNode.querySelectorAll('[aria-invalid]') : []) el.removeAttribute('aria-invalid');
    for (const { target, err } of fields.values()) {
      err.hidden = true;
      err.textContent = '';
      target.removeAttribute('aria-invalid');
    }
  };

  /** errors: {fieldKey: message}. Keys like "nationalIds[0].value" map to "nationalIds". */
  const showErrors = (detail, errors) => {
    clearErrors();
    const byField = new Map();
    const unmatched = [];
    for (const [rawKey, rawMsg] of Object.entries(errors || {})) {
      const msg = Array.isArray(rawMsg) ? rawMsg.join(' ') : String(rawMsg);
      const key = fields.has(rawKey) ? rawKey : rawKey.split(/[.[]/)[0];
      if (fields.has(key)) {
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
      f.target.setAttribute('aria-invalid', 'true');
      if (!first) first = f.target;
      for (const rawKey of Object.keys(errors || {})) {
        if (rawKey.split(/[.[]/)[0] !== key) continue;
        const exact = kit.locate && kit.locate(rawKey);
        if (exact) {
          f.target.removeAttribute('aria-invalid');
          exact.setAttribute('aria-invalid', 'true');
          if (first === f.target) first = exact;
        }
      }
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

  const kit = { field, clearErrors, showErrors, summary, fields, locate: null };
  return kit;
}

async function renderForm(el, ctx, section, id) {
  const isOrg = section === 'organisations';
  const noun = isOrg ? 'organisation' : 'cluster';
  let record = null;

  if (!ctx.user) {
    el.appendChild(h('section', { class: 'panel narrow', id: 'directory-login-required', role: 'alert' },
      h('h1', null, 'Sign in required'),
      h('p', null, `You need to sign in as an association administrator to ${id ? 'edit' : 'create'} ${isOrg ? 'an organisation' : 'a cluster'}.`),
      h('p', null, h('a', { class: 'btn btn-primary', href: '#/login' }, 'Sign in'))));
    return;
  }

  if (id) {
    el.appendChild(loadingLine(`Loading ${noun}…`));
    try {
      record = await ctx.api(`/api/${section}/${encodeURIComponent(id)}`);
    } catch (e) {
      clear(el);
      if (e && e.status === 404) el.appendChild(notFoundPanel(`${isOrg ? 'Organisation' : 'Cluster'} not found`, `This ${noun} does not exist or is not visible to you.`));
      else el.appendChild(errorPanel(e, 'directory-error'));
      return;
    }
    clear(el);
  }

  const allowed = id ? canEdit(ctx, record) : isAdmin(ctx);
  if (!allowed) {
    el.appendChild(h('section', { class: 'panel narrow', id: 'directory-forbidden', role: 'alert' },
      h('h1', null, 'Not allowed'),
      h('p', null, id
        ? `Only administrators of the ${noun}'s association can edit it.`
        : `Only association administrators can add ${noun}s to the directory.`),
      h('p', null, h('a', { class: 'btn btn-secondary', href: id ? `#/directory/${section}/${encodeURIComponent(id)}` : '#/directory' }, 'Back'))));
    return;
  }

  const title = id ? `Edit ${record.name}` : (isOrg ? 'New organisation' : 'New cluster');
  document.title = `${title} – Directory – DanubIA`;
  const backHref = id ? `#/directory/${section}/${encodeURIComponent(id)}` : (isOrg ? '#/directory' : '#/directory/clusters');

  el.appendChild(breadcrumbs([
    ['Directory', '#/directory'],
    [isOrg ? 'Organisations' : 'Clusters', isOrg ? '#/directory' : '#/directory/clusters'],
    ...(id ? [[record.name, backHref]] : []),
    [id ? 'Edit' : 'New'],
  ]));
  el.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'directory-form-title' }, title),
      h('p', { class: 'subtitle' }, 'Fields marked * are required.'))));

  const prefix = isOrg ? 'org' : 'cluster';
  const kit = formKit(prefix);
  const r = record || {};

  // Shared controls
  const name = h('input', { type: 'text', id: `${prefix}-name`, name: 'name', value: r.name || '', maxlength: '200', autocomplete: 'organization' });
  const country = h('select', { id: `${prefix}-country`, name: 'country' }, countryOptions(r.country || '', 'Choose a country'));
  const nuts = nutsSelect(ctx, { id: `${prefix}-nuts`, country: r.country || '', value: r.nutsCode || '' });
  country.addEventListener('change', () => nuts.setCountry(country.value));
  const website = h('input', { type: 'url', id: `${prefix}-website`, name: 'website', value: r.website || '', placeholder: 'https://', inputmode: 'url' });
  website.addEventListener('blur', () => {
    const v = website.value.trim();
    if (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+/.test(v)) website.value = `https://${v}`;
  });
  const description = h('textarea', { id: `${prefix}-description`, name: 'description', rows: '6', maxlength: '5000' });
  description.value = r.description || '';
  const visibility = h('select', { id: `${prefix}-visibility`, name: 'visibility' }, options(VISIBILITY, r.visibility || 'PUBLIC'));
  const nace = nacePicker(ctx, { id: isOrg ? 'org-nace' : 'cluster-sectors', values: isOrg ? r.naceCodes : r.sectors,
    placeholder: 'Search an activity, e.g. software, or type a code' });

  const assocNeeded = !id && isPlatformAdmin(ctx);
  const assoc = assocNeeded
    ? h('input', { type: 'text', id: `${prefix}-association`, name: 'associationId', value: ctx.user.associationId || '', placeholder: '00000000-0000-0000-0000-000000000000', spellcheck: 'false', class: 'mono' })
    : null;

  // Organisation-only controls
  let type, city, sizeClass, idsBox, idRows;
  // Cluster-only controls
  let managing;

  const sections = [];
  if (isOrg) {
    type = h('select', { id: 'org-type', name: 'type' }, options(ORG_TYPES, r.type || '', 'Choose a type'));
    city = h('input', { type: 'text', id: 'org-city', name: 'city', value: r.city || '', autocomplete: 'address-level2' });
    sizeClass = h('select', { id: 'org-size', name: 'sizeClass' }, options(SIZE_CLASSES, r.sizeClass || '', '— Not specified —'));

    idRows = [];
    idsBox = h('div', { class: 'repeat', id: 'org-national-ids' });
    const schemesList = h('datalist', { id: 'org-id-schemes' }, ID_SCHEMES.map((s) => h('option', { value: s })));
    const addIdRow = (scheme = '', value = '', focus = false) => {
      const n = idRows.length;
      const sch = h('input', { type: 'text', list: 'org-id-schemes', value: scheme, placeholder: 'Scheme, e.g. RO-CUI', 'aria-label': `Identifier ${n + 1} scheme`, 'data-id-scheme': '' });
      const val = h('input', { type: 'text', value, placeholder: 'Value', 'aria-label': `Identifier ${n + 1} value`, 'data-id-value': '' });
      const row = h('div', { class: 'repeat-row' }, sch, val);
      const entry = { row, sch, val };
      row.appendChild(h('button', {
        type: 'button', class: 'btn btn-secondary', 'aria-label': `Remove identifier ${n + 1}`,
        onclick: () => { idRows.splice(idRows.indexOf(entry), 1); row.remove(); addBtn.focus(); },
      }, 'Remove'));
      idRows.push(entry);
      idsBox.insertBefore(row, addBtn);
      if (focus) sch.focus();
    };
    kit.locate = (rawKey) => {
      const m = /^nationalIds\[(\d+)\](?:\.(scheme|value))?$/.exec(rawKey);
      if (!m) return null;
      const rows = idRows.filter(({ sch, val }) => sch.value.trim() || val.value.trim());
      const row = rows[Number(m[1])];
      return row ? (m[2] === 'scheme' ? row.sch : row.val) : null;
    };
    const addBtn = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'org-add-national-id', onclick: () => addIdRow('', '', true) }, '+ Add identifier');
    idsBox.append(schemesList, addBtn);
    for (const n of (r.nationalIds || [])) addIdRow(n.scheme || '', n.value || '');
    if (!idRows.length) addIdRow();

    sections.push(
      h('fieldset', { class: 'form-section' },
        h('legend', null, 'Organisation'),
        kit.field('name', 'Name', name, { required: true }),
        h('div', { class: 'form-row' },
          kit.field('type', 'Type', type, { required: true }),
          kit.field('sizeClass', 'Size', sizeClass, { hint: 'Number of staff, EU SME definition.' })),
        kit.field('naceCodes', 'Activities (NACE Rev. 2)', nace.element, { focus: nace.input, hint: 'Search by keyword and pick one or more codes. Press Enter to add a typed code such as 62.01.' }),
        kit.field('description', 'Description', description, { hint: 'What the organisation does and what cooperation it is looking for.' }),
        kit.field('website', 'Website', website)),
      h('fieldset', { class: 'form-section' },
        h('legend', null, 'Location'),
        h('div', { class: 'form-row' },
          kit.field('country', 'Country', country, { required: true }),
          kit.field('nutsCode', 'Region (NUTS)', nuts.element),
          kit.field('city', 'City', city))),
      h('fieldset', { class: 'form-section' },
        h('legend', null, 'Identifiers'),
        kit.field('nationalIds', 'National registration numbers', idsBox, {
          focus: idRows[0] ? idRows[0].sch : addBtn,
          hint: 'For example the company registration or tax number; used to avoid duplicate entries.',
        })));
  } else {
    managing = orgPicker(ctx, { id: 'cluster-managing', initialId: r.managingOrganisationId || null });
    sections.push(
      h('fieldset', { class: 'form-section' },
        h('legend', null, 'Cluster'),
        kit.field('name', 'Name', name, { required: true }),
        kit.field('sectors', 'Sectors (NACE Rev. 2)', nace.element, { focus: nace.input, hint: 'Search by keyword and pick one or more codes. Press Enter to add a typed code such as 29.10.' }),
        kit.field('managingOrganisationId', 'Managing organisation', managing.element, { focus: managing.input, hint: 'The cluster management organisation, if it is in the directory.' }),
        kit.field('description', 'Description', description),
        kit.field('website', 'Website', website)),
      h('fieldset', { class: 'form-section' },
        h('legend', null, 'Location'),
        h('div', { class: 'form-row' },
          kit.field('country', 'Country', country, { required: true }),
          kit.field('nutsCode', 'Region (NUTS)', nuts.element))));
  }

  sections.push(h('fieldset', { class: 'form-section' },
    h('legend', null, 'Visibility'),
    kit.field('visibility', 'Who can see this entry', visibility),
    assoc ? kit.field('associationId', 'Association ID', assoc, {
      required: !ctx.user.associationId,
      hint: 'Platform administrators: the association this entry belongs to (UUID).',
    }) : null));

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: `${prefix}-submit` }, id ? 'Save changes' : `Create ${noun}`);
  const form = h('form', { class: 'form card form-card', id: `${prefix}-form`, novalidate: true, 'aria-labelledby': 'directory-form-title' },
    kit.summary,
    sections,
    h('div', { class: 'form-actions' },
      submit,
      h('a', { class: 'btn btn-secondary', href: backHref, id: `${prefix}-cancel` }, 'Cancel')));
  el.appendChild(form);

  const collect = () => {
    const opt = (v) => { const s = (v || '').trim(); return s === '' ? null : s; };
    const body = {
      name: name.value.trim(),
      country: country.value || null,
      nutsCode: opt(nuts.value()),
      website: opt(website.value),
      description: opt(description.value),
      visibility: visibility.value,
    };
    if (isOrg) {
      body.type = type.value || null;
      body.city = opt(city.value);
      body.naceCodes = nace.value();
      body.sizeClass = sizeClass.value || null;
      body.nationalIds = idRows
        .map(({ sch, val }) => ({ scheme: sch.value.trim(), value: val.value.trim() }))
        .filter((n) => n.scheme || n.value);
    } else {
      body.sectors = nace.value();
      body.managingOrganisationId = managing.value() || null;
    }
    if (assoc && assoc.value.trim()) body.associationId = assoc.value.trim();
    return body;
  };

  const validate = (body) => {
    const errors = {};
    if (!body.name) errors.name = 'Enter a name.';
    else if (body.name.length > 200) errors.name = 'The name can be at most 200 characters.';
    if (!body.country) errors.country = 'Choose a country.';
    if (isOrg && !body.type) errors.type = 'Choose the type of organisation.';
    if (body.website && !safeUrl(body.website)) errors.website = 'Enter a full web address starting with https://';
    if (isOrg && body.nationalIds.some((n) => !n.scheme || !n.value)) errors.nationalIds = 'Each identifier needs both a scheme and a value.';
    if (assoc) {
      if (body.associationId && !UUID_RE.test(body.associationId)) errors.associationId = 'Enter the association ID as a UUID.';
      else if (!body.associationId && !ctx.user.associationId) errors.associationId = 'Enter the association this entry belongs to.';
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
    const label = submit.textContent;
    submit.textContent = 'Saving…';
    try {
      const saved = await ctx.api(id ? `/api/${section}/${encodeURIComponent(id)}` : `/api/${section}`, {
        method: id ? 'PUT' : 'POST',
        body,
      });
      flash = id ? `${isOrg ? 'Organisation' : 'Cluster'} saved.` : `${isOrg ? 'Organisation' : 'Cluster'} created.`;
      const savedId = (saved && saved.id) || id;
      ctx.navigate(savedId ? `#/directory/${section}/${encodeURIComponent(savedId)}` : backHref);
    } catch (e) {
      const first = kit.showErrors(errorMessage(e), e && e.errors);
      (first || kit.summary).focus();
      if (!first) kit.summary.scrollIntoView({ block: 'center' });
    } finally {
      submit.disabled = false;
      submit.textContent = label;
    }
  });

  if (!id) name.focus();
}
