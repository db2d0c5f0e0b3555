// DanubIA RDI projects module: funding calls, project ideas (partner search), applications to
// join, the consortium builder and call recommendations.
// Loaded by the web shell with import() and called as render(element, ctx).
// All data is put into the DOM as text (h() from /ui-kit.js); never via innerHTML.

import {
  h, clear, roles, isAdmin, countryName, formatDate, errorMessage, errorPanel, loadingLine,
  breadcrumbs, options, countryOptions, query, fieldErrorList, fieldErrorText,
} from '/ui-kit.js';

const ROLES = {
  COORDINATOR: 'Coordinator',
  RESEARCH_PARTNER: 'Research partner',
  SME: 'SME',
  END_USER: 'End user',
  PILOT_SITE: 'Pilot site',
};
const STATUS = { DRAFT: 'Draft', OPEN: 'Open for partners', CLOSED: 'Closed' };
const VISIBILITY = { PUBLIC: 'Public (everyone)', ASSOCIATION: 'My association only', PRIVATE: 'Private (my organisation)' };
const APP_STATUS = { PENDING: 'Pending', ACCEPTED: 'Accepted', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn' };
const SIGNALS = {
  'role-fit': 'Fits the role',
  country: 'Wanted country',
  'new-country': 'Adds a country',
  'shared-words': 'Shared words',
  semantic: 'Similar meaning',
  lexical: 'Shared words (search)',
};

let flash = null;

export async function render(el, ctx) {
  const [section, id, action] = ctx.route || [];
  el.classList.add('rdi');
  el.appendChild(tabs(section || 'ideas', ctx));
  const body = h('div', { id: 'rdi-page' });
  el.appendChild(body);
  if (flash) {
    body.appendChild(h('p', { class: 'panel panel-ok', role: 'status', id: 'rdi-flash' }, flash));
    flash = null;
  }
  if (!section || (section === 'ideas' && !id)) return renderIdeas(body, ctx);
  if (section === 'calls') return renderCalls(body, ctx);
  if (section === 'mine') return renderMine(body, ctx);
  if (section === 'applications') return renderApplications(body, ctx);
  if (section === 'new') return renderForm(body, ctx, null);
  if (section === 'ideas' && id && !action) return renderDetail(body, ctx, id);
  if (section === 'ideas' && id && action === 'edit') return renderForm(body, ctx, id);
  body.appendChild(h('section', { class: 'panel panel-empty', id: 'rdi-not-found', role: 'alert' },
    h('h1', null, 'Page not found'), h('p', null, h('a', { href: '#/rdi' }, 'Back to RDI projects'))));
}

function tabs(current, ctx) {
  const items = [['ideas', 'Partner search'], ['calls', 'Funding calls']];
  if (ctx.user) items.push(['mine', 'My ideas'], ['applications', 'Applications']);
  if (canCreate(ctx)) items.push(['new', 'New idea']);
  return h('nav', { class: 'tabs', 'aria-label': 'RDI projects', id: 'rdi-tabs' },
    items.map(([key, label]) => h('a', {
      href: `#/rdi/${key}`, id: `rdi-tab-${key}`, class: key === current ? 'tab active' : 'tab',
      'aria-current': key === current ? 'page' : null,
    }, label)));
}

/** The query of the route (the shell gives URLSearchParams) as a plain object. */
function params(ctx) {
  const p = ctx.params;
  if (!p) return {};
  return typeof p.entries === 'function' ? Object.fromEntries(p.entries()) : p;
}

function canCreate(ctx) {
  return isAdmin(ctx) || roles(ctx).includes('member');
}

function ideaHref(id) { return `#/rdi/ideas/${encodeURIComponent(id)}`; }
function roleLabel(r) { return ROLES[r] || r; }
function party(p) {
  if (!p) return '—';
  return p.name ? `${p.name} (${countryName(p.country)})` : `An organisation from ${countryName(p.country)}`;
}
function reasonsText(reasons) {
  return (reasons || []).map((r) => `${SIGNALS[r.signal] || r.signal}${r.detail ? `: ${r.detail}` : ''}`).join(' · ');
}

async function guarded(el, fn) {
  try {
    await fn();
  } catch (e) {
    el.appendChild(errorPanel(e, 'rdi-error'));
  }
}

// ---------------------------------------------------------------------------
// Partner search (open ideas)
// ---------------------------------------------------------------------------

async function renderIdeas(el, ctx) {
  const p = params(ctx);
  el.appendChild(h('h1', null, 'Partner search'));
  el.appendChild(h('p', { class: 'muted' }, 'Open project ideas looking for partners for a funding call.'));
  const q = h('input', { id: 'rdi-ideas-q', type: 'search', value: p.q || '', placeholder: 'Words of the title or summary' });
  const country = h('select', { id: 'rdi-ideas-country' }, countryOptions(p.country || '', 'Any country'));
  const role = h('select', { id: 'rdi-ideas-role' }, options(ROLES, p.role || '', 'Any role'));
  const form = h('form', { id: 'rdi-ideas-filter', class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    ctx.navigate(`#/rdi/ideas${query({ q: q.value, country: country.value, role: role.value })}`);
  } }, h('label', null, 'Search ', q), h('label', null, 'Partner from ', country), h('label', null, 'Role ', role),
  h('button', { type: 'submit', class: 'btn' }, 'Search'));
  el.appendChild(form);
  const list = h('div', { id: 'rdi-ideas' }, loadingLine());
  el.appendChild(list);
  await guarded(el, async () => {
    const page = await ctx.api(`/api/rdi/ideas${query({ status: 'OPEN', q: p.q, country: p.country, role: p.role, page: p.page })}`);
    clear(list);
    list.appendChild(ideaTable(page.items, 'rdi-ideas-table'));
    list.appendChild(h('p', { class: 'muted' }, `${page.total} open idea(s)`));
  });
}

