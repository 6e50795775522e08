// The signed-in session and the Hub's JSON API: bearer token, problem answers, downloads.
import { h, message, problemText, t } from './dom.js';
import { SESSION_KEY, state } from './state.js';

export function decodeClaims(token) {
  const part = token.split('.')[1] ?? '';
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function roles() {
  const claim = state.session?.claims?.roles ?? [];
  return Array.isArray(claim) ? claim : [claim];
}

export function hasRole(allowed) {
  return roles().some((role) => allowed.some((a) => (a.endsWith('*') ? role.startsWith(a.slice(0, -1)) : role === a)));
}

// The source whose batches the user follows: a feed client's own, or a department officer's department.
export function feedSource() {
  const role = roles().find((r) => r.startsWith('Feeds.Publish.'));
  return role ? role.slice('Feeds.Publish.'.length) : state.session?.claims?.department ?? null;
}

export function saveSession(token, identity) {
  const claims = decodeClaims(token);
  state.session = { token, claims, identity };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
}

export function loadSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (stored && stored.claims && stored.claims.exp * 1000 > Date.now()) {
      state.session = stored;
    }
  } catch {
    state.session = null;
  }
}

export function signOut() {
  state.session = null;
  state.purpose = '';
  sessionStorage.removeItem(SESSION_KEY);
  location.hash = '';
  state.render();
}

export class HubError extends Error {
  constructor(status, title, detail) {
    super(title ?? `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export async function api(path, options = {}) {
  const headers = { Accept: options.accept ?? 'application/json' };
  if (state.session) headers.Authorization = `Bearer ${state.session.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
  });
  if (response.status === 401 && state.session) {
    signOut();
    throw new HubError(401, t('error.expired'), '');
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { problem = {}; }
    throw new HubError(response.status, problem.title, problem.detail);
  }
  return options.raw ? response : response.json();
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function download(path, fileName, status, options = {}) {
  status.replaceChildren(message('status', t('download.running')));
  try {
    const response = await api(path, { ...options, raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: fileName }, fileName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.replaceChildren(message('ok', t('download.done', { file: fileName })));
  } catch (error) {
    status.replaceChildren(message('error', problemText(error)));
  }
}
