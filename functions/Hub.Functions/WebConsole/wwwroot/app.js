// The Hub's web console: one module, no build step. It calls the Hub's JSON API with the user's bearer token and
// shows exactly what the API answered; the API has already rendered every person for this user's role, jurisdiction
// and purpose, so nothing here fetches more than the user may see or hides anything with CSS. Every value from the
// API is written as text (textContent), never as HTML. ID numbers travel only in POST bodies, never in a URL.

const READERS = ['Hub.GridWorker', 'Hub.CommunityWorker', 'Hub.StreetOfficer', 'Hub.DistrictOfficer', 'Hub.DepartmentOfficer'];
const BREAK_GLASS = ['Hub.GridWorker', 'Hub.CommunityWorker', 'Hub.StreetOfficer'];
const STEWARD = ['Hub.DataSteward'];
const AUDITOR = ['Hub.Auditor'];
const PUBLISHER = ['Feeds.Publish.*'];
// A department's officers follow its batches too, and decide about a held snapshot; they never push.
const DEPARTMENT = ['Hub.DepartmentOfficer'];
const GROUPS = ['dibao', 'low-income', 'extreme-poverty', 'elderly-alone', 'temporary-assistance', 'disability', 'severe-mental-illness', 'public-housing', 'rent-subsidy'];
const SESSION_KEY = 'hub.console.session';
const LANG_KEY = 'hub.console.lang';

const routes = {
  residents: { roles: READERS, nav: 'nav.residents', render: residentsPage },
  lookup: { roles: READERS, nav: 'nav.lookup', render: lookupPage },
  verify: { roles: READERS, nav: 'nav.verify', render: verifyPage },
  person: { roles: READERS, render: personPage },
  household: { roles: READERS, render: householdPage },
  queue: { roles: STEWARD, nav: 'nav.queue', render: queuePage },
  decisions: { roles: STEWARD, nav: 'nav.decisions', render: decisionsPage },
  events: { roles: AUDITOR, nav: 'nav.events', render: eventsPage },
  accesses: { roles: AUDITOR, nav: 'nav.accesses', render: accessesPage },
  alerts: { roles: AUDITOR, nav: 'nav.alerts', render: alertsPage },
  integrity: { roles: AUDITOR, nav: 'nav.integrity', render: integrityPage },
  batches: { roles: [...PUBLISHER, ...DEPARTMENT], nav: 'nav.batches', render: batchesPage },
  batch: { roles: [...PUBLISHER, ...DEPARTMENT], render: batchPage },
};

let strings = {};
let settings = { signIn: 'unavailable', purposes: [] };
let session = null;
let purpose = '';
let idCounter = 0;

// ---------- basics ----------

function t(key, vars = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

function tOr(key, fallback) {
  return key in strings ? strings[key] : fallback;
}

function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function nextId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

function field(labelText, control, name) {
  const id = control.id || nextId(name ?? 'f');
  control.id = id;
  if (name) control.name = name;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control);
}

function input(props) {
  return h('input', { type: 'text', autocomplete: 'off', ...props });
}