function ideaTable(items, id) {
  if (!items.length) return h('p', { class: 'empty', id: `${id}-empty` }, 'No ideas found.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id },
    h('thead', null, h('tr', null, ['Idea', 'Call', 'Owner', 'Missing roles', 'Status'].map((t) => h('th', null, t)))),
    h('tbody', null, items.map((i) => h('tr', { dataset: { ideaId: i.id } },
      h('td', null, h('a', { href: ideaHref(i.id) }, i.title)),
      h('td', null, h('span', { class: 'mono' }, i.callCode), h('br'), h('small', { class: 'muted' }, i.programme)),
      h('td', null, party(i.owner)),
      h('td', null, i.roles.filter((r) => !r.filled).map((r) => roleLabel(r.role) + (r.country ? ` (${r.country})` : '')).join(', ') || '—'),
      h('td', null, STATUS[i.status] || i.status))))));
}

// ---------------------------------------------------------------------------
// Funding calls
// ---------------------------------------------------------------------------

async function renderCalls(el, ctx) {
  const p = params(ctx);
  el.appendChild(h('h1', null, 'Funding calls'));
  const q = h('input', { id: 'rdi-calls-q', type: 'search', value: p.q || '', placeholder: 'Topic code or title words' });
  const programme = h('select', { id: 'rdi-calls-programme' }, h('option', { value: '' }, 'Any programme'));
  el.appendChild(h('form', { id: 'rdi-calls-filter', class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    ctx.navigate(`#/rdi/calls${query({ q: q.value, programme: programme.value })}`);
  } }, h('label', null, 'Search ', q), h('label', null, 'Programme ', programme),
  h('button', { type: 'submit', class: 'btn' }, 'Search')));
  const list = h('div', { id: 'rdi-calls' }, loadingLine());
  el.appendChild(list);
  await guarded(el, async () => {
    const [programmes, page] = await Promise.all([
      ctx.api('/api/rdi/calls/programmes'),
      ctx.api(`/api/rdi/calls${query({ q: p.q, programme: p.programme, page: p.page })}`),
    ]);
    for (const x of programmes) {
      const o = h('option', { value: x.programme }, `${x.programme} (${x.calls})`);
      if (x.programme === p.programme) o.selected = true;
      programme.appendChild(o);
    }
    clear(list);
    if (!page.items.length) {
      list.appendChild(h('p', { class: 'empty' }, 'No calls found.'));
      return;
    }
    list.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'rdi-calls-table' },
      h('thead', null, h('tr', null, ['Topic', 'Title', 'Programme', 'Deadline', ''].map((t) => h('th', null, t)))),
      h('tbody', null, page.items.map((c) => h('tr', { dataset: { topicCode: c.topicCode } },
        h('td', { class: 'mono' }, c.topicCode), h('td', null, c.title), h('td', null, c.programme),
        h('td', null, c.deadline ? formatDate(c.deadline) : '—'),
        h('td', null, canCreate(ctx) ? h('a', { href: `#/rdi/new${query({ call: c.topicCode })}`, class: 'btn btn-small' }, 'Start an idea') : null)))))));
    const pageNo = Number(p.page || 0);
    const last = Math.ceil(page.total / page.size) - 1;
    list.appendChild(h('p', { class: 'pager' }, `${page.total} calls · page ${pageNo + 1} of ${Math.max(1, last + 1)} `,
      pageNo > 0 ? h('a', { href: `#/rdi/calls${query({ q: p.q, programme: p.programme, page: pageNo - 1 })}`, id: 'rdi-calls-prev' }, 'Previous') : null, ' ',
      pageNo < last ? h('a', { href: `#/rdi/calls${query({ q: p.q, programme: p.programme, page: pageNo + 1 })}`, id: 'rdi-calls-next' }, 'Next') : null));
  });
}

