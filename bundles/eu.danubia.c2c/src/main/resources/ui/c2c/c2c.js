// DanubIA C2C cooperation module: cluster profiles, complementary clusters of other regions and
// partnership proposals between clusters. Loaded by the web shell with import() and called as
// render(element, ctx). All data goes into the DOM as text (h() from /ui-kit.js), never innerHTML.

import {
  h, clear, isAdmin, countryName, formatDate, errorMessage, errorPanel, loadingLine, breadcrumbs,
  countryOptions, options, query, naceTags, nacePicker, safeUrl, COUNTRIES, fieldErrorText,
} from '/ui-kit.js';

const TYPES = {
  JOINT_ACTION: 'Joint action',
  JOINT_PROJECT: 'Joint project',
  MEMBER_EXCHANGE: 'Member exchange',
  STUDY_VISIT: 'Study visit',
  VALUE_CHAIN_PARTNERSHIP: 'Value-chain partnership',
};
const STATUS = {
  PROPOSED: 'Awaiting answer', ACCEPTED: 'Accepted', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn',
  ACTIVE: 'Active', ENDED: 'Ended',
};
const STATUS_BADGE = {
  PROPOSED: 'badge badge-warn', ACCEPTED: 'badge badge-info', DECLINED: 'badge badge-bad', WITHDRAWN: 'badge',
  ACTIVE: 'badge badge-ok', ENDED: 'badge',
};
const ORG_TYPES = {
  BUSINESS: 'Businesses', RESEARCH: 'Research', PUBLIC_BODY: 'Public bodies', CIVIL_SOCIETY: 'Civil society',
  CLUSTER_ORGANISATION: 'Cluster organisations',
};
const ACTIONS = {
  accept: ['Accept', 'btn btn-primary btn-small'],
  decline: ['Decline', 'btn btn-secondary btn-small'],
  withdraw: ['Withdraw', 'btn btn-secondary btn-small'],
  start: ['Start partnership', 'btn btn-primary btn-small'],
  end: ['End partnership', 'btn btn-danger btn-small'],
};
const SIGNALS = {
  'value-chain': 'Complementary value chain',
  'emerging-industries': 'Shared emerging industries',
  'shared-sectors': 'Same sectors elsewhere',
  semantic: 'Similar profile (AI)',
  'cross-border': 'Cross-border',
};

let emergingCache = null;
let flash = null;