function select(options, value, props) {
  const el = h('select', props ?? {}, options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value ?? '';
  return el;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function addDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function time(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString(document.documentElement.lang);
}

function message(kind, text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

function problemText(error) {
  if (error.status) {
    return t('error.problem', { status: error.status, title: error.title ?? '', detail: error.detail ?? '' });
  }
  return t('error.network');
}

function table(headers, rows, caption) {
  // Focusable and named, so a keyboard user can scroll a wide table on a tablet.
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption ?? headers.join(' ') },
    h('table', {},
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

function definitions(entries) {
  return h('dl', { class: 'fields' }, entries.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

function attributeLabel(name) {
  return tOr(`attr.${name}`, name);
}

// Code values the sources share (sex, household relation, register status) read as words; anything else as sent.
function valueLabel(value) {
  return typeof value === 'string' ? tOr(`code.${value}`, value) : value;
}

function groupLabel(group) {
  return group === '***' ? t('masked.group') : tOr(`group.${group}`, group);
}

function purposeOptions(withEmpty) {
  const options = settings.purposes.map((p) => [p.id, tOr(`purpose.${p.id}`, p.label)]);
  return withEmpty ? [['', t('purpose.none')], ...options] : options;
}

// ---------- session and API ----------

function decodeClaims(token) {
  const part = token.split('.')[1] ?? '';
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function roles() {
  const claim = session?.claims?.roles ?? [];
  return Array.isArray(claim) ? claim : [claim];
}

function hasRole(allowed) {
  return roles().some((role) => allowed.some((a) => (a.endsWith('*') ? role.startsWith(a.slice(0, -1)) : role === a)));
}

// The source whose batches the user follows: a feed client's own, or a department officer's department.
function feedSource() {
  const role = roles().find((r) => r.startsWith('Feeds.Publish.'));
  return role ? role.slice('Feeds.Publish.'.length) : session?.claims?.department ?? null;
}

function saveSession(token, identity) {
  const claims = decodeClaims(token);
  session = { token, claims, identity };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

function loadSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (stored && stored.claims && stored.claims.exp * 1000 > Date.now()) {
      session = stored;
    }
  } catch {
    session = null;
  }
}

function signOut() {
  session = null;
  purpose = '';
  sessionStorage.removeItem(SESSION_KEY);
  location.hash = '';
  render();
}

class HubError extends Error {
  constructor(status, title, detail) {
    super(title ?? `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
  });
  if (response.status === 401 && session) {
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

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function download(path, fileName, status) {
  status.replaceChildren(message('status', t('download.running')));
  try {
    const response = await api(path, { raw: true });
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

// ---------- Entra ID sign-in: authorization code with PKCE, as a single-page application ----------

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

async function signInWithEntra() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('hub.console.pkce', JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    response_mode: 'query',
    scope: `openid profile ${settings.scope}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${settings.authority}/oauth2/v2.0/authorize?${params}`);
}

async function completeEntraSignIn() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code || settings.signIn !== 'entra') return;
  const pkce = JSON.parse(sessionStorage.getItem('hub.console.pkce') ?? 'null');
  sessionStorage.removeItem('hub.console.pkce');
  history.replaceState(null, '', redirectUri());
  if (!pkce || pkce.state !== params.get('state')) return;
  const response = await fetch(`${settings.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: settings.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      code_verifier: pkce.verifier,
      scope: `openid profile ${settings.scope}`,
    }),
  });
  if (response.ok) {
    const answer = await response.json();
    const claims = decodeClaims(answer.access_token);
    saveSession(answer.access_token, { id: claims.sub, label: claims.name ?? claims.sub, labelEn: claims.name ?? claims.sub });
  }
}

// ---------- shell ----------

function allowedRoutes() {
  return Object.entries(routes).filter(([, route]) => hasRole(route.roles));
}

function currentRoute() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name, arg: rest.map(decodeURIComponent).join('/') };
}

function renderShell(active) {
  document.documentElement.lang = document.getElementById('lang').value;
  document.getElementById('brand').textContent = t('app.title');
  document.getElementById('skip').textContent = t('app.skip');
  document.getElementById('lang-label').textContent = t('app.language');
  document.getElementById('nav').setAttribute('aria-label', t('app.nav'));
  const signOutButton = document.getElementById('sign-out');
  signOutButton.textContent = t('app.signOut');
  signOutButton.hidden = !session;
  const who = document.getElementById('who');
  who.textContent = session ? t('app.signedInAs', { name: identityLabel(session.identity) }) : '';
  const nav = document.getElementById('nav');
  nav.replaceChildren(...(session ? allowedRoutes().filter(([, r]) => r.nav).map(([name, r]) =>
    h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null }, t(r.nav))) : []));
}

function identityLabel(identity) {
  if (!identity) return '';
  return document.documentElement.lang === 'en' ? identity.labelEn ?? identity.label : identity.label;
}

function page(titleKey, ...content) {
  document.title = `${t(titleKey)} · ${t('app.title')}`;
  const main = document.getElementById('main');
  main.replaceChildren(h('h1', {}, t(titleKey)), ...content);
}

async function render() {
  const { name, arg } = currentRoute();
  if (!session) {
    renderShell(null);
    await signInPage();
    return;
  }
  const allowed = allowedRoutes();
  const route = routes[name];
  if (!route || !hasRole(route.roles)) {
    const first = allowed.find(([, r]) => r.nav);
    renderShell(null);
    if (first) {
      location.replace(`#/${first[0]}`);
    } else {
      page('app.noRole', message('warn', t('app.noRoleText')));
    }
    return;
  }
  renderShell(name);
  await route.render(arg);
}

// ---------- sign-in ----------

async function signInPage() {
  if (settings.signIn === 'development') {
    const list = h('ul', { class: 'identities' });
    const status = h('div', { 'aria-live': 'polite' });
    page('signin.title', h('p', {}, t('signin.development')), list, status);
    try {
      const identities = await api('/api/console/dev/identities');
      list.replaceChildren(...identities.map((identity) => h('li', {},
        h('button', {
          type: 'button',
          class: 'secondary',
          'data-identity': identity.id,
          onclick: async () => {
            try {
              const answer = await api('/api/console/dev/sign-in', { method: 'POST', body: { identity: identity.id } });
              saveSession(answer.accessToken, answer.identity);
              location.hash = '';
              await render();
            } catch (error) {
              status.replaceChildren(message('error', problemText(error)));
            }
          },
        }, identityLabel(identity), h('small', {}, t(`role.${identity.role.startsWith('Feeds.Publish.') ? 'publisher' : identity.role}`))))));
    } catch (error) {
      status.replaceChildren(message('error', problemText(error)));
    }
  } else if (settings.signIn === 'entra') {
    page('signin.title', h('p', {}, t('signin.entra')), h('button', { type: 'button', onclick: signInWithEntra }, t('signin.entraButton')));
  } else {
    page('signin.title', message('warn', t('signin.unavailable')));
  }
}

// ---------- residents, person, household ----------

const residentFilters = { division: '', grid: '', group: '', activeOn: '', purpose: '' };

async function residentsPage() {
  const claims = session.claims;
  const division = input({ value: residentFilters.division || claims.division || '', inputmode: 'numeric', pattern: '[0-9]{6,12}' });
  const isGridWorker = hasRole(['Hub.GridWorker']);
  const grid = input({ value: residentFilters.grid });
  const group = select([['', t('filter.anyGroup')], ...GROUPS.map((g) => [g, groupLabel(g)])], residentFilters.group);
  const activeOn = input({ type: 'date', value: residentFilters.activeOn || today() });
  const purposeSelect = select(purposeOptions(true), residentFilters.purpose || purpose);
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters card', method: 'post', 'aria-label': t('residents.filters') },
    field(t('filter.division'), division, 'division'),
    isGridWorker ? null : field(t('filter.grid'), grid, 'grid'),
    field(t('filter.group'), group, 'group'),
    field(t('filter.activeOn'), activeOn, 'activeOn'),
    field(t('filter.purpose'), purposeSelect, 'purpose'),
    h('div', {}, h('button', { type: 'submit' }, t('filter.apply'))));
  page('residents.title', isGridWorker ? h('p', {}, t('residents.gridNote', { grid: claims.grid })) : null, form, results);

  const rows = [];
  const body = h('tbody');
  const more = h('div', { class: 'row' });
  let generation = 0;
  const load = async (continuation) => {
    const mine = generation;
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/api/residents${query({
        division: residentFilters.division,
        grid: isGridWorker ? null : residentFilters.grid,
        group: residentFilters.group,
        activeOn: residentFilters.activeOn,
        purpose: residentFilters.purpose,
        pageSize: 50,
        continuation,
      })}`);
      if (mine !== generation) return;
      for (const item of answer.items) {
        rows.push(item);
        body.append(h('tr', {},
          h('td', {}, h('a', { href: `#/person/${item.personKey}` }, item.name ?? t('residents.open'))),
          h('td', {}, item.community),
          h('td', {}, item.grid ?? ''),
          h('td', {}, item.places.map((p) => t(`place.${p}`)).join('、')),
          h('td', {}, item.groups.map((g) => h('span', { class: 'tag' }, groupLabel(g)))),
          h('td', {}, item.householdKey ? h('a', { href: `#/household/${item.personKey}` }, t('residents.household')) : ''),
          h('td', {}, item.provisional ? t('residents.provisional') : '')));
      }
      more.replaceChildren(answer.continuation
        ? h('button', { type: 'button', class: 'secondary', onclick: () => load(answer.continuation) }, t('residents.more'))
        : h('p', {}, t('residents.count', { count: rows.length, day: answer.activeOn })));
    } catch (error) {
      if (mine === generation) results.replaceChildren(message('error', problemText(error)));
    } finally {
      if (mine === generation) results.setAttribute('aria-busy', 'false');
    }
  };
  const run = () => {
    Object.assign(residentFilters, {
      division: division.value.trim(), grid: grid.value.trim(), group: group.value, activeOn: activeOn.value, purpose: purposeSelect.value,
    });
    purpose = purposeSelect.value;
    generation += 1;
    rows.length = 0;
    body.replaceChildren();
    results.replaceChildren(h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('residents.caption') }, h('table', {},
      h('caption', {}, t('residents.caption')),
      h('thead', {}, h('tr', {}, [t('col.name'), t('col.community'), t('col.grid'), t('col.places'), t('col.groups'), t('col.household'), t('col.note')].map((c) => h('th', { scope: 'col' }, c)))),
      body)), more);
    return load(null);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  await run();
}