// ---------------------------------------------------------------------------
// My ideas
// ---------------------------------------------------------------------------

async function renderMine(el, ctx) {
  if (!ctx.user) return el.appendChild(loginPanel());
  el.appendChild(h('h1', null, 'My project ideas'));
  if (canCreate(ctx)) el.appendChild(h('p', null, h('a', { href: '#/rdi/new', class: 'btn', id: 'rdi-new-idea' }, 'New project idea')));
  const list = h('div', { id: 'rdi-mine' }, loadingLine());
  el.appendChild(list);
  await guarded(el, async () => {
    const page = await ctx.api('/api/rdi/ideas?mine=true&size=200');
    clear(list);
    list.appendChild(ideaTable(page.items, 'rdi-mine-table'));
  });
}

function loginPanel() {
  return h('section', { class: 'panel narrow', id: 'rdi-login-required', role: 'alert' },
    h('h1', null, 'Sign in required'), h('p', null, h('a', { href: '#/login', class: 'btn' }, 'Sign in')));
}

// ---------------------------------------------------------------------------
// Idea detail: roles, consortium builder, recommended calls, apply form
// ---------------------------------------------------------------------------

async function renderDetail(el, ctx, id) {
  let idea;
  try {
    idea = await ctx.api(`/api/rdi/ideas/${encodeURIComponent(id)}`);
  } catch (e) {
    el.appendChild(errorPanel(e, 'rdi-error'));
    return;
  }
  el.appendChild(breadcrumbs([['RDI projects', '#/rdi'], [idea.title, null]]));
  el.appendChild(h('h1', { id: 'rdi-idea-heading' }, idea.title));
  el.appendChild(h('p', null,
    h('span', { class: 'badge', id: 'rdi-idea-status', dataset: { status: idea.status } }, STATUS[idea.status] || idea.status), ' ',
    h('span', { class: 'mono' }, idea.callCode), ' — ', idea.callTitle || '', ' · ', idea.programme));
  el.appendChild(h('p', { id: 'rdi-idea-summary' }, idea.summary));
  el.appendChild(h('p', { class: 'muted' }, 'Owner: ', party(idea.owner), ' · ', VISIBILITY[idea.visibility] || idea.visibility));

  if (idea.mine) {
    const actions = h('p', { id: 'rdi-idea-actions' });
    if (idea.status !== 'CLOSED') actions.appendChild(h('a', { href: `${ideaHref(idea.id)}/edit`, class: 'btn btn-secondary', id: 'rdi-idea-edit' }, 'Edit'));
    if (idea.status === 'DRAFT') actions.appendChild(actionButton(ctx, 'rdi-idea-publish', 'Publish the partner search', `/api/rdi/ideas/${idea.id}/publish`, 'The partner search is published.'));
    if (idea.status !== 'CLOSED') actions.appendChild(actionButton(ctx, 'rdi-idea-close', 'Close', `/api/rdi/ideas/${idea.id}/close`, 'The idea is closed.'));
    el.appendChild(actions);
  }

  const consortium = h('section', { id: 'rdi-consortium-section' }, h('h2', null, 'Consortium'), loadingLine());
  const calls = h('section', { id: 'rdi-recommended-calls-section' }, h('h2', null, 'Calls that fit this idea'), loadingLine());
  el.appendChild(consortium);
  if (idea.status === 'OPEN' && ctx.user && !idea.mine && canCreate(ctx)) el.appendChild(applyForm(ctx, idea));
  el.appendChild(calls);
  await Promise.all([
    fillConsortium(consortium, ctx, idea),
    fillCalls(calls, ctx, idea),
  ]);
}

