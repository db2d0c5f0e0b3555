// DanubIA notifications page: the signed-in user's in-app messages.
// Loaded by the web shell with import() and called as render(element, ctx).
// All data is put into the DOM as text (h() from /ui-kit.js); never via innerHTML.

import {
  h, clear, query, errorMessage, loadingLine,
} from '/ui-kit.js';

const DEFAULT_PAGE_SIZE = 20;
const UNREAD_STYLE = 'border-left: 4px solid var(--c-primary); background: var(--c-primary-soft);';
const READ_STYLE = 'border-left: 4px solid transparent;';
const ROW_STYLE = 'cursor: pointer; padding: 12px 16px; margin: 0;';

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function render(el, ctx) {
  el.classList.add('notifications');
  if ((ctx.route || []).length) {
    el.appendChild(h('section', { class: 'panel panel-empty', id: 'notifications-not-found', role: 'alert' },
      h('h1', null, 'Page not found'),
      h('p', null, 'This notifications page does not exist.'),
      h('p', null, h('a', { class: 'btn btn-secondary', href: '#/notifications' }, 'Back to notifications'))));
    return;
  }
  if (!ctx.user) {
    el.appendChild(h('section', { class: 'panel narrow', id: 'notifications-login-required', role: 'alert' },
      h('h1', null, 'Sign in required'),
      h('p', null, 'Sign in to see your notifications.'),
      h('p', null, h('a', { class: 'btn btn-primary', href: `#/login?next=${encodeURIComponent('/notifications')}` }, 'Sign in'))));
    return;
  }
  return renderList(el, ctx);
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function formatDateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "b2b.interest.received" -> "B2B · interest received". */
function kindLabel(kind) {
  if (!kind) return '';
  const [module, ...rest] = String(kind).split('.');
  const head = module.length <= 3 ? module.toUpperCase() : module.charAt(0).toUpperCase() + module.slice(1);
  return rest.length ? `${head} · ${rest.join(' ').replace(/[-_]+/g, ' ')}` : head;
}

/** Only links inside the web shell are followed; anything else could lead the user away. */
function shellLink(link) {
  if (!link) return null;
  const s = String(link).trim();
  if (s.startsWith('#/')) return s;
  if (s.startsWith('/#/')) return s.slice(1);
  return null;
}

function announce(unread) {
  // Lets the shell (or another module) update an unread badge without polling.
  window.dispatchEvent(new CustomEvent('danubia:notifications', { detail: { unread } }));
}

// ---------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------

async function renderList(el, ctx) {
  const unreadOnly = ctx.params.get('unread') === 'true';
  const pageNo = Math.max(1, parseInt(ctx.params.get('page') || '1', 10) || 1);
  const size = DEFAULT_PAGE_SIZE;
  document.title = 'Notifications – DanubIA';
  const hashFor = (over) => {
    const merged = { unread: unreadOnly ? 'true' : '', page: pageNo, ...over };
    if (merged.page === 1) delete merged.page;
    return '#/notifications' + query(merged);
  };

  let unread = null;
  const countText = h('span', { id: 'notifications-unread-count', 'data-unread': '' }, '…');
  const readAll = h('button', { type: 'button', class: 'btn btn-secondary', id: 'notifications-read-all', disabled: true }, 'Mark all read');
  const status = h('div', { class: 'notice', id: 'notifications-status', role: 'status', 'aria-live': 'polite', hidden: true });
  const errorBox = h('div', { class: 'form-error', id: 'notifications-error', role: 'alert', hidden: true });

  const setUnread = (n) => {
    unread = Math.max(0, n);
    countText.dataset.unread = String(unread);
    countText.textContent = unread === 0 ? 'No unread notifications' : `${unread} unread`;
    readAll.disabled = unread === 0;
    announce(unread);
  };

  el.appendChild(h('div', { class: 'page-header' },
    h('div', null,
      h('h1', { id: 'notifications-title' }, 'Notifications'),
      h('p', { class: 'subtitle' }, countText)),
    h('div', { class: 'actions' }, readAll)));
  el.appendChild(h('nav', { class: 'tabs', 'aria-label': 'Filter notifications' },
    h('a', { class: 'tab' + (!unreadOnly ? ' active' : ''), id: 'notifications-tab-all', href: '#/notifications', 'aria-current': !unreadOnly ? 'page' : null }, 'All'),
    h('a', { class: 'tab' + (unreadOnly ? ' active' : ''), id: 'notifications-tab-unread', href: '#/notifications?unread=true', 'aria-current': unreadOnly ? 'page' : null }, 'Unread')));
  el.appendChild(status);
  el.appendChild(errorBox);
  const body = h('div', { id: 'notifications-body' }, loadingLine('Loading notifications…'));
  el.appendChild(body);

  const countPromise = ctx.api('/api/notifications/count')
    .then((c) => { if (c && typeof c.unread === 'number') setUnread(c.unread); })
    .catch(() => { countText.textContent = ''; });

  let data;
  try {
    data = await ctx.api(`/api/notifications${query({ unread: unreadOnly ? 'true' : '', page: pageNo - 1, size })}`);
  } catch (e) {
    clear(body);
    body.appendChild(h('div', { class: 'panel panel-error', role: 'alert', id: 'notifications-load-error' },
      h('h2', null, 'Could not load notifications'),
      h('p', null, errorMessage(e))));
    return;
  }
  await countPromise;
  const items = data && Array.isArray(data.items) ? data.items : (Array.isArray(data) ? data : []);
  const total = typeof data?.total === 'number' ? data.total : items.length;
  const page = typeof data?.page === 'number' ? data.page : pageNo - 1;
  const pageSize = typeof data?.size === 'number' && data.size > 0 ? data.size : size;

  clear(body);
  if (!items.length) {
    body.appendChild(h('div', { class: 'table-wrap' },
      h('div', { class: 'table-empty', id: 'notifications-empty' },
        h('p', null, unreadOnly ? 'You have read all your notifications.' : 'You have no notifications yet.'),
        unreadOnly ? h('a', { href: '#/notifications' }, 'Show all notifications') : null)));
    if (total > 0 && page > 0) body.appendChild(h('p', null, h('a', { href: hashFor({ page: 1 }) }, 'Go to the first page')));
    return;
  }

  const rows = new Map();
  const markRow = (n) => {
    const row = rows.get(n.id);
    n.read = true;
    if (!row) return;
    row.dataset.read = 'true';
    row.classList.remove('unread');
    row.setAttribute('style', `${READ_STYLE} ${ROW_STYLE}`);
    const badge = row.querySelector('[data-unread-badge]');
    if (badge) badge.remove();
    const subject = row.querySelector('[data-subject]');
    if (subject) subject.style.fontWeight = '500';
    const markBtn = row.querySelector('[data-mark-read]');
    if (markBtn) markBtn.remove();
  };

  const markRead = async (n) => {
    if (n.read) return true;
    try {
      await ctx.api(`/api/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
    } catch (e) {
      errorBox.textContent = errorMessage(e);
      errorBox.hidden = false;
      return false;
    }
    markRow(n);
    if (unread !== null) setUnread(unread - 1);
    return true;
  };

  const open = async (n) => {
    errorBox.hidden = true;
    const ok = await markRead(n);
    const target = shellLink(n.link);
    if (ok && target) ctx.navigate(target);
  };

  const list = h('ul', { class: 'plain-list', id: 'notifications-list', 'aria-label': 'Notifications', style: 'display: flex; flex-direction: column; gap: 8px;' });
  for (const n of items) {
    const target = shellLink(n.link);
    const isUnread = !n.read;
    const subjectBtn = h('button', {
      type: 'button', class: 'btn-link', 'data-subject': '',
      style: `padding: 0; text-align: left; text-decoration: none; color: var(--c-text); font-size: 1rem; font-weight: ${isUnread ? '700' : '500'};`,
      'aria-describedby': `notification-${n.id}-text`,
    }, n.subject || '(no subject)');
    const markBtn = isUnread
      ? h('button', {
          type: 'button', class: 'btn btn-link btn-small', 'data-mark-read': n.id, 'aria-label': `Mark “${n.subject || 'notification'}” as read`,
          onclick: async (ev) => { ev.stopPropagation(); errorBox.hidden = true; await markRead(n); },
        }, 'Mark read')
      : null;
    const row = h('li', {
      class: 'card' + (isUnread ? ' unread' : ''),
      'data-notification-id': n.id, 'data-read': isUnread ? 'false' : 'true', 'data-kind': n.kind || '',
      style: `${isUnread ? UNREAD_STYLE : READ_STYLE} ${ROW_STYLE}`,
    },
      h('div', { style: 'display: flex; justify-content: space-between; gap: 12px; align-items: flex-start;' },
        h('div', { style: 'min-width: 0;' },
          h('div', { style: 'display: flex; gap: 8px; align-items: center; flex-wrap: wrap;' },
            isUnread ? h('span', { class: 'badge badge-info', 'data-unread-badge': '' }, 'New') : null,
            subjectBtn),
          n.text ? h('p', { class: 'prose', id: `notification-${n.id}-text`, style: 'margin: 4px 0 0; color: #2b3644;' }, n.text) : null,
          h('p', { class: 'muted small', style: 'margin: 4px 0 0;' },
            [formatDateTime(n.createdAt), kindLabel(n.kind)].filter(Boolean).join(' · '),
            target ? h('span', { 'aria-hidden': 'true' }, ' · Open ›') : null)),
        markBtn));
    row.addEventListener('click', (ev) => {
      // Let real links and the "Mark read" button inside the row do their own thing.
      if (ev.target.closest('a, [data-mark-read]')) return;
      open(n);
    });
    rows.set(n.id, row);
    list.appendChild(row);
  }
  body.appendChild(list);

  readAll.addEventListener('click', async () => {
    errorBox.hidden = true;
    readAll.disabled = true;
    try {
      await ctx.api('/api/notifications/read-all', { method: 'POST' });
    } catch (e) {
      errorBox.textContent = errorMessage(e);
      errorBox.hidden = false;
      readAll.disabled = false;
      return;
    }
    for (const n of items) markRow(n);
    setUnread(0);
    status.textContent = 'All notifications are marked as read.';
    status.hidden = false;
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages > 1 || page > 0) {
    const prev = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'notifications-prev', 'aria-label': 'Previous page', disabled: page <= 0 }, '‹ Previous');
    const next = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'notifications-next', 'aria-label': 'Next page', disabled: page + 1 >= pages }, 'Next ›');
    prev.addEventListener('click', () => ctx.navigate(hashFor({ page })));
    next.addEventListener('click', () => ctx.navigate(hashFor({ page: page + 2 })));
    body.appendChild(h('nav', { class: 'pager', id: 'notifications-pager', 'aria-label': 'Pagination', 'data-page': page, 'data-total': total },
      h('span', { class: 'pager-info' }, `Showing ${page * pageSize + 1}–${page * pageSize + items.length} of ${total}`),
      h('div', { class: 'pager-controls' },
        prev,
        h('span', { class: 'pager-page' }, `Page ${page + 1} of ${pages}`),
        next)));
  }
}
