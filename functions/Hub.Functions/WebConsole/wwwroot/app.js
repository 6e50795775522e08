// The Hub's web console: native modules, no build step. It calls the Hub's JSON API with the user's bearer token and
// shows exactly what the API answered; the API has already rendered every person for this user's role, jurisdiction
// and purpose, so nothing here fetches more than the user may see or hides anything with CSS. Every value from the
// API is written as text (textContent), never as HTML. ID numbers travel only in POST bodies, never in a URL.

import { api, hasRole, loadSession, saveSession, signOut } from './js/api.js';
import { h, identityLabel, message, page, problemText, t } from './js/dom.js';
import { completeEntraSignIn, forgetEntraSignIn, signInWithEntra } from './js/entra.js';
import { AREA_OFFICER, AUDITOR, DEPARTMENT, LANG_KEY, PUBLISHER, QUALITY, READERS, STEWARD, SUBSCRIBER, state } from './js/state.js';
import { accessesPage, alertsPage, eventsPage, integrityPage } from './pages/auditors.js';
import { batchPage, batchesPage } from './pages/batches.js';
import { lookupPage, verifyPage } from './pages/checks.js';
import { inboxPage } from './pages/inbox.js';
import { movesPage } from './pages/moves.js';
import { householdPage, personPage, residentsPage } from './pages/persons.js';
import { qualityBatchPage, qualityPage } from './pages/quality.js';
import { decisionsPage, queuePage } from './pages/stewards.js';
import { subscriptionPage, subscriptionsPage } from './pages/subscriptions.js';

const routes = {
  residents: { roles: READERS, nav: 'nav.residents', render: residentsPage },
  lookup: { roles: READERS, nav: 'nav.lookup', render: lookupPage },
  verify: { roles: READERS, nav: 'nav.verify', render: verifyPage },
  person: { roles: READERS, render: personPage },
  household: { roles: READERS, render: householdPage },
  inbox: { roles: READERS, nav: 'nav.inbox', render: inboxPage },
  moves: { roles: AREA_OFFICER, nav: 'nav.moves', render: movesPage },
  subscriptions: { roles: SUBSCRIBER, nav: 'nav.subscriptions', render: subscriptionsPage },
  subscription: { roles: SUBSCRIBER, render: subscriptionPage },
  queue: { roles: STEWARD, nav: 'nav.queue', render: queuePage },
  decisions: { roles: STEWARD, nav: 'nav.decisions', render: decisionsPage },
  events: { roles: AUDITOR, nav: 'nav.events', render: eventsPage },
  accesses: { roles: AUDITOR, nav: 'nav.accesses', render: accessesPage },
  alerts: { roles: AUDITOR, nav: 'nav.alerts', render: alertsPage },
  integrity: { roles: AUDITOR, nav: 'nav.integrity', render: integrityPage },
  batches: { roles: [...PUBLISHER, ...DEPARTMENT], nav: 'nav.batches', render: batchesPage },
  batch: { roles: [...PUBLISHER, ...DEPARTMENT], render: batchPage },
  quality: { roles: QUALITY, nav: 'nav.quality', render: qualityPage },
  'quality-batch': { roles: QUALITY, render: qualityBatchPage },
};

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
  signOutButton.hidden = !state.session;
  const who = document.getElementById('who');
  who.textContent = state.session ? t('app.signedInAs', { name: identityLabel(state.session.identity) }) : '';
  const nav = document.getElementById('nav');
  nav.replaceChildren(...(state.session ? allowedRoutes().filter(([, r]) => r.nav).map(([name, r]) =>
    h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null }, t(r.nav))) : []));
}

// One page renders at a time. A page awaits the Hub before it writes the main area, so a route left while its page
// was still loading (a sign-in landing page, then a link straight to a batch) must finish before the next route
// renders, or its late answer would overwrite the page the user went to. Requests that arrive meanwhile collapse
// into one render of the route current when it runs.
let rendering = null;
let renderAgain = null;

function render() {
  if (!rendering) {
    rendering = renderRoute().finally(() => { rendering = null; });
    return rendering;
  }
  renderAgain ??= rendering.catch(() => {}).then(() => { renderAgain = null; return render(); });
  return renderAgain;
}

async function renderRoute() {
  const { name, arg } = currentRoute();
  if (!state.session) {
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
  if (state.settings.signIn === 'development') {
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
  } else if (state.settings.signIn === 'entra') {
    page('signin.title', h('p', {}, t('signin.entra')),
      state.signInError ? message('error', t('signin.failed', { reason: state.signInError })) : null,
      h('button', { type: 'button', onclick: signInWithEntra }, t('signin.entraButton')));
  } else {
    page('signin.title', message('warn', t('signin.unavailable')));
  }
}

// ---------- start ----------

async function loadStrings(lang) {
  const response = await fetch(`i18n/${lang}.json`, { cache: 'no-cache' });
  state.strings = await response.json();
}

async function start() {
  state.render = render;
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
  document.getElementById('sign-out').addEventListener('click', async () => {
    await forgetEntraSignIn();
    signOut();
  });
  try {
    state.settings = await api('/api/console/settings');
  } catch {
    state.settings = { signIn: 'unavailable', purposes: [] };
  }
  await completeEntraSignIn();
  loadSession();
  window.addEventListener('hashchange', render);
  await render();
}

start();
