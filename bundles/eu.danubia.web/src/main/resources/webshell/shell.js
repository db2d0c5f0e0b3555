// DanubIA web shell: session, navigation, hash routing and module loading.
// Plain ES module, no dependencies. Every user-supplied string goes into the
// DOM through textContent (see h()), never through innerHTML.

const state = {
  user: null,          // current user or null (anonymous)
  csrfToken: null,     // CSRF token from login or /api/auth/me
  contributions: [],   // menu entries from /api/ui/contributions
  health: null,        // last /api/health answer
  renderSeq: 0,        // guards against out-of-order async renders
  cleanup: null,       // optional cleanup function returned by a module
  firstRender: true,
};

// ---------------------------------------------------------------------------
// DOM helper
// ---------------------------------------------------------------------------

/**
 * Creates an element. props: class, id, attributes, dataset (object),
 * on<Event> handlers (functions), boolean properties (hidden, disabled...).
 * Children: nodes, strings (inserted as text), numbers, arrays, null/false (skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class' || key === 'className') el.className = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  appendChildren(el, children);
  return el;
}

function appendChildren(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendChildren(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

// ---------------------------------------------------------------------------
// API helper
// ---------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, title, detail, errors, body) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title || '';
    this.detail = detail || title || `Request failed (HTTP ${status})`;
    this.errors = errors || null;
    this.body = body || null;
  }
}

/**
 * Calls the platform API. Non-GET requests carry the CSRF token. JSON in, JSON
 * out; problem+json errors are thrown as ApiError {status, title, detail, errors}.
 */
export async function api(path, { method = 'GET', body, headers, signal } = {}) {
  method = method.toUpperCase();
  const hdrs = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    hdrs['Content-Type'] = 'application/json';
    if (state.csrfToken) hdrs['X-CSRF-Token'] = state.csrfToken;
  }
  if (headers) Object.assign(hdrs, headers);

  let res;
  try {
    res = await fetch(path, {
      method,
      headers: hdrs,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Network error', 'The DanubIA server cannot be reached. Check your connection and try again.');
  }

  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (res.status !== 204 && res.status !== 205) {
    const text = await res.text();
    if (text && /json/i.test(type)) {
      try { data = JSON.parse(text); } catch { data = null; }
    } else if (text) {
      data = text;
    }
  }

  if (!res.ok) {
    const p = data && typeof data === 'object' ? data : {};
    const err = new ApiError(res.status, p.title || res.statusText, p.detail, p.errors, p);
    if (res.status === 401 && state.user && !path.startsWith('/api/auth/')) {
      // Session expired or revoked: drop back to anonymous mode.
      setSession(null, null);
      refreshContributions().then(renderNav);
    }
    throw err;
  }
  return data;
}

// ---------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------

function setSession(user, csrfToken) {
  state.user = user || null;
  state.csrfToken = csrfToken || null;
  renderHeader();
}

async function loadSession() {
  try {
    const me = await api('/api/auth/me');
    if (me && me.user) setSession(me.user, me.csrfToken);
    else if (me && me.id) setSession(me, me.csrfToken);
    else setSession(null, null);
  } catch {
    setSession(null, null);
  }
}

async function logout() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } catch {
    // Ignore: we drop the local session anyway.
  }
  setSession(null, null);
  await refreshContributions();
  renderNav();
  navigate('#/');
}

function hasRole(role) {
  return !!(state.user && Array.isArray(state.user.roles) && state.user.roles.includes(role));
}

// ---------------------------------------------------------------------------
// Contributions (menu)
// ---------------------------------------------------------------------------

async function refreshContributions() {
  try {
    const list = await api('/api/ui/contributions');
    if (Array.isArray(list)) {
      state.contributions = list
        .filter((c) => c && c.id && c.script)
        .sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || String(a.label).localeCompare(String(b.label)));
    }
  } catch {
    // Keep the last known list if the server cannot be reached.
  }
  return state.contributions;
}

// ---------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------

