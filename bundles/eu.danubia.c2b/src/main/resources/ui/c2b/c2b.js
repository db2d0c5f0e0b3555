// DanubIA C2B/B2C module: the clusters' service catalogue, service requests and membership
// applications from businesses, the cluster inbox with answers, and the service editor.
// Loaded by the web shell with import() and called as render(element, ctx).
// All data goes into the DOM as text (h() from /ui-kit.js); never via innerHTML.

import {
  h, clear, roles, isAdmin, countryName, countryOptions, formatDate, errorMessage, errorPanel,
  loadingLine, breadcrumbs, options, query, fieldErrorList,
} from '/ui-kit.js';

const CATEGORIES = {
  TRAINING: 'Training',
  INTERNATIONALISATION: 'Internationalisation',
  INNOVATION_VOUCHER: 'Innovation voucher',
  TESTING_FACILITY: 'Testing facility',
  MATCHMAKING: 'Matchmaking',
  CONSULTING: 'Consulting',
  OTHER: 'Other service',
};
const PRICES = { FREE: 'Free', MEMBERS_FREE: 'Free for members', FIXED_FEE: 'Fixed fee', ON_REQUEST: 'Price on request' };
const ELIGIBILITY = { ANY: 'Any organisation', SME: 'Any SME', MEMBERS: 'Members of the cluster only' };
const SERVICE_STATUS = { DRAFT: 'Draft', PUBLISHED: 'Published', ARCHIVED: 'Archived' };
const REQUEST_STATUS = { SUBMITTED: 'Submitted', ACCEPTED: 'Accepted', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn' };
const STATUS_BADGE = {
  DRAFT: 'badge', PUBLISHED: 'badge badge-ok', ARCHIVED: 'badge',
  SUBMITTED: 'badge badge-warn', ACCEPTED: 'badge badge-ok', DECLINED: 'badge badge-bad', WITHDRAWN: 'badge',
};
const KINDS = { SERVICE_REQUEST: 'Service request', MEMBERSHIP_APPLICATION: 'Membership application' };

let flash = null;                 // one-shot success message shown on the next page

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function render(el, ctx) {
  const [section, id, action, ...extra] = ctx.route || [];
  el.classList.add('c2b');
  if (extra.length) return el.appendChild(notFound());
  if (!section) return renderCatalogue(el, ctx);
  if (section === 'services' && id === 'new' && !action) return renderEditor(el, ctx, null);
  if (section === 'services' && id && !action) return renderService(el, ctx, id);
  if (section === 'services' && id && action === 'edit') return renderEditor(el, ctx, id);
  if (section === 'clusters' && id && !action) return renderCluster(el, ctx, id);
  if (section === 'requests' && !id) return renderMyRequests(el, ctx);
  if (section === 'requests' && id && !action) return renderRequest(el, ctx, id);
  if (section === 'inbox' && !id) return renderInbox(el, ctx);
  if (section === 'manage' && !id) return renderManage(el, ctx);
  return el.appendChild(notFound());
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const serviceHref = (id) => `#/c2b/services/${encodeURIComponent(id)}`;
const clusterHref = (id) => `#/c2b/clusters/${encodeURIComponent(id)}`;
const requestHref = (id) => `#/c2b/requests/${encodeURIComponent(id)}`;
const label = (map, v) => (v && map[v]) || v || '—';
const badge = (map, v) => h('span', { class: STATUS_BADGE[v] || 'badge', 'data-status': v }, label(map, v));

function canRequest(ctx) {
  return !!ctx.user && (isAdmin(ctx) || (roles(ctx).includes('member') && !!ctx.user.organisationId));
}

function price(s) {
  if (s.priceModel === 'FIXED_FEE' && s.priceAmount != null) return `${s.priceAmount} ${s.currency || ''}`.trim();
  return label(PRICES, s.priceModel);
}

function notFound() {
  return h('section', { class: 'panel panel-empty', id: 'c2b-not-found', role: 'alert' },
    h('h1', null, 'Page not found'),
    h('p', null, 'This page of the cluster services does not exist, or you may not see it.'),
    h('p', null, h('a', { class: 'btn btn-secondary', href: '#/c2b' }, 'Back to the cluster services')));
}

function loginPanel(what) {
  return h('section', { class: 'panel narrow', id: 'c2b-login-required', role: 'alert' },
    h('h1', null, 'Sign in required'),
    h('p', null, `Sign in to ${what}.`),
    h('p', null, h('a', { class: 'btn btn-primary', href: `#/login?next=${encodeURIComponent(location.hash.slice(1))}` }, 'Sign in')));
}

function flashPanel() {
  if (!flash) return null;
  const p = h('p', { class: 'notice', id: 'c2b-flash', role: 'status' }, flash);
  flash = null;
  return p;
}

function formError(e) {
  return h('div', { class: 'form-error', role: 'alert', id: 'c2b-form-error' }, errorMessage(e), fieldErrorList(e));
}

function nav(ctx, current) {
  const links = [['Catalogue', '#/c2b', 'catalogue']];
  if (ctx.user) links.push(['My requests', '#/c2b/requests', 'requests']);
  if (isAdmin(ctx)) links.push(['Cluster inbox', '#/c2b/inbox', 'inbox']);
  if (ctx.user) links.push(['Manage services', '#/c2b/manage', 'manage']);
  return h('nav', { class: 'tabs', 'aria-label': 'Cluster services', id: 'c2b-nav' },
    links.map(([text, href, key]) => h('a', {
      class: key === current ? 'tab active' : 'tab', href, 'aria-current': key === current ? 'page' : null, 'data-tab': key,
    }, text)));
}

async function load(el, fn) {
  const wait = loadingLine();
  el.appendChild(wait);
  try {
    return await fn();
  } catch (e) {
    wait.remove();
    el.appendChild(e && e.status === 404 ? notFound() : errorPanel(e, 'c2b-error'));
    return null;
  } finally {
    wait.remove();
  }
}

function servicesTable(ctx, list, { withStatus = false, id = 'c2b-services' } = {}) {
  if (!list.length) return h('p', { class: 'table-empty', id: `${id}-empty` }, 'No services found.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id },
    h('thead', null, h('tr', null, h('th', null, 'Service'), h('th', null, 'Category'), h('th', null, 'Cluster'),
      h('th', null, 'Country'), h('th', null, 'Price'), h('th', null, 'Open to'), withStatus ? h('th', null, 'Status') : null)),
    h('tbody', null, list.map((s) => h('tr', { 'data-service-id': s.id, 'data-status': s.status },
      h('td', null, h('a', { href: serviceHref(s.id), class: 'c2b-service-link' }, s.title)),
      h('td', null, label(CATEGORIES, s.category)),
      h('td', null, h('a', { href: clusterHref(s.clusterId) }, s.clusterName || '—')),
      h('td', null, countryName(s.country)),
      h('td', null, price(s)),
      h('td', null, label(ELIGIBILITY, s.eligibility), s.countries && s.countries.length ? ` (${s.countries.join(', ')})` : ''),
      withStatus ? h('td', null, badge(SERVICE_STATUS, s.status)) : null)))));
}

// ---------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------

async function renderCatalogue(el, ctx) {
  const params = ctx.params || new URLSearchParams();
  const p = { q: params.get('q'), category: params.get('category'), country: params.get('country'), cluster: params.get('cluster') };
  el.append(
    h('header', { class: 'page-header' }, h('h1', null, 'Cluster services'),
      h('p', { class: 'lead' }, 'Training, internationalisation, innovation vouchers, testing facilities and more: what the clusters of the Danube region offer to businesses.')),
    nav(ctx, 'catalogue'), flashPanel() || '');
  const q = h('input', { type: 'search', id: 'c2b-q', value: p.q || '', placeholder: 'Words in title or description' });
  const category = h('select', { id: 'c2b-category' }, options(CATEGORIES, p.category || '', 'Any category'));
  const country = h('select', { id: 'c2b-country' }, countryOptions(p.country || '', 'Any country'));
  const form = h('form', { class: 'toolbar', id: 'c2b-filter', role: 'search' },
    h('div', { class: 'field field-grow' }, h('label', { for: 'c2b-q' }, 'Search'), q),
    h('div', { class: 'field' }, h('label', { for: 'c2b-category' }, 'Category'), category),
    h('div', { class: 'field' }, h('label', { for: 'c2b-country' }, 'Cluster country'), country),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'c2b-search' }, 'Search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ctx.navigate(`#/c2b${query({ q: q.value.trim(), category: category.value, country: country.value })}`);
  });
  el.appendChild(form);
  const list = await load(el, () => ctx.api(`/api/c2b/services${query({ q: p.q, category: p.category, country: p.country, cluster: p.cluster })}`));
  if (list) el.appendChild(servicesTable(ctx, list));
}