function purposeChooser(onChange) {
  const chooser = select(purposeOptions(true), purpose);
  return h('form', { class: 'card row', method: 'post', 'aria-label': t('purpose.chooser'), onsubmit: (event) => { event.preventDefault(); purpose = chooser.value; onChange(); } },
    field(t('filter.purpose'), chooser, 'purpose'),
    h('button', { type: 'submit' }, t('purpose.apply')),
    h('p', {}, t('purpose.hint')));
}

function personDetails(person) {
  const attributes = Object.entries(person.attributes ?? {});
  const parts = [];
  parts.push(h('div', { class: 'row' },
    person.provisional ? h('span', { class: 'tag' }, t('person.provisional')) : null,
    person.breakGlass ? h('span', { class: 'tag' }, t('person.breakGlass')) : null));
  parts.push(h('h2', {}, t('person.attributes')));
  parts.push(attributes.length ? definitions(attributes.map(([k, v]) => [attributeLabel(k), valueLabel(v)])) : h('p', {}, t('person.nothing')));
  for (const kind of ['residence', 'registration']) {
    const place = person[kind];
    if (place) {
      parts.push(h('h2', {}, t(`person.${kind}`)));
      parts.push(definitions(Object.entries(place).map(([k, v]) => [t(`placeField.${k}`), v])));
    }
  }
  parts.push(h('h2', {}, t('person.memberships')));
  const memberships = person.memberships ?? [];
  parts.push(memberships.length
    ? table([t('col.group'), t('col.active'), t('col.validFrom'), t('col.lastDay'), t('col.source'), t('col.details')],
      memberships.map((m) => [
        groupLabel(m.group),
        m.active ? t('yes') : t('no'),
        m.validFrom ?? '',
        m.lastDay ?? '',
        m.source ? tOr(`source.${m.source}`, m.source) : '',
        Object.entries(m.details ?? {}).map(([k, v]) => h('span', { class: 'tag' }, `${attributeLabel(k)}: ${v}`)),
      ]))
    : h('p', {}, t('person.noMemberships')));
  if (person.ownDepartment) {
    parts.push(h('h2', {}, t('person.ownDepartment')));
    parts.push(definitions(Object.entries(person.ownDepartment).map(([k, v]) => [attributeLabel(k), valueLabel(v)])));
  }
  return parts;
}