function parseHash() {
  let raw = location.hash.replace(/^#/, '');
  if (!raw.startsWith('/')) raw = '/' + raw;
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const query = q >= 0 ? raw.slice(q + 1) : '';
  const segments = pathPart.split('/').filter(Boolean).map((s) => {
    try { return decodeURIComponent(s); } catch { return s; }
  });
  return { segments, params: new URLSearchParams(query) };
}

export function navigate(hash) {
  let target = String(hash || '#/');
  if (!target.startsWith('#')) target = '#' + target;
  if (location.hash === target) route();
  else location.hash = target;
}

async function route() {
  const seq = ++state.renderSeq;
  const { segments, params } = parseHash();
  const top = segments[0] || '';

  if (typeof state.cleanup === 'function') {
    try { state.cleanup(); } catch { /* ignore */ }
  }
  state.cleanup = null;

  // Modules can be installed or removed at runtime: re-read the menu on each navigation.
  await refreshContributions();
  if (seq !== state.renderSeq) return;
  renderNav(top);

  const viewHost = document.getElementById('view');
  const view = h('div', { class: 'view-inner', 'aria-busy': 'true' });
  clear(viewHost);
  viewHost.appendChild(view);

  try {
    if (top === '') {
      document.title = 'DanubIA';
      await renderHome(view, seq);
    } else if (top === 'login') {
      document.title = 'Sign in – DanubIA';
      renderLogin(view, params);
    } else {
      await renderContribution(view, top, segments.slice(1), params, seq);
    }
  } finally {
    view.removeAttribute('aria-busy');
  }

  if (seq === state.renderSeq) {
    if (!state.firstRender) {
      const main = document.getElementById('main');
      if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
    state.firstRender = false;
  }
}

async function renderContribution(view, id, rest, params, seq) {
  const contribution = state.contributions.find((c) => c.id === id);
  if (!contribution) {
    document.title = 'Module not installed – DanubIA';
    view.appendChild(notInstalled(id));
    return;
  }
  document.title = `${contribution.label} – DanubIA`;
  view.appendChild(h('p', { class: 'loading', role: 'status' }, `Loading ${contribution.label}…`));

  let mod;
  try {
    mod = await import(contribution.script);
  } catch (e) {
    if (seq !== state.renderSeq) return;
    clear(view);
    view.appendChild(notInstalled(id, contribution.label, e));
    return;
  }
  if (seq !== state.renderSeq) return;
  clear(view);
  if (!mod || typeof mod.render !== 'function') {
    view.appendChild(notInstalled(id, contribution.label));
    return;
  }

  const ctx = {
    api,
    user: state.user,
    csrfToken: state.csrfToken,
    navigate,
    route: rest,
    params,
    contribution,
    h,
  };
  try {
    const result = await mod.render(view, ctx);
    if (typeof result === 'function') {
      if (seq === state.renderSeq) state.cleanup = result;
      else result();
    }
  } catch (e) {
    if (seq !== state.renderSeq) return;
    clear(view);
    view.appendChild(h('section', { class: 'panel panel-error', role: 'alert', id: 'module-error' },
      h('h1', null, `${contribution.label} could not be displayed`),
      h('p', null, e instanceof ApiError ? e.detail : 'An unexpected error occurred while showing this page.'),
      h('p', null, h('a', { href: '#/', class: 'btn btn-secondary' }, 'Back to home'))));
  }
}

function notInstalled(id, label, error) {
  const anon = !state.user;
  return h('section', { class: 'panel panel-empty', id: 'module-not-installed', role: 'alert', 'data-module': id },
    h('h1', null, 'This module is not installed'),
    h('p', null,
      label
        ? `The “${label}” module could not be loaded. It may have been uninstalled or updated on the server.`
        : `There is no module “${id}” on this DanubIA installation. It may have been uninstalled, or it is not available to you.`),
    anon ? h('p', null, 'Some modules are only available after signing in.') : null,
    error ? h('p', { class: 'muted small' }, `Technical detail: ${error.message || error}`) : null,
    h('p', { class: 'actions' },
      h('a', { href: '#/', class: 'btn btn-primary' }, 'Go to home'),
      anon ? h('a', { href: '#/login', class: 'btn btn-secondary' }, 'Sign in') : null));
}

// ---------------------------------------------------------------------------
// Header and navigation
// ---------------------------------------------------------------------------

function renderHeader() {
  const box = document.getElementById('header-user');
  if (!box) return;
  clear(box);
  if (state.user) {
    const u = state.user;
    box.appendChild(h('span', { class: 'user-badge', title: u.email || '' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(u.name || u.email)),
      h('span', { class: 'user-text' },
        h('span', { id: 'current-user', class: 'user-name' }, u.name || u.email || 'Signed in'),
        u.associationName ? h('span', { class: 'user-assoc', id: 'current-association' }, u.associationName) : null)));
    box.appendChild(h('button', { type: 'button', id: 'logout', class: 'btn btn-header' , onclick: logout }, 'Sign out'));
  } else {
    box.appendChild(h('a', { href: '#/login', id: 'header-login', class: 'btn btn-header' }, 'Sign in'));
  }
}

function initials(name) {
  const parts = String(name || '?').trim().split(/[\s@.]+/).filter(Boolean);
  return ((parts[0] || '?')[0] + (parts.length > 1 ? parts[1][0] : '')).toUpperCase();
}

function renderNav(active) {
  if (active === undefined) active = parseHash().segments[0] || '';
  const list = document.getElementById('nav-list');
  if (!list) return;
  clear(list);
  const item = (href, label, attrs, isActive) => h('li', null,
    h('a', { href, class: 'nav-link' + (isActive ? ' active' : ''), 'aria-current': isActive ? 'page' : null, ...attrs }, label));

  list.appendChild(item('#/', 'Home', { 'data-nav': 'home' }, active === ''));
  if (state.contributions.length) {
    list.appendChild(h('li', { class: 'nav-heading', 'aria-hidden': 'true' }, 'Modules'));
    for (const c of state.contributions) {
      list.appendChild(item(`#/${encodeURIComponent(c.id)}`, c.label || c.id, { 'data-contribution': c.id }, active === c.id));
    }
  }
  if (!state.user) {
    list.appendChild(h('li', { class: 'nav-sep', 'aria-hidden': 'true' }));
    list.appendChild(item('#/login', 'Sign in', { 'data-nav': 'login' }, active === 'login'));
  } else {
    list.appendChild(h('li', { class: 'nav-sep', 'aria-hidden': 'true' }));
    list.appendChild(h('li', null, h('button', { type: 'button', class: 'nav-link nav-button', 'data-nav': 'logout', onclick: logout }, 'Sign out')));
  }
}

// ---------------------------------------------------------------------------
// Home
// ---------------------------------------------------------------------------

const ROLE_LABELS = {
  'platform-admin': 'Platform administrator',
  'association-admin': 'Association administrator',
  'organisation-admin': 'Organisation administrator',
  member: 'Member',
};

async function renderHome(view, seq) {
  const statusBody = h('div', { class: 'status-body', id: 'platform-status' }, h('p', { class: 'muted' }, 'Checking…'));

  const userCard = state.user
    ? h('section', { class: 'card', id: 'home-user', 'aria-labelledby': 'home-user-title' },
        h('h2', { id: 'home-user-title' }, 'Your account'),
        h('dl', { class: 'kv' },
          h('dt', null, 'Name'), h('dd', null, state.user.name || '—'),
          h('dt', null, 'E-mail'), h('dd', null, state.user.email || '—'),
          h('dt', null, 'Association'), h('dd', null, state.user.associationName || (state.user.associationId ? state.user.associationId : 'None (platform level)')),
          h('dt', null, 'Roles'), h('dd', null,
            (state.user.roles && state.user.roles.length)
              ? h('ul', { class: 'tags' }, state.user.roles.map((r) => h('li', { class: 'tag', 'data-role': r }, ROLE_LABELS[r] || r)))
              : 'No roles')))
    : h('section', { class: 'card', id: 'home-login-prompt', 'aria-labelledby': 'home-login-title' },
        h('h2', { id: 'home-login-title' }, 'Sign in'),
        h('p', null, 'You are browsing as a guest and see the public directory only. Members of a cluster association sign in to manage their organisations, clusters and cooperation opportunities.'),
        h('p', null, h('a', { href: '#/login', class: 'btn btn-primary', id: 'home-login' }, 'Sign in')));

  const modules = state.contributions.length
    ? h('ul', { class: 'module-grid', id: 'home-modules' },
        state.contributions.map((c) => h('li', null,
          h('a', { class: 'module-card', href: `#/${encodeURIComponent(c.id)}`, 'data-module-card': c.id },
            h('span', { class: 'module-icon', 'aria-hidden': 'true' }, (c.label || c.id).slice(0, 1).toUpperCase()),
            h('span', { class: 'module-text' },
              h('span', { class: 'module-label' }, c.label || c.id),
              h('span', { class: 'module-desc' }, c.description || 'Open module'))))))
    : h('p', { class: 'muted', id: 'home-modules-empty' }, 'No modules are available to you yet.');

  view.appendChild(h('div', { class: 'home' },
    h('section', { class: 'hero', 'aria-labelledby': 'home-title' },
      h('h1', { id: 'home-title' }, 'Welcome to DanubIA'),
      h('p', { class: 'lead' },
        'DanubIA is an open platform where the cluster associations of the Danube region run cooperation between clusters, SMEs, universities and public bodies. ',
        'Business-to-business (B2B), cluster-to-cluster (C2C), cluster-to-business (C2B) and research, development and innovation (RDI) cooperation modes are installed as plugins; ',
        'AI-assisted matchmaking proposes partners across borders, and shared indicators make the results of cooperation visible to members and funders.')),
    h('div', { class: 'home-grid' },
      userCard,
      h('section', { class: 'card', id: 'home-status', 'aria-labelledby': 'home-status-title' },
        h('h2', { id: 'home-status-title' }, 'Platform status'),
        statusBody)),
    h('section', { class: 'home-section', 'aria-labelledby': 'home-modules-title' },
      h('h2', { id: 'home-modules-title' }, 'Installed modules'),
      modules)));

  try {
    const health = await api('/api/health');
    state.health = health;
    if (seq !== state.renderSeq) return;
    clear(statusBody);
    statusBody.appendChild(h('dl', { class: 'kv' },
      h('dt', null, 'Platform'), h('dd', null, statusBadge(health && health.status, 'platform')),
      h('dt', null, 'Database'), h('dd', null, statusBadge(health && health.database, 'database')),
      h('dt', null, 'Version'), h('dd', { id: 'status-version' }, (health && health.version) || '—')));
    setFooterVersion(health && health.version);
  } catch (e) {
    if (seq !== state.renderSeq) return;
    clear(statusBody);
    const body = e instanceof ApiError && e.body && typeof e.body === 'object' ? e.body : null;
    statusBody.appendChild(h('dl', { class: 'kv' },
      h('dt', null, 'Platform'), h('dd', null, statusBadge((body && body.status) || 'DOWN', 'platform')),
      h('dt', null, 'Database'), h('dd', null, statusBadge((body && body.database) || 'UNKNOWN', 'database'))));
    statusBody.appendChild(h('p', { class: 'muted small' }, e.detail || 'Status unavailable.'));
  }
}

function statusBadge(value, which) {
  const v = String(value || 'UNKNOWN').toUpperCase();
  const cls = v === 'UP' ? 'ok' : v === 'DOWN' ? 'bad' : 'warn';
  return h('span', { class: `badge badge-${cls}`, id: `status-${which}`, 'data-status': v }, v);
}

function setFooterVersion(version) {
  const el = document.getElementById('footer-version');
  if (el) el.textContent = version ? `Version ${version}` : '';
}

// ---------------------------------------------------------------------------
// Login
// ---------------------------------------------------------------------------

function renderLogin(view, params) {
  if (state.user) {
    view.appendChild(h('section', { class: 'panel narrow' },
      h('h1', null, 'You are signed in'),
      h('p', null, `Signed in as ${state.user.name || state.user.email}.`),
      h('p', { class: 'actions' },
        h('a', { href: '#/', class: 'btn btn-primary' }, 'Go to home'),
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: logout }, 'Sign out'))));
    return;
  }

  const errorBox = h('div', { id: 'login-error', class: 'form-error', role: 'alert', 'aria-live': 'assertive', hidden: true });
  const emailErr = h('p', { id: 'login-email-error', class: 'field-error', hidden: true });
  const pwdErr = h('p', { id: 'login-password-error', class: 'field-error', hidden: true });
  const email = h('input', {
    id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true,
    'aria-describedby': 'login-email-error', spellcheck: 'false', autocapitalize: 'none',
  });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    'aria-describedby': 'login-password-error',
  });
  const submit = h('button', { id: 'login-submit', type: 'submit', class: 'btn btn-primary btn-block' }, 'Sign in');

  const setFieldError = (input, box, msg) => {
    box.textContent = msg || '';
    box.hidden = !msg;
    if (msg) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const showError = (msg) => {
    errorBox.textContent = msg || '';
    errorBox.hidden = !msg;
  };

  const form = h('form', { class: 'form', id: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    errorBox,
    h('div', { class: 'field' },
      h('label', { for: 'login-email' }, 'E-mail address'),
      email, emailErr),
    h('div', { class: 'field' },
      h('label', { for: 'login-password' }, 'Password'),
      password, pwdErr),
    submit);

  email.addEventListener('input', () => setFieldError(email, emailErr, ''));
  password.addEventListener('input', () => setFieldError(password, pwdErr, ''));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showError('');
    let ok = true;
    const emailValue = email.value.trim();
    if (!emailValue) { setFieldError(email, emailErr, 'Enter your e-mail address.'); ok = false; }
    else if (!/^[^\s@]+@[^\s@]+$/.test(emailValue)) { setFieldError(email, emailErr, 'Enter a valid e-mail address, like name@example.org.'); ok = false; }
    else setFieldError(email, emailErr, '');
    if (!password.value) { setFieldError(password, pwdErr, 'Enter your password.'); ok = false; }
    else setFieldError(password, pwdErr, '');
    if (!ok) {
      (email.getAttribute('aria-invalid') ? email : password).focus();
      return;
    }

    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      const res = await api('/api/auth/login', { method: 'POST', body: { email: emailValue, password: password.value } });
      setSession(res && res.user, res && res.csrfToken);
      await refreshContributions();
      renderNav();
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? '#' + next : '#/');
    } catch (e) {
      let msg;
      if (e instanceof ApiError) {
        if (e.status === 401) msg = e.body && e.body.detail ? e.detail : 'The e-mail address or password is not correct.';
        else msg = e.detail;
        if (e.errors) {
          if (e.errors.email) setFieldError(email, emailErr, e.errors.email);
          if (e.errors.password) setFieldError(password, pwdErr, e.errors.password);
        }
      } else {
        msg = 'Sign-in failed. Please try again.';
      }
      showError(msg);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  });

  view.appendChild(h('section', { class: 'login-wrap' },
    h('div', { class: 'card login-card' },
      h('h1', { id: 'login-title' }, 'Sign in to DanubIA'),
      h('p', { class: 'muted' }, 'Use the account your cluster association created for you.'),
      form)));
  if (!state.firstRender) email.focus();
}

// ---------------------------------------------------------------------------
// Boot
// ---------------------------------------------------------------------------

async function start() {
  const skip = document.getElementById('skip-link');
  if (skip) {
    // The hash is used for routing: move focus without changing it.
    skip.addEventListener('click', (ev) => {
      ev.preventDefault();
      const main = document.getElementById('main');
      if (main) main.focus();
    });
  }
  renderHeader();
  await loadSession();
  window.addEventListener('hashchange', route);
  window.addEventListener('focus', async () => {
    // A module may have been installed or removed while the tab was in the background.
    const before = JSON.stringify(state.contributions.map((c) => c.id));
    await refreshContributions();
    if (JSON.stringify(state.contributions.map((c) => c.id)) !== before) renderNav();
  });
  if (!location.hash || location.hash === '#') history.replaceState(null, '', '#/');
  await route();
}

export { state as _state, hasRole };

start();