// ---------------------------------------------------------------------------
// One service, with the "Request this service" form
// ---------------------------------------------------------------------------

async function renderService(el, ctx, id) {
  const s = await load(el, () => ctx.api(`/api/c2b/services/${encodeURIComponent(id)}`));
  if (!s) return;
  el.append(
    breadcrumbs([['Cluster services', '#/c2b'], [s.clusterName || 'Cluster', clusterHref(s.clusterId)], [s.title]]),
    flashPanel() || '',
    h('article', { class: 'panel', id: 'c2b-service', 'data-service-id': s.id, 'data-status': s.status },
      h('h1', null, s.title, ' ', badge(SERVICE_STATUS, s.status)),
      h('dl', { class: 'kv' },
        h('dt', null, 'Cluster'), h('dd', null, h('a', { href: clusterHref(s.clusterId) }, s.clusterName || '—'), ` (${countryName(s.country)})`),
        h('dt', null, 'Category'), h('dd', null, label(CATEGORIES, s.category)),
        h('dt', null, 'Price'), h('dd', { id: 'c2b-service-price' }, price(s)),
        h('dt', null, 'Open to'), h('dd', { id: 'c2b-service-eligibility' }, label(ELIGIBILITY, s.eligibility),
          s.countries && s.countries.length ? ` from ${s.countries.map(countryName).join(', ')}` : ''),
        h('dt', null, 'Languages'), h('dd', null, s.languages && s.languages.length ? s.languages.join(', ') : '—')),
      h('p', { class: 'prose', id: 'c2b-service-description' }, s.description),
      s.manageable ? h('div', { class: 'form-actions' },
        h('a', { class: 'btn btn-secondary', id: 'c2b-edit', href: `${serviceHref(s.id)}/edit` }, 'Edit'),
        s.status !== 'ARCHIVED' ? h('button', {
          class: 'btn btn-danger', type: 'button', id: 'c2b-archive',
          onclick: async (ev) => {
            ev.target.disabled = true;
            try {
              await ctx.api(`/api/c2b/services/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
              flash = 'The service was archived.';
              ctx.navigate('#/c2b/manage');
            } catch (e) {
              ev.target.disabled = false;
              ev.target.after(formError(e));
            }
          },
        }, 'Archive') : null) : null));
  if (s.status === 'PUBLISHED') el.appendChild(requestForm(ctx, 'Request this service', {
    formId: 'c2b-request-form', messageId: 'c2b-request-message', submitId: 'c2b-request-submit',
    hint: 'Tell the cluster what you need, for whom and when.', required: true,
    body: (message, organisationId) => ({ kind: 'SERVICE_REQUEST', serviceId: s.id, message, organisationId }),
  }));
}

/** The form a member (or an admin for an organisation of its association) sends a request with. */
function requestForm(ctx, title, { formId, messageId, submitId, hint, required, body }) {
  if (!ctx.user) return loginPanel(title.toLowerCase());
  if (!canRequest(ctx)) {
    return h('section', { class: 'panel panel-empty', id: `${formId}-unavailable` },
      h('h2', null, title), h('p', null, 'Only members acting for an organisation and association admins can send requests.'));
  }
  const message = h('textarea', { id: messageId, rows: 5, maxlength: 4000, required: required || null, 'aria-describedby': `${messageId}-hint` });
  const needsOrg = !ctx.user.organisationId;
  const org = needsOrg ? h('select', { id: 'c2b-request-organisation', required: true }, h('option', { value: '' }, 'Loading…')) : null;
  if (org) {
    ctx.api(`/api/organisations${query({ associationId: ctx.user.associationId, size: 200 })}`).then((page) => {
      clear(org);
      org.appendChild(h('option', { value: '' }, 'Choose the organisation you act for'));
      for (const o of (page && page.items) || []) org.appendChild(h('option', { value: o.id }, o.name));
    }).catch(() => { clear(org); org.appendChild(h('option', { value: '' }, 'Organisations could not be loaded')); });
  }
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit', id: submitId }, 'Send');
  const form = h('form', { class: 'panel form', id: formId, novalidate: true },
    h('h2', null, title),
    org ? h('div', { class: 'field' }, h('label', { for: 'c2b-request-organisation' }, 'For the organisation'), org) : null,
    h('div', { class: 'field' }, h('label', { for: messageId }, 'Message', required ? h('span', { class: 'required' }, '*') : null),
      h('p', { class: 'hint', id: `${messageId}-hint` }, hint), message),
    status,
    h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(status);
    submit.disabled = true;
    try {
      const created = await ctx.api('/api/c2b/requests', { method: 'POST', body: body(message.value, org ? org.value || null : null) });
      flash = 'Your request was sent. The cluster will answer here and by notification.';
      ctx.navigate(requestHref(created.id));
    } catch (e) {
      status.appendChild(formError(e));
      submit.disabled = false;
    }
  });
  return form;
}

// ---------------------------------------------------------------------------
// A cluster: its services, "Apply for membership", and the member list for its admins
// ---------------------------------------------------------------------------

async function renderCluster(el, ctx, id) {
  const k = await load(el, () => ctx.api(`/api/c2b/clusters/${encodeURIComponent(id)}`));
  if (!k) return;
  el.append(breadcrumbs([['Cluster services', '#/c2b'], [k.name]]), flashPanel() || '',
    h('article', { class: 'panel', id: 'c2b-cluster', 'data-cluster-id': k.id },
      h('h1', null, k.name),
      h('p', { class: 'muted' }, `${countryName(k.country)} · ${k.memberCount} members`),
      k.description ? h('p', { class: 'prose' }, k.description) : null,
      k.managesServices ? h('p', null, h('a', { class: 'btn btn-secondary', id: 'c2b-add-service', href: `#/c2b/services/new?cluster=${encodeURIComponent(k.id)}` }, 'Add a service')) : null),
    h('h2', null, 'Services'));
  const services = await load(el, () => ctx.api(`/api/c2b/services${query({ cluster: k.id })}`));
  if (services) el.appendChild(servicesTable(ctx, services));
  if (k.member === true) {
    el.appendChild(h('p', { class: 'notice', id: 'c2b-already-member' }, 'Your organisation is a member of this cluster.'));
  } else {
    el.appendChild(requestForm(ctx, 'Apply for membership', {
      formId: 'c2b-apply-form', messageId: 'c2b-apply-message', submitId: 'c2b-apply-submit',
      hint: 'Introduce your organisation and what it expects from the cluster (optional).', required: false,
      body: (message, organisationId) => ({ kind: 'MEMBERSHIP_APPLICATION', clusterId: k.id, message, organisationId }),
    }));
  }
  if (k.administers) await renderMembers(el, ctx, k);
}

async function renderMembers(el, ctx, k) {
  const section = h('section', { class: 'panel', id: 'c2b-members-panel' }, h('h2', null, 'Members'));
  el.appendChild(section);
  const members = await load(section, () => ctx.api(`/api/c2b/clusters/${encodeURIComponent(k.id)}/members`));
  if (!members) return;
  if (!members.length) { section.appendChild(h('p', { class: 'table-empty' }, 'No members yet.')); return; }
  section.appendChild(h('table', { class: 'data', id: 'c2b-members' },
    h('thead', null, h('tr', null, h('th', null, 'Organisation'), h('th', null, 'Country'), h('th', null, 'Since'), h('th', null, ''))),
    h('tbody', null, members.map((m) => {
      const row = h('tr', { 'data-organisation-id': m.organisationId },
        h('td', null, m.name || '—'), h('td', null, countryName(m.country)), h('td', null, formatDate(m.since)));
      row.appendChild(h('td', null, h('button', {
        class: 'btn btn-danger btn-small c2b-remove-member', type: 'button',
        onclick: async (ev) => {
          if (!window.confirm(`Remove ${m.name || 'this organisation'} from ${k.name}?`)) return;
          ev.target.disabled = true;
          try {
            await ctx.api(`/api/c2b/clusters/${encodeURIComponent(k.id)}/members/${encodeURIComponent(m.organisationId)}`, { method: 'DELETE' });
            row.remove();
          } catch (e) {
            ev.target.disabled = false;
            ev.target.after(formError(e));
          }
        },
      }, 'Remove')));
      return row;
    }))));
}

// ---------------------------------------------------------------------------
// Requests: mine, the cluster inbox, one request
// ---------------------------------------------------------------------------

function requestSubject(r) {
  return r.kind === 'SERVICE_REQUEST' ? (r.serviceTitle || 'Service') : `Membership of ${r.clusterName || 'the cluster'}`;
}

async function renderMyRequests(el, ctx) {
  if (!ctx.user) return el.appendChild(loginPanel('see your requests'));
  el.append(h('header', { class: 'page-header' }, h('h1', null, 'My requests')), nav(ctx, 'requests'), flashPanel() || '');
  const list = await load(el, () => ctx.api('/api/c2b/requests?box=out'));
  if (!list) return;
  if (!list.length) return el.appendChild(h('p', { class: 'table-empty', id: 'c2b-my-requests-empty' }, 'You have sent no requests yet.'));
  el.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'c2b-my-requests' },
    h('thead', null, h('tr', null, h('th', null, 'Request'), h('th', null, 'Cluster'), h('th', null, 'Sent'),
      h('th', null, 'Status'), h('th', null, "Cluster's answer"), h('th', null, ''))),
    h('tbody', null, list.map((r) => h('tr', { 'data-request-id': r.id, 'data-status': r.status },
      h('td', null, h('a', { href: requestHref(r.id) }, requestSubject(r)), h('div', { class: 'muted small' }, label(KINDS, r.kind))),
      h('td', null, r.clusterName || '—'),
      h('td', null, formatDate(r.createdAt)),
      h('td', null, badge(REQUEST_STATUS, r.status)),
      h('td', { class: 'c2b-answer-text' }, r.status === 'WITHDRAWN' ? '' : (r.answer || '')),
      h('td', null, r.canWithdraw ? withdrawButton(ctx, r, '#/c2b/requests') : null)))))));
}

function withdrawButton(ctx, r, back) {
  return h('button', {
    class: 'btn btn-secondary btn-small c2b-withdraw', type: 'button',
    onclick: async (ev) => {
      if (!window.confirm('Withdraw this request?')) return;
      ev.target.disabled = true;
      try {
        await ctx.api(`/api/c2b/requests/${encodeURIComponent(r.id)}/withdraw`, { method: 'POST', body: {} });
        flash = 'The request was withdrawn.';
        ctx.navigate(back);
      } catch (e) {
        ev.target.disabled = false;
        ev.target.after(formError(e));
      }
    },
  }, 'Withdraw');
}

async function renderInbox(el, ctx) {
  if (!ctx.user) return el.appendChild(loginPanel('answer the requests to your clusters'));
  el.append(h('header', { class: 'page-header' }, h('h1', null, 'Cluster inbox'),
    h('p', { class: 'lead' }, 'Service requests and membership applications to the clusters of your association.')),
  nav(ctx, 'inbox'), flashPanel() || '');
  const list = await load(el, () => ctx.api('/api/c2b/requests?box=in'));
  if (!list) return;
  if (!list.length) return el.appendChild(h('p', { class: 'table-empty', id: 'c2b-inbox-empty' }, 'No requests to your clusters yet.'));
  const tbody = h('tbody');
  for (const r of list) {
    const row = h('tr', { 'data-request-id': r.id, 'data-status': r.status },
      h('td', null, h('a', { href: requestHref(r.id) }, requestSubject(r)), h('div', { class: 'muted small' }, label(KINDS, r.kind))),
      h('td', null, r.organisationName || '—', h('div', { class: 'muted small' }, [countryName(r.organisationCountry), r.requesterEmail ? ` · ${r.requesterEmail}` : ''].join(''))),
      h('td', null, r.clusterName || '—'),
      h('td', { class: 'c2b-message' }, r.message || ''),
      h('td', null, formatDate(r.createdAt)),
      h('td', null, badge(REQUEST_STATUS, r.status), r.answer ? h('div', { class: 'muted small c2b-answer-text' }, r.answer) : null),
      h('td', null, r.canAnswer ? h('button', {
        class: 'btn btn-primary btn-small c2b-open', type: 'button',
        onclick: () => openAnswer(ctx, row, r),
      }, 'Answer') : null));
    tbody.appendChild(row);
  }
  el.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'c2b-inbox' },
    h('thead', null, h('tr', null, h('th', null, 'Request'), h('th', null, 'From'), h('th', null, 'Cluster'),
      h('th', null, 'Message'), h('th', null, 'Received'), h('th', null, 'Status'), h('th', null, ''))),
    tbody)));
  // one open request straight away: the answer form is ready
  const open = list.filter((r) => r.canAnswer);
  if (open.length === 1) openAnswer(ctx, tbody.querySelector(`tr[data-request-id="${CSS.escape(open[0].id)}"]`), open[0]);
}