function actionButton(ctx, id, label, path, done) {
  const b = h('button', { type: 'button', class: 'btn', id, onclick: async () => {
    b.disabled = true;
    try {
      await ctx.api(path, { method: 'POST' });
      flash = done;
      ctx.navigate(location.hash);
    } catch (e) {
      b.disabled = false;
      b.after(h('span', { class: 'error', role: 'alert' }, ` ${errorMessage(e)}`));
    }
  } }, label);
  return b;
}

async function fillConsortium(section, ctx, idea) {
  const loader = section.lastChild;
  try {
    const c = await ctx.api(`/api/rdi/ideas/${idea.id}/consortium`);
    loader.replaceWith(h('p', { id: 'rdi-consortium-countries', dataset: { missing: String(c.countriesMissing), complete: String(c.complete) } },
      `Countries: ${c.countries.map(countryName).join(', ') || 'none yet'} — ${c.note}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'rdi-consortium' },
      h('thead', null, h('tr', null, ['Role', 'Country wanted', 'Filled by', 'Proposed organisations'].map((t) => h('th', null, t)))),
      h('tbody', null, c.roles.map((r) => h('tr', { dataset: { role: r.role, filled: String(r.filled), roleId: r.id } },
        h('td', null, roleLabel(r.role)),
        h('td', null, r.country ? countryName(r.country) : 'Any'),
        h('td', { class: 'filled-by' }, r.filled ? party(r.filledBy) : h('span', { class: 'badge badge-warn' }, 'Missing')),
        h('td', null, r.filled ? '' : proposals(r.proposals))))))));
  } catch (e) {
    if (loader.isConnected) loader.replaceWith(errorPanel(e, 'rdi-consortium-error'));
    else section.appendChild(errorPanel(e, 'rdi-consortium-error'));
  }
}

function proposals(list) {
  if (!list.length) return h('span', { class: 'muted' }, 'No organisation of the directory fits yet.');
  return h('ul', { class: 'rdi-proposals' }, list.map((p) => h('li', { dataset: { organisationId: p.organisation.organisationId || '', source: p.source } },
    h('strong', null, party(p.organisation)), ` — ${p.score.toFixed(2)} (${p.source})`, h('br'),
    h('small', { class: 'muted' }, reasonsText(p.reasons)))));
}

async function fillCalls(section, ctx, idea) {
  const loader = section.lastChild;
  try {
    const list = await ctx.api(`/api/rdi/ideas/${idea.id}/calls`);
    if (!list.length) {
      loader.replaceWith(h('p', { class: 'empty' }, 'No call found for this idea.'));
      return;
    }
    loader.replaceWith(h('ol', { id: 'rdi-recommended-calls' }, list.map((c) => h('li', { dataset: { topicCode: c.topicCode, source: c.source } },
      h('span', { class: 'mono' }, c.topicCode), ` ${c.title} `, h('small', { class: 'muted' }, `(${c.programme}; score ${c.score.toFixed(2)}, ${c.source})`),
      h('br'), h('small', { class: 'muted' }, reasonsText(c.reasons))))));
  } catch (e) {
    if (loader.isConnected) loader.replaceWith(errorPanel(e, 'rdi-calls-error'));
    else section.appendChild(errorPanel(e, 'rdi-calls-error'));
  }
}

function applyForm(ctx, idea) {
  const open = idea.roles.filter((r) => !r.filled);
  const role = h('select', { id: 'rdi-apply-role', required: true },
    open.map((r) => h('option', { value: r.id }, roleLabel(r.role) + (r.country ? ` (${countryName(r.country)})` : ''))));
  const message = h('textarea', { id: 'rdi-apply-message', rows: 4, required: true, maxlength: 4000 });
  const status = h('p', { id: 'rdi-apply-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn', id: 'rdi-apply-submit', disabled: !open.length }, 'Apply');
  return h('section', { id: 'rdi-apply' }, h('h2', null, 'Apply to join'),
    h('form', { id: 'rdi-apply-form', onsubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      status.textContent = '';
      try {
        await ctx.api(`/api/rdi/ideas/${idea.id}/applications`, { method: 'POST', body: { roleId: role.value, message: message.value } });
        flash = 'Your application was sent.';
        ctx.navigate('#/rdi/applications');
      } catch (err) {
        submit.disabled = false;
        status.className = 'error';
        status.textContent = errorMessage(err) + fieldErrors(err);
      }
    } },
    h('label', { for: 'rdi-apply-role' }, 'Role'), role,
    h('label', { for: 'rdi-apply-message' }, 'Message to the owner'), message, submit, status));
}

function fieldErrors(e) {
  const text = fieldErrorText(e);
  return text ? ' ' + text : '';
}

// ---------------------------------------------------------------------------
// Create and edit form with the roles editor
// ---------------------------------------------------------------------------

async function renderForm(el, ctx, id) {
  if (!ctx.user) return el.appendChild(loginPanel());
  let idea = null;
  if (id) {
    try {
      idea = await ctx.api(`/api/rdi/ideas/${encodeURIComponent(id)}`);
    } catch (e) {
      el.appendChild(errorPanel(e, 'rdi-error'));
      return;
    }
  }
  el.appendChild(h('h1', null, idea ? 'Edit project idea' : 'New project idea'));
  const title = h('input', { id: 'rdi-idea-title', required: true, maxlength: 200, value: idea ? idea.title : '' });
  const summary = h('textarea', { id: 'rdi-idea-summary-input', rows: 6, required: true, maxlength: 4000 }, idea ? idea.summary : '');
  const call = h('input', { id: 'rdi-call-code', required: true, class: 'mono', list: 'rdi-call-options',
    value: idea ? idea.callCode : (params(ctx).call || ''), placeholder: 'HORIZON-CL5-2024-D3-01-02' });
  const callOptions = h('datalist', { id: 'rdi-call-options' });
  let timer = null;
  call.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (call.value.length < 3) return;
      try {
        const page = await ctx.api(`/api/rdi/calls${query({ q: call.value, size: 20 })}`);
        clear(callOptions);
        for (const c of page.items) callOptions.appendChild(h('option', { value: c.topicCode }, c.title));
      } catch { /* suggestions only */ }
    }, 250);
  });
  const visibility = h('select', { id: 'rdi-idea-visibility' }, options(VISIBILITY, idea ? idea.visibility : 'PUBLIC'));
  const ownerRole = idea ? null : h('select', { id: 'rdi-owner-role' }, options(ROLES, 'COORDINATOR'));
  const openNow = idea ? null : h('input', { type: 'checkbox', id: 'rdi-idea-open', checked: true });
  const rolesBody = h('tbody', { id: 'rdi-roles' });
  const addRole = (r) => {
    const kind = h('select', { class: 'rdi-role-kind', 'aria-label': 'Role' }, options(ROLES, r ? r.role : 'RESEARCH_PARTNER'));
    const country = h('select', { class: 'rdi-role-country', 'aria-label': 'Country wanted' }, countryOptions(r && r.country ? r.country : '', 'Any country'));
    const row = h('tr', { class: 'rdi-role-row', dataset: { roleId: r && r.id ? r.id : '' } },
      h('td', null, kind), h('td', null, country),
      h('td', null, r && r.filled ? `Filled by ${party(r.filledBy)}` : ''),
      h('td', null, r && r.filled ? '' : h('button', { type: 'button', class: 'btn btn-small rdi-role-remove', onclick: () => row.remove() }, 'Remove')));
    if (r && r.filled) { kind.disabled = true; country.disabled = true; }
    rolesBody.appendChild(row);
  };
  if (idea) idea.roles.forEach(addRole);
  else { addRole({ role: 'RESEARCH_PARTNER' }); addRole({ role: 'SME' }); }
  const status = h('div', { id: 'rdi-idea-errors', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'btn', id: 'rdi-idea-submit' }, idea ? 'Save' : 'Create');
  const form = h('form', { id: 'rdi-idea-form', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    clear(status);
    const body = {
      title: title.value, summary: summary.value, callCode: call.value.trim(), visibility: visibility.value,
      roles: [...rolesBody.querySelectorAll('tr.rdi-role-row')].map((row) => ({
        id: row.dataset.roleId || null,
        role: row.querySelector('.rdi-role-kind').value,
        country: row.querySelector('.rdi-role-country').value || null,
      })),
    };
    if (ownerRole) body.ownerRole = ownerRole.value;
    try {
      let saved;
      if (idea) {
        saved = await ctx.api(`/api/rdi/ideas/${idea.id}`, { method: 'PUT', body });
      } else {
        saved = await ctx.api('/api/rdi/ideas', { method: 'POST', body });
        if (openNow.checked) saved = await ctx.api(`/api/rdi/ideas/${saved.id}/publish`, { method: 'POST' });
      }
      flash = idea ? 'The idea was saved.' : 'The idea was created.';
      ctx.navigate(ideaHref(saved.id));
    } catch (err) {
      submit.disabled = false;
      status.appendChild(h('p', { class: 'error' }, errorMessage(err)));
      const fields = fieldErrorList(err);
      if (fields) status.appendChild(fields);
    }
  } },
  h('label', { for: 'rdi-idea-title' }, 'Title'), title,
  h('label', { for: 'rdi-idea-summary-input' }, 'Summary'), summary,
  h('label', { for: 'rdi-call-code' }, 'Target call (topic code)'), call, callOptions,
  h('label', { for: 'rdi-idea-visibility' }, 'Who sees it'), visibility,
  ownerRole ? [h('label', { for: 'rdi-owner-role' }, 'The role your organisation takes'), ownerRole] : null,
  h('fieldset', null, h('legend', null, 'Roles needed'),
    h('table', { class: 'data' }, h('thead', null, h('tr', null, ['Role', 'Country wanted', '', ''].map((t) => h('th', null, t)))), rolesBody),
    h('button', { type: 'button', class: 'btn btn-secondary', id: 'rdi-role-add', onclick: () => addRole(null) }, 'Add a role')),
  openNow ? h('label', null, openNow, ' Publish the partner search now') : null,
  status, submit);
  el.appendChild(form);
}

// ---------------------------------------------------------------------------
// Applications inbox and outbox
// ---------------------------------------------------------------------------

async function renderApplications(el, ctx) {
  if (!ctx.user) return el.appendChild(loginPanel());
  el.appendChild(h('h1', null, 'Applications'));
  const holder = h('div', null, loadingLine());
  el.appendChild(holder);
  await guarded(el, async () => {
    const list = await ctx.api('/api/rdi/applications');
    clear(holder);
    if (!list.length) {
      holder.appendChild(h('p', { class: 'empty', id: 'rdi-applications-empty' }, 'No applications yet.'));
      return;
    }
    holder.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'rdi-applications' },
      h('thead', null, h('tr', null, ['', 'Idea', 'Role', 'Applicant', 'Message', 'Status', 'Sent', ''].map((t) => h('th', null, t)))),
      h('tbody', null, list.map((a) => h('tr', { dataset: { applicationId: a.id, box: a.box, status: a.status } },
        h('td', null, a.box === 'INBOX' ? 'Received' : 'Sent'),
        h('td', null, h('a', { href: ideaHref(a.ideaId) }, a.ideaTitle)),
        h('td', null, roleLabel(a.role)),
        h('td', null, party(a.applicant)),
        h('td', null, a.message),
        h('td', { class: 'status' }, APP_STATUS[a.status] || a.status),
        h('td', null, formatDate(a.createdAt)),
        h('td', null, a.status !== 'PENDING' ? '' : (a.box === 'INBOX'
          ? [answer(ctx, a, 'accept', 'Accept'), ' ', answer(ctx, a, 'decline', 'Decline')]
          : answer(ctx, a, 'withdraw', 'Withdraw')))))))));
  });
}

function answer(ctx, a, what, label) {
  const b = h('button', { type: 'button', class: `btn btn-small ${what}`, onclick: async () => {
    b.disabled = true;
    try {
      await ctx.api(`/api/rdi/applications/${a.id}/${what}`, { method: 'POST' });
      flash = `The application was ${what === 'accept' ? 'accepted' : what === 'decline' ? 'declined' : 'withdrawn'}.`;
      ctx.navigate('#/rdi/applications');
    } catch (e) {
      b.disabled = false;
      b.after(h('span', { class: 'error', role: 'alert' }, ` ${errorMessage(e)}`));
    }
  } }, label);
  return b;
}