async function personPage(personKey) {
  const content = h('div', { 'aria-live': 'polite' });
  const reload = () => personPage(personKey);
  page('person.title', purposeChooser(reload), content);
  let person;
  try {
    person = await api(`/api/persons/${encodeURIComponent(personKey)}${query({ purpose })}`);
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  const title = person.attributes?.name ?? t('person.untitled');
  document.querySelector('main h1').textContent = `${t('person.title')}：${title}`;
  content.replaceChildren(
    ...personDetails(person),
    person.householdKey ? h('p', {}, h('a', { href: `#/household/${person.personKey}` }, t('person.householdLink'))) : null,
    hasRole(BREAK_GLASS) ? breakGlassForm(person.personKey, reload) : null,
    h('p', { class: 'mono' }, `${t('person.key')}: ${person.personKey}`));
}

function breakGlassForm(personKey, reload) {
  const reason = h('textarea', { maxlength: 500, required: true });
  const status = h('div', { 'aria-live': 'polite' });
  return h('section', { class: 'card', 'aria-labelledby': 'break-glass-title' },
    h('h2', { id: 'break-glass-title' }, t('breakGlass.title')),
    h('p', {}, t('breakGlass.explain')),
    h('form', {
      method: 'post',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const grant = await api(`/api/persons/${encodeURIComponent(personKey)}/break-glass`, { method: 'POST', body: { reason: reason.value } });
          status.replaceChildren(message('ok', t('breakGlass.granted', { until: time(grant.expiresAt) })));
          setTimeout(reload, 600);
        } catch (error) {
          status.replaceChildren(message('error', problemText(error)));
        }
      },
    }, field(t('breakGlass.reason'), reason, 'reason'), h('p', {}, h('button', { type: 'submit', class: 'danger' }, t('breakGlass.submit')))),
    status);
}