/** Opens the answer row under a request of the inbox (one at a time, so its ids are unique). */
function openAnswer(ctx, row, r) {
  const existing = document.getElementById('c2b-answer-row');
  if (existing) existing.remove();
  const tr = h('tr', { id: 'c2b-answer-row', 'data-answer-for': r.id },
    h('td', { colspan: 7 }, answerPanel(ctx, r, '#/c2b/inbox')));
  row.after(tr);
}

/** The cluster's answer: #c2b-answer with button.c2b-accept and button.c2b-decline. */
function answerPanel(ctx, r, back) {
  const answer = h('textarea', { id: 'c2b-answer', rows: 3, maxlength: 4000, 'aria-describedby': 'c2b-answer-hint' });
  const status = h('div', { 'aria-live': 'polite' });
  const send = (action) => async (ev) => {
    clear(status);
    const buttons = ev.target.parentElement.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await ctx.api(`/api/c2b/requests/${encodeURIComponent(r.id)}/${action}`, { method: 'POST', body: { answer: answer.value } });
      flash = action === 'accept' ? 'The request was accepted and the requester told.' : 'The request was declined and the requester told.';
      ctx.navigate(back);
    } catch (e) {
      status.appendChild(formError(e));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  return h('div', { class: 'form', id: 'c2b-answer-form' },
    h('div', { class: 'field' }, h('label', { for: 'c2b-answer' }, 'Your answer'),
      h('p', { class: 'hint', id: 'c2b-answer-hint' },
        r.kind === 'MEMBERSHIP_APPLICATION' ? 'Accepting adds the organisation to the cluster\'s members. A decline needs a reason.'
          : 'The requester sees this text. A decline needs a reason.'),
      answer),
    status,
    h('div', { class: 'form-actions' },
      h('button', { class: 'btn btn-primary c2b-accept', type: 'button', onclick: send('accept') }, 'Accept'),
      h('button', { class: 'btn btn-danger c2b-decline', type: 'button', onclick: send('decline') }, 'Decline')));
}

async function renderRequest(el, ctx, id) {
  if (!ctx.user) return el.appendChild(loginPanel('see this request'));
  const r = await load(el, () => ctx.api(`/api/c2b/requests/${encodeURIComponent(id)}`));
  if (!r) return;
  const back = r.box === 'IN' ? '#/c2b/inbox' : '#/c2b/requests';
  el.append(breadcrumbs([['Cluster services', '#/c2b'], [r.box === 'IN' ? 'Cluster inbox' : 'My requests', back], [requestSubject(r)]]),
    flashPanel() || '',
    h('article', { class: 'panel', id: 'c2b-request', 'data-request-id': r.id, 'data-status': r.status },
      h('h1', null, requestSubject(r), ' ', badge(REQUEST_STATUS, r.status)),
      h('dl', { class: 'kv' },
        h('dt', null, 'Kind'), h('dd', null, label(KINDS, r.kind)),
        h('dt', null, 'Cluster'), h('dd', null, h('a', { href: clusterHref(r.clusterId) }, r.clusterName || '—')),
        r.serviceId ? [h('dt', null, 'Service'), h('dd', null, h('a', { href: serviceHref(r.serviceId) }, r.serviceTitle || '—'))] : null,
        h('dt', null, 'From'), h('dd', null, r.organisationName || '—', r.organisationCountry ? ` (${countryName(r.organisationCountry)})` : '',
          r.requesterEmail ? ` · ${r.requesterEmail}` : ''),
        h('dt', null, 'Sent'), h('dd', null, formatDate(r.createdAt)),
        h('dt', null, 'Message'), h('dd', { class: 'prose', id: 'c2b-request-text' }, r.message || '—'),
        r.answeredAt ? [h('dt', null, r.status === 'WITHDRAWN' ? 'Withdrawn' : 'Answered'), h('dd', null, formatDate(r.answeredAt))] : null,
        r.answer ? [h('dt', null, r.status === 'WITHDRAWN' ? 'Note' : "Cluster's answer"), h('dd', { class: 'prose', id: 'c2b-request-answer' }, r.answer)] : null),
      r.canWithdraw ? h('div', { class: 'form-actions' }, withdrawButton(ctx, r, back)) : null));
  if (r.canAnswer) el.appendChild(h('section', { class: 'panel' }, h('h2', null, 'Answer'), answerPanel(ctx, r, '#/c2b/inbox')));
}

// ---------------------------------------------------------------------------
// Managing services: the list and the editor
// ---------------------------------------------------------------------------

async function renderManage(el, ctx) {
  if (!ctx.user) return el.appendChild(loginPanel('manage your clusters\' services'));
  el.append(h('header', { class: 'page-header' }, h('h1', null, 'Manage services'),
    h('p', { class: 'lead' }, 'The services of the clusters you manage, in every status. Add one from its cluster\'s page or here.')),
  nav(ctx, 'manage'), flashPanel() || '',
  h('p', null, h('a', { class: 'btn btn-primary', id: 'c2b-new-service', href: '#/c2b/services/new' }, 'New service')));
  const list = await load(el, () => ctx.api('/api/c2b/services?mine=true'));
  if (list) el.appendChild(servicesTable(ctx, list, { withStatus: true, id: 'c2b-managed' }));
}

async function renderEditor(el, ctx, id) {
  if (!ctx.user) return el.appendChild(loginPanel('edit services'));
  let s = null;
  if (id) {
    s = await load(el, () => ctx.api(`/api/c2b/services/${encodeURIComponent(id)}`));
    if (!s) return;
  }
  const clusters = await load(el, () => ctx.api(`/api/clusters${query({ associationId: ctx.user.associationId || '', size: 200 })}`));
  const clusterList = (clusters && clusters.items) || [];
  const chosenCluster = s ? s.clusterId : ((ctx.params && ctx.params.get('cluster')) || '');
  const clusterMap = {};
  for (const k of clusterList) clusterMap[k.id] = `${k.name} (${k.country})`;
  if (chosenCluster && !clusterMap[chosenCluster]) clusterMap[chosenCluster] = s ? s.clusterName : chosenCluster;

  const f = {
    clusterId: h('select', { id: 'c2b-service-cluster', disabled: !!s }, options(clusterMap, chosenCluster, 'Choose a cluster')),
    category: h('select', { id: 'c2b-service-category' }, options(CATEGORIES, s ? s.category : 'TRAINING')),
    title: h('input', { id: 'c2b-service-title', maxlength: 200, value: s ? s.title : '' }),
    description: h('textarea', { id: 'c2b-service-description-input', rows: 6, maxlength: 10000 }),
    priceModel: h('select', { id: 'c2b-service-price-model' }, options(PRICES, s ? s.priceModel : 'FREE')),
    priceAmount: h('input', { id: 'c2b-service-amount', inputmode: 'decimal', value: s && s.priceAmount != null ? String(s.priceAmount) : '' }),
    currency: h('input', { id: 'c2b-service-currency', maxlength: 3, value: s && s.currency ? s.currency : 'EUR' }),
    eligibility: h('select', { id: 'c2b-service-eligibility-input' }, options(ELIGIBILITY, s ? s.eligibility : 'ANY')),
    countries: h('input', { id: 'c2b-service-countries', value: s ? (s.countries || []).join(', ') : '', placeholder: 'e.g. RO, HU (empty: all countries)' }),
    languages: h('input', { id: 'c2b-service-languages', value: s ? (s.languages || []).join(', ') : 'en', placeholder: 'e.g. en, ro' }),
    status: h('select', { id: 'c2b-service-status' }, options({ DRAFT: 'Draft', PUBLISHED: 'Published' }, s && s.status === 'PUBLISHED' ? 'PUBLISHED' : 'DRAFT')),
  };
  f.description.value = s ? s.description : '';
  const fee = h('div', { class: 'form-row', id: 'c2b-fee-fields' },
    field('Amount', f.priceAmount), field('Currency', f.currency));
  const syncFee = () => { fee.hidden = f.priceModel.value !== 'FIXED_FEE'; };
  f.priceModel.addEventListener('change', syncFee);
  syncFee();

  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit', id: 'c2b-service-save' }, 'Save');
  const form = h('form', { class: 'panel form form-card', id: 'c2b-service-form', novalidate: true },
    h('h1', null, s ? `Edit “${s.title}”` : 'New service'),
    field('Cluster', f.clusterId, true), field('Category', f.category, true), field('Title', f.title, true),
    field('Description', f.description, true),
    h('div', { class: 'form-row' }, field('Price', f.priceModel, true), field('Open to', f.eligibility, true)), fee,
    h('div', { class: 'form-row' }, field('Countries', f.countries), field('Languages', f.languages)),
    field('Status', f.status),
    status, h('div', { class: 'form-actions' }, submit,
      h('a', { class: 'btn btn-secondary', href: s ? serviceHref(s.id) : '#/c2b/manage' }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(status);
    const list = (v) => v.split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);
    const fixed = f.priceModel.value === 'FIXED_FEE';
    const body = {
      clusterId: f.clusterId.value || null, category: f.category.value, title: f.title.value, description: f.description.value,
      priceModel: f.priceModel.value, priceAmount: fixed ? f.priceAmount.value : null, currency: fixed ? f.currency.value : null,
      eligibility: f.eligibility.value, countries: list(f.countries.value), languages: list(f.languages.value), status: f.status.value,
    };
    submit.disabled = true;
    try {
      const saved = await ctx.api(s ? `/api/c2b/services/${encodeURIComponent(s.id)}` : '/api/c2b/services',
        { method: s ? 'PUT' : 'POST', body });
      flash = 'The service was saved.';
      ctx.navigate(serviceHref(saved.id));
    } catch (e) {
      status.appendChild(formError(e));
      submit.disabled = false;
    }
  });
  el.appendChild(form);
}

function field(text, input, required) {
  return h('div', { class: 'field' }, h('label', { for: input.id }, text, required ? h('span', { class: 'required' }, '*') : null), input);
}