export async function render(el, ctx) {
  const [section, id, action, ...extra] = ctx.route || [];
  el.classList.add('c2c');
  if (extra.length === 0) {
    if (!section || (section === 'clusters' && !id)) return renderBrowse(el, ctx);
    if (section === 'clusters' && !action) return renderProfile(el, ctx, id);
    if (section === 'clusters' && action === 'edit') return renderEdit(el, ctx, id);
    if (section === 'proposals' && !id) return renderProposals(el, ctx);
    if (section === 'proposals' && !action) return renderProposal(el, ctx, id);
  }
  el.appendChild(notFound('This C2C page does not exist.'));
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const clusterHref = (id) => `#/c2c/clusters/${encodeURIComponent(id)}`;
const proposalHref = (id) => `#/c2c/proposals/${encodeURIComponent(id)}`;
const label = (map, v) => (v && map[v]) || v || '—';

function notFound(text) {
  return h('section', { class: 'panel panel-empty', id: 'c2c-not-found', role: 'alert' },
    h('h1', null, 'Not found'), h('p', null, text),
    h('p', null, h('a', { class: 'btn btn-secondary', href: '#/c2c' }, 'Back to cluster partnerships')));
}

function flashNotice() {
  if (!flash) return null;
  const n = h('div', { class: 'notice', role: 'status', id: 'c2c-flash' }, flash);
  flash = null;
  return n;
}

async function emergingIndustries(ctx) {
  if (!emergingCache) {
    const list = await ctx.api('/api/c2c/emerging-industries');
    emergingCache = {};
    for (const e of list || []) emergingCache[e.id] = e.label;
  }
  return emergingCache;
}

function pageTop(ctx, active, title, subtitle) {
  const header = h('div', { class: 'page-header' },
    h('div', null, h('h1', { id: 'c2c-title' }, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null));
  if (!isAdmin(ctx)) return [header];
  const tab = (key, href, text) => h('a', {
    class: 'tab' + (active === key ? ' active' : ''), id: `c2c-nav-${key}`, href, 'aria-current': active === key ? 'page' : null,
  }, text);
  return [header, h('nav', { class: 'tabs', 'aria-label': 'C2C sections', id: 'c2c-tabs' },
    tab('browse', '#/c2c', 'Cluster profiles'), tab('proposals', '#/c2c/proposals', 'Partnership proposals'))];
}

function tags(values, map) {
  if (!values || !values.length) return '—';
  return h('ul', { class: 'tags' }, values.map((v) => h('li', { class: 'tag', 'data-value': v }, map ? label(map, v) : v)));
}

function statusBadge(status) {
  return h('span', { class: STATUS_BADGE[status] || 'badge', 'data-status': status || '' }, label(STATUS, status));
}

function region(p) {
  return `${countryName(p.country)}${p.nutsCode ? ` · ${p.nutsCode}` : ''}`;
}

// ---------------------------------------------------------------------------
// Browse cluster profiles
// ---------------------------------------------------------------------------

async function renderBrowse(el, ctx) {
  document.title = 'Cluster partnerships – DanubIA';
  const prm = ctx.params;
  const f = {
    q: prm.get('q') || '',
    country: COUNTRIES[(prm.get('country') || '').toUpperCase()] ? prm.get('country').toUpperCase() : '',
    sector: prm.get('sector') || '',
    emerging: prm.get('emerging') || '',
  };
  el.append(...pageTop(ctx, 'browse', 'Cluster partnerships',
    'Clusters of the Danube region, what they offer and where they are heading. Find complementary clusters and propose a partnership.'));
  const n = flashNotice();
  if (n) el.appendChild(n);
  let emerging = {};
  try { emerging = await emergingIndustries(ctx); } catch { /* the filter stays empty */ }

  const q = h('input', { type: 'search', id: 'c2c-filter-q', value: f.q, placeholder: 'Name, services, interests' });
  const country = h('select', { id: 'c2c-filter-country' }, countryOptions(f.country, 'All countries'));
  const sector = h('input', { type: 'text', id: 'c2c-filter-sector', value: f.sector, placeholder: 'e.g. 62 or 86.90', size: 10 });
  const em = h('select', { id: 'c2c-filter-emerging' }, options(emerging, f.emerging, 'All emerging industries'));
  const form = h('form', { class: 'toolbar', id: 'c2c-filters', role: 'search',
    onsubmit: (ev) => {
      ev.preventDefault();
      ctx.navigate(`#/c2c${query({ q: q.value.trim(), country: country.value, sector: sector.value.trim(), emerging: em.value })}`);
    } },
  h('label', { class: 'field' }, h('span', null, 'Search'), q),
  h('label', { class: 'field' }, h('span', null, 'Country'), country),
  h('label', { class: 'field' }, h('span', null, 'Sector (NACE)'), sector),
  h('label', { class: 'field' }, h('span', null, 'Emerging industry'), em),
  h('button', { type: 'submit', class: 'btn btn-primary', id: 'c2c-filter-submit' }, 'Search'));
  el.appendChild(form);

  const body = h('div', { id: 'c2c-browse' }, loadingLine());
  el.appendChild(body);
  let page;
  try {
    page = await ctx.api(`/api/c2c/clusters${query({ ...f, size: 200 })}`);
  } catch (e) {
    clear(body);
    body.appendChild(errorPanel(e, 'c2c-error'));
    return;
  }
  clear(body);
  const items = (page && page.items) || [];
  if (!items.length) {
    body.appendChild(h('p', { class: 'table-empty', id: 'c2c-clusters-empty' }, 'No cluster matches these filters.'));
    return;
  }
  body.appendChild(h('p', { class: 'muted', id: 'c2c-count' }, `${page.total} cluster${page.total === 1 ? '' : 's'}`));
  body.appendChild(h('ul', { class: 'plain-list', id: 'c2c-clusters' }, items.map((p) => h('li', {
    class: 'card', 'data-cluster-id': p.clusterId, 'data-profiled': String(!!p.profiled),
  },
  h('h2', null, h('a', { href: clusterHref(p.clusterId), class: 'c2c-cluster-link' }, p.name)),
  h('p', { class: 'muted' }, `${region(p)} · ${p.memberCount} member${p.memberCount === 1 ? '' : 's'}`),
  p.description ? h('p', null, p.description) : null,
  p.emergingIndustries && p.emergingIndustries.length ? tags(p.emergingIndustries, emerging) : null))));
}

// ---------------------------------------------------------------------------
// Profile page: details, complementary clusters, propose a partnership
// ---------------------------------------------------------------------------

async function renderProfile(el, ctx, id) {
  let p;
  let emerging = {};
  try {
    [p, emerging] = await Promise.all([ctx.api(`/api/c2c/clusters/${encodeURIComponent(id)}`), emergingIndustries(ctx)]);
  } catch (e) {
    el.appendChild(e && e.status === 404 ? notFound('There is no such cluster, or it is not visible to you.') : errorPanel(e, 'c2c-error'));
    return;
  }
  document.title = `${p.name} – Cluster partnerships – DanubIA`;
  el.appendChild(breadcrumbs([['Cluster partnerships', '#/c2c'], [p.name]]));
  const n = flashNotice();
  if (n) el.appendChild(n);
  const web = safeUrl(p.website);
  el.appendChild(h('div', { class: 'page-header' },
    h('div', null, h('h1', { id: 'c2c-title' }, p.name), h('p', { class: 'subtitle' }, region(p))),
    h('div', { class: 'actions' }, p.editable
      ? h('a', { class: 'btn btn-secondary', id: 'c2c-edit-link', href: `${clusterHref(p.clusterId)}/edit` }, 'Edit profile') : null)));

  const kv = (k, v) => [h('dt', null, k), h('dd', null, v)];
  el.appendChild(h('section', { class: 'card', id: 'c2c-profile', 'data-cluster-id': p.clusterId, 'data-profiled': String(!!p.profiled) },
    p.description ? h('p', { class: 'prose' }, p.description) : null,
    p.profiled ? null : h('p', { class: 'muted', id: 'c2c-profile-empty' }, 'This cluster has not completed its C2C profile yet.'),
    h('dl', { class: 'kv' },
      kv('Sectors (NACE)', naceTags(ctx, p.sectors)),
      kv('Value chains (NACE)', naceTags(ctx, p.valueChains)),
      kv('Members', h('span', { id: 'c2c-members' }, String(p.memberCount),
        p.membersByType && p.membersByType.length
          ? ` (${p.membersByType.map((t) => `${t.count} ${label(ORG_TYPES, t.type).toLowerCase()}`).join(', ')})` : '')),
      kv('Services offered', tags(p.services)),
      kv('Strategic interests', p.strategicInterests ? h('span', { class: 'prose' }, p.strategicInterests) : '—'),
      kv('Emerging industries', tags(p.emergingIndustries, emerging)),
      kv('Languages', tags(p.languages)),
      kv('Website', web ? h('a', { href: web, rel: 'noopener noreferrer', target: '_blank' }, p.website) : '—'),
      kv('Visibility', p.visibility === 'PUBLIC' ? 'Public' : 'Own association only'))));

  const comp = h('section', { class: 'card', id: 'c2c-complementary-card', 'aria-labelledby': 'c2c-complementary-title' },
    h('h2', { id: 'c2c-complementary-title' }, 'Complementary clusters'),
    h('p', { class: 'hint' }, 'Clusters in other regions whose sectors supply or buy from this cluster’s value chain, or share its emerging industries.'));
  const compBody = h('div', null, loadingLine('Finding complementary clusters…'));
  comp.appendChild(compBody);
  el.appendChild(comp);

  const proposeHost = h('div');
  el.appendChild(proposeHost);
  const loadComplementary = async () => {
    try {
      const list = await ctx.api(`/api/c2c/clusters/${encodeURIComponent(p.clusterId)}/complementary`);
      clear(compBody);
      if (!list.length) {
        compBody.appendChild(h('p', { class: 'muted', id: 'c2c-complementary-empty' }, 'No complementary cluster found yet.'));
        return;
      }
      compBody.appendChild(h('ol', { id: 'c2c-complementary', class: 'plain-list' }, list.map((c) => h('li', {
        class: 'c2c-complementary-item', 'data-cluster-id': c.cluster.clusterId, 'data-score': String(c.score),
      },
      // from a cluster the caller edits, the proposal form there preselects it as the proposing cluster
      h('a', { href: clusterHref(c.cluster.clusterId) + (p.editable ? query({ from: p.clusterId }) : '') }, c.cluster.name), ' ',
      h('span', { class: 'muted' }, `${region(c.cluster)} · score ${Math.round(c.score * 100)} %`),
      h('ul', { class: 'c2c-reasons' }, c.reasons.map((r) => h('li', { 'data-signal': r.signal },
        h('strong', null, label(SIGNALS, r.signal)), r.detail ? `: ${r.detail}` : '')))))));
    } catch (e) {
      clear(compBody);
      compBody.appendChild(h('p', { class: 'form-error', role: 'alert' }, errorMessage(e)));
    }
  };
  await Promise.all([loadComplementary(), proposeForm(ctx, p, proposeHost)]);
}

async function proposeForm(ctx, target, host) {
  if (!isAdmin(ctx)) return;
  let mine;
  try {
    mine = ((await ctx.api('/api/c2c/clusters?mine=true&size=200')).items || [])
      .filter((c) => c.associationId !== target.associationId);
  } catch {
    return;
  }
  if (!mine.length) return;
  const preselected = ctx.params.get('from');
  const from = h('select', { id: 'c2c-propose-from', required: true },
    mine.map((c) => h('option', { value: c.clusterId, selected: c.clusterId === preselected }, c.name)));
  const type = h('select', { id: 'c2c-propose-type', required: true }, options(TYPES, 'JOINT_PROJECT'));
  const title = h('input', { type: 'text', id: 'c2c-propose-title', maxlength: 200, required: true });
  const message = h('textarea', { id: 'c2c-propose-message', rows: 5, maxlength: 4000, required: true });
  const start = h('input', { type: 'date', id: 'c2c-propose-start' });
  const end = h('input', { type: 'date', id: 'c2c-propose-end' });
  const error = h('p', { class: 'form-error', id: 'c2c-propose-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'c2c-propose-submit' }, 'Send proposal');
  const field = (text, control, hint) => h('label', { class: 'field' }, h('span', null, text), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
  const form = h('form', { class: 'form card', id: 'c2c-propose-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      try {
        const created = await ctx.api('/api/c2c/proposals', { method: 'POST', body: {
          fromClusterId: from.value, toClusterId: target.clusterId, type: type.value, title: title.value,
          message: message.value, startOn: start.value || null, endOn: end.value || null,
        } });
        flash = `Your proposal “${created.title}” was sent to ${created.to.clusterName}.`;
        ctx.navigate('#/c2c/proposals?box=out');
      } catch (e) {
        error.textContent = fieldErrorText(e) || errorMessage(e);
        error.hidden = false;
        submit.disabled = false;
      }
    } },
  h('h2', null, 'Propose a partnership'),
  h('p', { class: 'hint' }, `The admins of ${target.name}’s association can accept or decline it.`),
  field('From your cluster', from), field('Type', type), field('Title', title), field('Message', message),
  h('div', { class: 'form-row' }, field('Proposed start', start), field('Proposed end', end)),
  error, h('div', { class: 'form-actions' }, submit));
  host.appendChild(form);
}

// ---------------------------------------------------------------------------
// Edit profile
// ---------------------------------------------------------------------------

async function renderEdit(el, ctx, id) {
  let p;
  let emerging;
  try {
    [p, emerging] = await Promise.all([ctx.api(`/api/c2c/clusters/${encodeURIComponent(id)}`), emergingIndustries(ctx)]);
  } catch (e) {
    el.appendChild(e && e.status === 404 ? notFound('There is no such cluster, or it is not visible to you.') : errorPanel(e, 'c2c-error'));
    return;
  }
  if (!p.editable) {
    el.appendChild(h('section', { class: 'panel narrow', id: 'c2c-forbidden', role: 'alert' },
      h('h1', null, 'Not allowed'), h('p', null, 'Only the admins of the cluster’s association edit its profile.'),
      h('p', null, h('a', { class: 'btn btn-secondary', href: clusterHref(id) }, 'Back'))));
    return;
  }
  document.title = `Edit ${p.name} – Cluster partnerships – DanubIA`;
  el.appendChild(breadcrumbs([['Cluster partnerships', '#/c2c'], [p.name, clusterHref(id)], ['Edit profile']]));
  el.appendChild(h('h1', { id: 'c2c-title' }, `C2C profile of ${p.name}`));
  const chains = nacePicker(ctx, { id: 'c2c-edit-valuechains', values: p.valueChains });
  const services = h('textarea', { id: 'c2c-edit-services', rows: 4, value: (p.services || []).join('\n') });
  const interests = h('textarea', { id: 'c2c-edit-interests', rows: 4, maxlength: 4000, value: p.strategicInterests || '' });
  const boxes = Object.entries(emerging).map(([value, text]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'emerging', value, checked: (p.emergingIndustries || []).includes(value) }), ' ', text));
  const languages = h('input', { type: 'text', id: 'c2c-edit-languages', value: (p.languages || []).join(', '), placeholder: 'en, de, hu' });
  const visibility = h('select', { id: 'c2c-edit-visibility' },
    options({ PUBLIC: 'Public', ASSOCIATION: 'Own association only' }, p.visibility));
  const error = h('p', { class: 'form-error', id: 'c2c-edit-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'c2c-edit-submit' }, 'Save profile');
  const field = (text, control, hint) => h('div', { class: 'field' }, h('span', null, text), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
  const split = (s, re) => s.split(re).map((x) => x.trim()).filter(Boolean);
  el.appendChild(h('form', { class: 'form card', id: 'c2c-edit-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      try {
        await ctx.api(`/api/c2c/clusters/${encodeURIComponent(id)}`, { method: 'PUT', body: {
          valueChains: chains.value(),
          services: split(services.value, /\n/),
          strategicInterests: interests.value,
          emergingIndustries: [...el.querySelectorAll('input[name="emerging"]:checked')].map((c) => c.value),
          languages: split(languages.value, /[,;\s]+/),
          visibility: visibility.value,
        } });
        flash = 'The profile was saved.';
        ctx.navigate(clusterHref(id));
      } catch (e) {
        error.textContent = fieldErrorText(e) || errorMessage(e);
        error.hidden = false;
        submit.disabled = false;
      }
    } },
  field('Value chains (NACE)', chains.element, 'The value chains the cluster covers, beyond its sectors in the directory.'),
  field('Services offered', services, 'One service per line, e.g. matchmaking, training, internationalisation support.'),
  field('Strategic interests', interests),
  h('fieldset', { class: 'field', id: 'c2c-edit-emerging' }, h('legend', null, 'Emerging industries'), boxes),
  field('Languages', languages, 'ISO 639-1 codes, separated by commas.'),
  field('Visibility', visibility),
  error,
  h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn btn-secondary', href: clusterHref(id) }, 'Cancel'))));
}

// ---------------------------------------------------------------------------
// Proposals: inbox and outbox, one proposal
// ---------------------------------------------------------------------------

function actionButtons(ctx, p, onDone) {
  return (p.actions || []).map((a) => h('button', {
    type: 'button', class: `${ACTIONS[a][1]} c2c-${a}`, 'data-action': a,
    onclick: async (ev) => {
      ev.target.disabled = true;
      try {
        onDone(await ctx.api(`/api/c2c/proposals/${encodeURIComponent(p.id)}/${a}`, { method: 'POST' }), null);
      } catch (e) {
        ev.target.disabled = false;
        onDone(null, e);
      }
    },
  }, ACTIONS[a][0]));
}

async function renderProposals(el, ctx) {
  document.title = 'Partnership proposals – Cluster partnerships – DanubIA';
  if (!ctx.user) {
    el.appendChild(h('section', { class: 'panel narrow', id: 'c2c-login-required', role: 'alert' },
      h('h1', null, 'Sign in required'), h('p', null, 'Sign in as an association admin to see partnership proposals.'),
      h('p', null, h('a', { class: 'btn btn-primary', href: `#/login?next=${encodeURIComponent('/c2c/proposals')}` }, 'Sign in'))));
    return;
  }
  const box = ['in', 'out'].includes(ctx.params.get('box')) ? ctx.params.get('box') : '';
  el.append(...pageTop(ctx, 'proposals', 'Partnership proposals',
    'Proposals your association’s clusters received (in) and sent (out).'));
  const n = flashNotice();
  if (n) el.appendChild(n);
  const tab = (key, text) => h('a', { class: 'tab' + (box === key ? ' active' : ''), id: `c2c-box-${key || 'all'}`,
    href: `#/c2c/proposals${query({ box: key })}`, 'aria-current': box === key ? 'page' : null }, text);
  el.appendChild(h('nav', { class: 'tabs', 'aria-label': 'Proposal boxes' }, tab('', 'All'), tab('in', 'Inbox'), tab('out', 'Outbox')));
  const body = h('div', { id: 'c2c-proposals-body' }, loadingLine());
  el.appendChild(body);
  let list;
  try {
    list = await ctx.api(`/api/c2c/proposals${query({ box })}`);
  } catch (e) {
    clear(body);
    body.appendChild(errorPanel(e, 'c2c-error'));
    return;
  }
  clear(body);
  if (!list.length) {
    body.appendChild(h('p', { class: 'table-empty', id: 'c2c-proposals-empty' }, 'No partnership proposals yet.'));
    return;
  }
  const message = h('p', { class: 'form-error', role: 'alert', id: 'c2c-action-error', hidden: true });
  const row = (p) => {
    const tr = h('tr', { 'data-proposal-id': p.id, 'data-status': p.status, 'data-direction': p.direction || '' });
    const draw = (x) => {
      clear(tr);
      tr.dataset.status = x.status;
      tr.append(
        h('td', null, x.direction === 'IN' ? 'In' : x.direction === 'OUT' ? 'Out' : '—'),
        h('td', null, h('a', { href: proposalHref(x.id) }, x.title)),
        h('td', null, label(TYPES, x.type)),
        h('td', null, h('a', { href: clusterHref(x.from.clusterId) }, x.from.clusterName), ' → ',
          h('a', { href: clusterHref(x.to.clusterId) }, x.to.clusterName)),
        h('td', null, statusBadge(x.status)),
        h('td', null, formatDate(x.createdAt)),
        h('td', { class: 'actions' }, actionButtons(ctx, x, (after, e) => {
          if (after) { message.hidden = true; draw(after); } else { message.textContent = errorMessage(e); message.hidden = false; }
        })));
    };
    draw(p);
    return tr;
  };
  body.append(message, h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'c2c-proposals' },
    h('thead', null, h('tr', null, ['Box', 'Title', 'Type', 'Clusters', 'Status', 'Sent', 'Actions']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, list.map(row)))));
}

async function renderProposal(el, ctx, id) {
  if (!ctx.user) {
    el.appendChild(notFound('Sign in as an association admin to see this proposal.'));
    return;
  }
  let p;
  try {
    p = await ctx.api(`/api/c2c/proposals/${encodeURIComponent(id)}`);
  } catch (e) {
    el.appendChild(e && e.status === 404 ? notFound('There is no such proposal, or it is not visible to you.') : errorPanel(e, 'c2c-error'));
    return;
  }
  document.title = `${p.title} – Cluster partnerships – DanubIA`;
  el.appendChild(breadcrumbs([['Cluster partnerships', '#/c2c'], ['Proposals', '#/c2c/proposals'], [p.title]]));
  const host = h('section', { class: 'card', id: 'c2c-proposal' });
  const message = h('p', { class: 'form-error', role: 'alert', id: 'c2c-action-error', hidden: true });
  const kv = (k, v) => [h('dt', null, k), h('dd', null, v)];
  const draw = (x) => {
    clear(host);
    host.dataset.proposalId = x.id;
    host.dataset.status = x.status;
    host.append(
      h('h1', { id: 'c2c-title' }, x.title, ' ', statusBadge(x.status)),
      h('dl', { class: 'kv' },
        kv('Type', label(TYPES, x.type)),
        kv('From', h('a', { href: clusterHref(x.from.clusterId) }, x.from.clusterName)),
        kv('To', h('a', { href: clusterHref(x.to.clusterId) }, x.to.clusterName)),
        kv('Proposed period', `${x.startOn ? formatDate(x.startOn) : 'open'} – ${x.endOn ? formatDate(x.endOn) : 'open'}`),
        kv('Sent', formatDate(x.createdAt)),
        x.answeredAt ? kv('Answered', formatDate(x.answeredAt)) : null,
        x.startedAt ? kv('Started', formatDate(x.startedAt)) : null,
        x.endedAt ? kv('Closed', formatDate(x.endedAt)) : null),
      h('p', { class: 'prose', id: 'c2c-proposal-message' }, x.message),
      message,
      h('div', { class: 'form-actions' }, actionButtons(ctx, x, (after, e) => {
        if (after) { message.hidden = true; draw(after); } else { message.textContent = errorMessage(e); message.hidden = false; }
      })));
  };
  draw(p);
  el.appendChild(host);
}