async function householdPage(personKey) {
  const content = h('div', { 'aria-live': 'polite' });
  page('household.title', purposeChooser(() => householdPage(personKey)), content);
  try {
    const household = await api(`/api/persons/${encodeURIComponent(personKey)}/household${query({ purpose })}`);
    content.replaceChildren(
      h('p', {}, t('household.summary', { count: household.members.length, day: household.on })),
      ...household.members.map((member) => h('section', { class: 'card' },
        h('h2', {}, h('a', { href: `#/person/${member.personKey}` }, member.attributes?.name ?? t('person.untitled'))),
        ...personDetails(member).filter((node) => node.tagName !== 'H2' || node.textContent !== t('person.attributes')))));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

async function lookupPage() {
  const residentId = input({ inputmode: 'text', maxlength: 18, spellcheck: 'false' });
  const purposeSelect = select(purposeOptions(true), purpose);
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('lookup.residentId'), residentId, 'residentId'),
    field(t('filter.purpose'), purposeSelect, 'purpose'),
    h('div', {}, h('button', { type: 'submit' }, t('lookup.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    purpose = purposeSelect.value;
    try {
      const person = await api('/api/persons/lookup', { method: 'POST', body: { residentId: residentId.value.trim(), purpose: purposeSelect.value || null } });
      result.replaceChildren(
        h('h2', {}, person.attributes?.name ?? t('person.untitled')),
        ...personDetails(person),
        h('p', {}, h('a', { href: `#/person/${person.personKey}` }, t('lookup.open'))));
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  });
  page('lookup.title', h('p', {}, t('lookup.explain')), form, result);
}

async function verifyPage() {
  const residentId = input({ maxlength: 18, spellcheck: 'false' });
  const kind = select([['inGroup', t('claim.inGroup')], ['disabilityGradeAtMost', t('claim.disabilityGradeAtMost')], ['livesIn', t('claim.livesIn')]], 'inGroup');
  const group = select(GROUPS.map((g) => [g, groupLabel(g)]), 'dibao');
  const grade = select([1, 2, 3, 4].map((g) => [String(g), t('claim.grade', { grade: g })]), '2');
  const division = input({ inputmode: 'numeric', value: session.claims.division ?? '' });
  const on = input({ type: 'date', value: today() });
  const purposeSelect = select(purposeOptions(true), purpose || 'eligibility-check');
  const groupField = field(t('claim.group'), group, 'group');
  const gradeField = field(t('claim.gradeLabel'), grade, 'grade');
  const divisionField = field(t('claim.division'), division, 'division');
  const onField = field(t('claim.on'), on, 'on');
  const show = () => {
    groupField.hidden = kind.value !== 'inGroup';
    gradeField.hidden = kind.value !== 'disabilityGradeAtMost';
    divisionField.hidden = kind.value !== 'livesIn';
    onField.hidden = kind.value === 'livesIn';
  };
  kind.addEventListener('change', show);
  show();
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('lookup.residentId'), residentId, 'residentId'),
    field(t('claim.kind'), kind, 'kind'), groupField, gradeField, divisionField, onField,
    field(t('filter.purpose'), purposeSelect, 'purpose'),
    h('div', {}, h('button', { type: 'submit' }, t('claim.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const claim = { kind: kind.value };
    if (kind.value === 'inGroup') Object.assign(claim, { group: group.value, on: on.value || null });
    if (kind.value === 'disabilityGradeAtMost') Object.assign(claim, { grade: Number(grade.value), on: on.value || null });
    if (kind.value === 'livesIn') claim.division = division.value.trim();
    try {
      const answer = await api('/api/verifications', { method: 'POST', body: { residentId: residentId.value.trim(), claim, purpose: purposeSelect.value || null } });
      result.replaceChildren(h('section', { class: 'card' },
        h('h2', {}, t('claim.result')),
        h('p', { class: `answer ${answer.answer ? 'ok' : ''}`, 'data-answer': String(answer.answer) }, answer.answer ? t('claim.yes') : t('claim.no')),
        definitions([[t('claim.asOf'), answer.asOf], [t('claim.source'), answer.source ? tOr(`source.${answer.source}`, answer.source) : t('claim.noSource')]])));
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  });
  page('claim.title', h('p', {}, t('claim.explain')), form, result);
}

// ---------- data stewards ----------

function profileValue(value) {
  if (value && typeof value === 'object' && 'value' in value) return String(value.value ?? '');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value ?? '');
}

function reasonInput() {
  return h('textarea', { maxlength: 500 });
}

async function decide(path, body, status) {
  try {
    const result = await api(path, { method: 'POST', body });
    status.replaceChildren(message('ok', t('steward.done', { status: result.status, detail: result.detail ?? '' })));
    return true;
  } catch (error) {
    status.replaceChildren(message('error', problemText(error)));
    return false;
  }
}

async function queuePage() {
  const content = h('div', { 'aria-live': 'polite' });
  page('queue.title', h('p', {}, t('queue.explain')), content);
  let items;
  try {
    items = await api('/api/resolution/queue');
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  if (items.length === 0) {
    content.replaceChildren(message('ok', t('queue.empty')));
    return;
  }
  content.replaceChildren(h('p', {}, t('queue.count', { count: items.length })), ...items.map((item) => {
    const status = h('div', { 'aria-live': 'polite' });
    const reason = reasonInput();
    const record = h('section', { class: 'card', 'aria-label': t('queue.record') },
      h('h3', {}, t('queue.record')),
      definitions([
        [t('queue.source'), tOr(`source.${item.source}`, item.source)],
        [t('queue.queuedAt'), time(item.queuedAt)],
        ...Object.entries(item.record).map(([k, v]) => [attributeLabel(k), valueLabel(v)]),
      ]));
    const candidates = item.candidates.map((candidate) => {
      const key = candidate.profile.personKey;
      return h('section', { class: 'card', 'aria-label': t('queue.candidate') },
        h('h3', {}, t('queue.candidateScore', { score: candidate.score.toFixed(1) })),
        definitions(Object.entries(candidate.profile.attributes ?? {}).map(([k, v]) => [attributeLabel(k), valueLabel(profileValue(v))])),
        table([t('col.field'), t('col.level'), t('col.weight')], candidate.fields.map((f) => [attributeLabel(f.field ?? f.name ?? ''), tOr(`level.${f.level ?? 'missing'}`, String(f.level ?? '')), typeof f.weight === 'number' ? f.weight.toFixed(1) : '0.0'])),
        h('p', { class: 'mono' }, `${t('person.key')}: ${key}`),
        h('button', {
          type: 'button',
          'data-action': 'link',
          onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/link`, { personKey: key, reason: reason.value || null }, status)) setTimeout(queuePage, 800); },
        }, t('queue.link')));
    });
    return h('article', { class: 'card', 'data-record': item.recordKey },
      h('h2', {}, t('queue.item', { source: tOr(`source.${item.source}`, item.source) })),
      h('div', { class: 'side-by-side' }, record, h('div', {}, candidates)),
      field(t('steward.reason'), reason, 'reason'),
      h('p', { class: 'row' },
        h('button', {
          type: 'button',
          class: 'secondary',
          'data-action': 'reject',
          onclick: async () => { if (await decide(`/api/resolution/records/${encodeURIComponent(item.recordKey)}/reject`, { reason: reason.value || null }, status)) setTimeout(queuePage, 800); },
        }, t('queue.reject'))),
      status);
  }));
}

async function decisionsPage() {
  const from = input({ maxlength: 32 });
  const into = input({ maxlength: 32 });
  const mergeReason = reasonInput();
  const mergeStatus = h('div', { 'aria-live': 'polite' });
  const splitKey = input({ maxlength: 32 });
  const splitReason = reasonInput();
  const splitStatus = h('div', { 'aria-live': 'polite' });
  const historyKey = input({ maxlength: 32 });
  const history = h('div', { 'aria-live': 'polite' });
  page('decisions.title',
    h('section', { class: 'card' }, h('h2', {}, t('decisions.merge')), h('p', {}, t('decisions.mergeExplain')),
      h('form', { method: 'post', class: 'filters', onsubmit: (e) => { e.preventDefault(); decide('/api/resolution/persons/merge', { from: from.value.trim(), into: into.value.trim(), reason: mergeReason.value || null }, mergeStatus); } },
        field(t('decisions.from'), from, 'from'), field(t('decisions.into'), into, 'into'), field(t('steward.reason'), mergeReason, 'reason'),
        h('div', {}, h('button', { type: 'submit' }, t('decisions.mergeSubmit')))), mergeStatus),
    h('section', { class: 'card' }, h('h2', {}, t('decisions.split')), h('p', {}, t('decisions.splitExplain')),
      h('form', { method: 'post', class: 'filters', onsubmit: (e) => { e.preventDefault(); decide(`/api/resolution/persons/${encodeURIComponent(splitKey.value.trim())}/split`, { reason: splitReason.value || null }, splitStatus); } },
        field(t('person.key'), splitKey, 'personKey'), field(t('steward.reason'), splitReason, 'reason'),
        h('div', {}, h('button', { type: 'submit' }, t('decisions.splitSubmit')))), splitStatus),
    h('section', { class: 'card' }, h('h2', {}, t('decisions.history')),
      h('form', {
        method: 'post',
        class: 'filters',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            const items = await api(`/api/resolution/persons/${encodeURIComponent(historyKey.value.trim())}/history`);
            history.replaceChildren(items.length ? table([t('col.time'), t('col.action'), t('col.user'), t('col.reason')],
              items.map((i) => [time(i.decidedAt), i.action, i.decidedBy, i.reason ?? ''])) : message('status', t('decisions.noHistory')));
          } catch (error) {
            history.replaceChildren(message('error', problemText(error)));
          }
        },
      }, field(t('person.key'), historyKey, 'personKey'), h('div', {}, h('button', { type: 'submit' }, t('decisions.historySubmit')))), history));
}

// ---------- auditors ----------

function dayRange(fromDay, toDay) {
  return { from: `${fromDay}T00:00:00Z`, to: `${addDays(toDay, 1)}T00:00:00Z` };
}

function fieldsText(fields) {
  return (fields ?? []).map((f) => `${f.attribute ?? f.name ?? f.field ?? ''}${f.masked ? ` (${t('audit.masked')})` : ''}`).join(', ');
}

async function eventsPage() {
  const from = input({ type: 'date', value: addDays(today(), -1) });
  const to = input({ type: 'date', value: today() });
  const user = input({});
  const personKey = input({ maxlength: 32 });
  const division = input({ inputmode: 'numeric' });
  const purposeSelect = select(purposeOptions(true), '');
  const outcome = select([['', t('audit.anyOutcome')], ['allowed', t('outcome.allowed')], ['denied', t('outcome.denied')], ['failed', t('outcome.failed')]], '');
  const breakGlass = h('input', { type: 'checkbox' });
  const results = h('div', { 'aria-live': 'polite' });
  const exportStatus = h('div', { 'aria-live': 'polite' });
  const filters = () => ({
    ...dayRange(from.value, to.value), user: user.value.trim(), personKey: personKey.value.trim(), division: division.value.trim(),
    purpose: purposeSelect.value, outcome: outcome.value, breakGlass: breakGlass.checked ? 'true' : '',
  });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('audit.from'), from, 'from'), field(t('audit.to'), to, 'to'), field(t('audit.user'), user, 'user'),
    field(t('person.key'), personKey, 'personKey'), field(t('filter.division'), division, 'division'),
    field(t('filter.purpose'), purposeSelect, 'purpose'), field(t('audit.outcome'), outcome, 'outcome'),
    field(t('audit.breakGlassOnly'), breakGlass, 'breakGlass'),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, t('audit.search')),
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/audit/events/export${query(filters())}`, `audit-events-${from.value}-${to.value}.csv`, exportStatus) }, t('audit.export'))));
  const search = async () => {
    try {
      const answer = await api(`/api/audit/events${query({ ...filters(), pageSize: 200 })}`);
      results.replaceChildren(
        h('p', {}, t('audit.eventCount', { count: answer.events.length })),
        table([t('col.sequence'), t('col.time'), t('col.user'), t('col.role'), t('col.division'), t('col.action'), t('col.resource'), t('col.persons'), t('col.fields'), t('col.purpose'), t('col.outcome')],
          answer.events.map((e) => [String(e.sequence), time(e.time), e.userId, e.role ?? '', e.division ?? '', e.action, e.resource ?? '',
            h('span', { class: 'mono' }, e.personKeys.join(' ')), fieldsText(e.fields),
            [e.purpose ?? '', e.breakGlassReason ? ` ${t('audit.breakGlass')}: ${e.breakGlassReason}` : ''].join(''), t(`outcome.${e.outcome}`)]),
          t('audit.eventsCaption')));
    } catch (error) {
      results.replaceChildren(message('error', problemText(error)));
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); search(); });
  page('events.title', form, exportStatus, results);
  await search();
}

async function accessesPage() {
  const personKey = input({ maxlength: 32 });
  const from = input({ type: 'date' });
  const to = input({ type: 'date' });
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card filters', method: 'post' },
    field(t('person.key'), personKey, 'personKey'), field(t('audit.fromOptional'), from, 'from'), field(t('audit.toOptional'), to, 'to'),
    h('div', {}, h('button', { type: 'submit' }, t('accesses.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const range = from.value && to.value ? dayRange(from.value, to.value) : {};
    try {
      const report = await api(`/api/audit/persons/${encodeURIComponent(personKey.value.trim())}/accesses${query(range)}`);
      results.replaceChildren(
        h('p', {}, t('accesses.summary', { from: time(report.from), to: time(report.to), count: report.accesses.length })),
        h('h2', {}, t('accesses.users')),
        table([t('col.user'), t('col.role'), t('col.division'), t('col.count'), t('col.first'), t('col.last'), t('col.breakGlass')],
          report.users.map((u) => [u.userId, u.role ?? '', u.division ?? '', String(u.accesses), time(u.first), time(u.last), u.breakGlass ? t('yes') : t('no')])),
        h('h2', {}, t('accesses.all')),
        table([t('col.sequence'), t('col.time'), t('col.user'), t('col.role'), t('col.action'), t('col.purpose'), t('col.fields'), t('col.outcome')],
          report.accesses.map((a) => [String(a.sequence), time(a.time), a.userId, a.role ?? '', a.action, `${a.purpose ?? ''}${a.breakGlass ? ` (${t('audit.breakGlass')})` : ''}`, fieldsText(a.fields), t(`outcome.${a.outcome}`)])));
    } catch (error) {
      results.replaceChildren(message('error', problemText(error)));
    }
  });
  page('accesses.title', h('p', {}, t('accesses.explain')), form, results);
}

async function alertsPage() {
  const from = input({ type: 'date', value: addDays(today(), -6) });
  const to = input({ type: 'date', value: today() });
  const results = h('div', { 'aria-live': 'polite' });
  const search = async () => {
    try {
      const answer = await api(`/api/audit/alerts${query(dayRange(from.value, to.value))}`);
      results.replaceChildren(answer.alerts.length === 0 ? message('ok', t('alerts.none')) : table(
        [t('col.kind'), t('col.user'), t('col.role'), t('col.division'), t('col.from'), t('col.to'), t('col.persons'), t('col.events'), t('col.detail')],
        answer.alerts.map((a) => [t(`alert.${a.kind}`), a.userId, a.role ?? '', a.division ?? '', time(a.from), time(a.to), String(a.personCount), a.sequences.join(', '), a.detail])));
    } catch (error) {
      results.replaceChildren(message('error', problemText(error)));
    }
  };
  const form = h('form', { class: 'card filters', method: 'post', onsubmit: (e) => { e.preventDefault(); search(); } },
    field(t('audit.from'), from, 'from'), field(t('audit.to'), to, 'to'), h('div', {}, h('button', { type: 'submit' }, t('alerts.submit'))));
  page('alerts.title', h('p', {}, t('alerts.explain')), form, results);
  await search();
}

async function integrityPage() {
  const from = input({ type: 'date', value: today() });
  const to = input({ type: 'date', value: today() });
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', {
    class: 'card filters',
    method: 'post',
    onsubmit: async (e) => {
      e.preventDefault();
      result.replaceChildren(message('status', t('integrity.running')));
      try {
        const answer = await api('/api/audit/verify', { method: 'POST', body: { from: from.value, to: to.value } });
        const finding = answer.firstFinding;
        result.replaceChildren(h('section', { class: 'card', 'data-intact': String(answer.intact) },
          h('h2', {}, t('integrity.result')),
          h('p', { class: `answer message ${answer.intact ? 'ok' : 'error'}` }, answer.intact ? t('integrity.intact') : t('integrity.tampered')),
          definitions([
            [t('integrity.range'), `${answer.from} – ${answer.to}`],
            [t('integrity.events'), String(answer.eventsChecked)],
            [t('integrity.checkpoints'), String(answer.checkpointsChecked)],
            ...(finding ? [[t('integrity.kind'), t(`tamper.${finding.kind}`)], [t('col.sequence'), String(finding.sequence)], [t('integrity.partition'), finding.partition], [t('col.detail'), finding.detail]] : []),
          ])));
      } catch (error) {
        result.replaceChildren(message('error', problemText(error)));
      }
    },
  }, field(t('audit.from'), from, 'from'), field(t('audit.to'), to, 'to'), h('div', {}, h('button', { type: 'submit' }, t('integrity.submit'))));
  page('integrity.title', h('p', {}, t('integrity.explain')), form, result);
}

// ---------- department integrators ----------

const COUNTS = ['received', 'inserted', 'updated', 'unchanged', 'rejected', 'endDated', 'unidentified'];

async function batchesPage() {
  const source = feedSource();
  const content = h('div', { 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  page('batches.title', h('p', {}, t('batches.explain', { source: tOr(`source.${source}`, source) })), status, content);
  try {
    const batches = await api(`/api/feeds/${encodeURIComponent(source)}/batches`);
    content.replaceChildren(batches.length === 0 ? message('status', t('batches.none')) : table(
      [t('col.batch'), t('col.mode'), t('col.status'), t('col.receivedAt'), ...COUNTS.map((c) => t(`count.${c}`)), t('col.rejects')],
      batches.map((b) => [
        h('a', { href: `#/batch/${b.id}` }, b.id),
        t(`mode.${b.mode}`),
        t(`status.${b.status}`),
        time(b.receivedAt),
        ...COUNTS.map((c) => String(b.counts?.[c] ?? 0)),
        (b.counts?.rejected ?? 0) + (b.counts?.unidentified ?? 0) > 0
          ? h('button', { type: 'button', class: 'secondary', 'data-rejects': b.id, onclick: () => download(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/rejects`, `rejects-${source}-${b.id}.csv`, status) }, t('batches.download'))
          : '',
      ]), t('batches.caption')));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

async function batchPage(batchId) {
  const source = feedSource();
  const content = h('div', { 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  page('batch.title', content, status);
  try {
    const b = await api(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(batchId)}`);
    content.replaceChildren(
      definitions([
        [t('col.batch'), b.id], [t('col.mode'), t(`mode.${b.mode}`)], [t('col.status'), t(`status.${b.status}`)],
        [t('col.receivedAt'), time(b.receivedAt)], [t('batch.finishedAt'), time(b.finishedAt)],
        ...COUNTS.map((c) => [t(`count.${c}`), String(b.counts?.[c] ?? 0)]),
        ...(b.failureReason ? [[t('batch.failure'), b.failureReason]] : []),
        ...(b.hold ? [[t('batch.held'), t(b.counts.received === b.counts.rejected ? 'held.nothingRead' : 'held.numbers', {
          ended: b.hold.wouldEndDate, current: b.hold.currentRecords, received: b.counts.received,
          share: percent(b.hold.wouldEndDate / Math.max(1, b.hold.currentRecords)), allowed: percent(b.hold.allowedShare),
        })]] : []),
        ...(b.decision ? [[t('batch.decision'), `${t(`status.${b.decision.kind === 'confirmed' ? 'accepted' : 'discarded'}`)} · ${b.decision.decidedBy} · ${time(b.decision.decidedAt)} · ${b.decision.reason}`]] : []),
        ...(b.ignoredColumns?.length ? [[t('batch.ignored'), b.ignoredColumns.join(', ')]] : []),
      ]),
      h('h2', {}, t('batch.firstRejections')),
      b.firstRejections.length ? table([t('col.row'), t('col.field'), t('col.reason')], b.firstRejections.map((r) => [String(r.row), r.field ?? '', r.reason])) : message('ok', t('batch.noRejections')),
      h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/rejects`, `rejects-${source}-${b.id}.csv`, status) }, t('batches.download'))),
      b.status === 'held' && hasRole(DEPARTMENT) ? decisionForm(source, b, batchId) : '');
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}

function percent(share) {
  return new Intl.NumberFormat(document.documentElement.lang || 'zh-CN', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

// A held snapshot is confirmed (applied in full) or discarded (nothing applied), with a reason kept with the batch.
function decisionForm(source, b, batchId) {
  const reason = h('textarea', { rows: 2, maxlength: 500, required: true });
  const result = h('div', { 'aria-live': 'polite' });
  const decide = async (verb) => {
    if (!reason.value.trim()) {
      result.replaceChildren(message('error', t('held.reasonRequired')));
      return;
    }
    try {
      await api(`/api/feeds/${encodeURIComponent(source)}/batches/${encodeURIComponent(b.id)}/${verb}`, { method: 'POST', body: { reason: reason.value.trim() } });
      await batchPage(batchId);
    } catch (error) {
      result.replaceChildren(message('error', problemText(error)));
    }
  };
  return h('section', { 'aria-labelledby': 'held-title' },
    h('h2', { id: 'held-title' }, t('held.title')),
    h('p', {}, t('held.explain')),
    field(t('held.reason'), reason, 'reason'),
    h('p', {},
      h('button', { type: 'button', 'data-decide': 'confirm', onclick: () => decide('confirm') }, t('held.confirm')), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-decide': 'discard', onclick: () => decide('discard') }, t('held.discard'))),
    result);
}

// ---------- start ----------

async function loadStrings(lang) {
  const response = await fetch(`i18n/${lang}.json`, { cache: 'no-cache' });
  strings = await response.json();
}

async function start() {
  const langSelect = document.getElementById('lang');
  const lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  langSelect.value = lang;
  document.documentElement.lang = lang;
  await loadStrings(lang);
  langSelect.addEventListener('change', async () => {
    localStorage.setItem(LANG_KEY, langSelect.value);
    await loadStrings(langSelect.value);
    await render();
  });
  document.getElementById('sign-out').addEventListener('click', signOut);
  try {
    settings = await api('/api/console/settings');
  } catch {
    settings = { signIn: 'unavailable', purposes: [] };
  }
  await completeEntraSignIn();
  loadSession();
  window.addEventListener('hashchange', render);
  await render();
}

start();
