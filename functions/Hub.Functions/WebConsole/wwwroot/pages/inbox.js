// An officer's inbox: the change events of their subscriptions, a page at a time by cursor, and the worklist of the
// cross-department checks with its evidence, history and decisions. Only what the API rendered is shown.
import { api, hasRole, query } from '../js/api.js';
import { attributeLabel, definitions, field, groupLabel, h, input, message, page, problemText, select, t, tOr, table, time } from '../js/dom.js';
import { attributeValue, loadDivisions } from '../js/divisions.js';
import { SUBSCRIBER, WORKLIST_DECIDERS, state } from '../js/state.js';
import { eventTypeLabel, subscriptionList, subscriptionSummary } from './subscriptions.js';

export function sourceLabel(cloudSource) {
  const id = String(cloudSource ?? '').replace(/^\/hub\/sources\//, '');
  return tOr(`source.${id}`, id);
}

// What changed, as the event carries it: each attribute before → after, then the group, reason and direction.
export function eventChanges(data) {
  const parts = Object.entries(data.changes ?? {}).map(([name, change]) => h('li', {},
    `${attributeLabel(name)}：`, change.before === undefined ? '—' : attributeValue(name, change.before), ' → ', change.after === undefined ? '—' : attributeValue(name, change.after)));
  if (data.group) parts.push(h('li', {}, `${t('event.group')}：${groupLabel(data.group)}`));
  if (data.reason) parts.push(h('li', {}, `${t('event.reason')}：${tOr(`event.reason.${data.reason}`, data.reason)}`));
  if (data.direction) parts.push(h('li', {}, `${t('event.direction')}：${t(`direction.${data.direction}`)}`));
  if (data.householdKeyAfter) parts.push(h('li', {}, t('event.householdChanged')));
  if (data.linkedKey) parts.push(h('li', { class: 'mono' }, `${t('event.linkedKey')}：${data.linkedKey}`));
  return parts.length ? h('ul', { class: 'changes' }, parts) : '';
}

export function personLink(personKey) {
  return h('a', { href: `#/person/${personKey}` }, t('event.openPerson', { key: personKey.slice(0, 8) }));
}

// The cursor each subscription was read to while the console is open: the inbox resumes where the user left it.
const cursors = new Map();

export async function inboxPage(subscriptionId) {
  await loadDivisions();
  const sections = [];
  if (hasRole(SUBSCRIBER)) sections.push(h('section', { class: 'card', 'aria-labelledby': 'inbox-events' }, h('h2', { id: 'inbox-events' }, t('inbox.events'))));
  const worklist = h('section', { class: 'card', 'aria-labelledby': 'inbox-worklist' }, h('h2', { id: 'inbox-worklist' }, t('inbox.worklist')));
  sections.push(worklist);
  page('inbox.title', h('p', {}, t('inbox.explain')), ...sections);
  if (hasRole(SUBSCRIBER)) await eventsPart(sections[0], subscriptionId);
  await worklistPart(worklist);
}

async function eventsPart(section, subscriptionId) {
  let subscriptions;
  try {
    subscriptions = (await subscriptionList()).filter((s) => s.status === 'active');
  } catch (error) {
    section.append(message('error', problemText(error)));
    return;
  }
  if (subscriptions.length === 0) {
    section.append(message('status', t('inbox.noSubscription')), h('p', {}, h('a', { href: '#/subscriptions' }, t('inbox.makeSubscription'))));
    return;
  }
  const chosen = subscriptions.some((s) => s.id === subscriptionId) ? subscriptionId : subscriptions[0].id;
  const chooser = select(subscriptions.map((s) => [s.id, `${subscriptionSummary(s)} (${s.id.slice(0, 8)})`]), chosen);
  const cursor = input({ inputmode: 'numeric', maxlength: 15, value: cursors.get(chosen) ?? '', 'aria-describedby': 'cursor-hint' });
  const limit = select(['20', '50', '100'].map((n) => [n, n]), '50');
  const summary = h('div', { 'aria-live': 'polite' });
  const results = h('div', {});
  const pager = h('p', { class: 'row' });
  const form = h('form', { method: 'post', class: 'filters', 'aria-label': t('inbox.readFeed') },
    field(t('inbox.subscription'), chooser, 'subscription'),
    h('div', {}, field(t('inbox.cursor'), cursor, 'cursor'), h('p', { id: 'cursor-hint', class: 'hint' }, t('inbox.cursorHint'))),
    field(t('inbox.limit'), limit, 'limit'),
    h('div', {}, h('button', { type: 'submit' }, t('inbox.read'))));
  chooser.addEventListener('change', () => { cursor.value = cursors.get(chooser.value) ?? ''; });
  section.append(form, summary, results, pager);

  const read = async (from) => {
    summary.setAttribute('aria-busy', 'true');
    try {
      const id = chooser.value;
      const answer = await api(`/api/subscriptions/${encodeURIComponent(id)}/events${query({ cursor: from, limit: limit.value })}`);
      cursors.set(id, answer.next);
      cursor.value = from ?? '';
      summary.replaceChildren(message(answer.caughtUp ? 'ok' : 'status', t(answer.caughtUp ? 'inbox.caughtUp' : 'inbox.notCaughtUp', { count: answer.events.length, next: answer.next })));
      results.replaceChildren(answer.events.length
        ? table([t('col.time'), t('col.eventType'), t('col.person'), t('col.effectiveDate'), t('col.source'), t('col.changes')], answer.events.map((e) => [
          time(e.time),
          eventTypeLabel(e.type),
          personLink(e.subject),
          e.data.effectiveDate ?? '',
          sourceLabel(e.source),
          eventChanges(e.data),
        ]), t('inbox.events'))
        : message('status', t('inbox.noEvents')));
      pager.replaceChildren(
        h('button', { type: 'button', 'data-action': 'next-events', onclick: () => read(answer.next) }, t('inbox.next', { cursor: answer.next })),
        h('button', { type: 'button', class: 'secondary', onclick: () => read(null) }, t('inbox.fromStart')));
    } catch (error) {
      summary.replaceChildren(message('error', problemText(error)));
    } finally {
      summary.setAttribute('aria-busy', 'false');
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); read(cursor.value.trim() || null); });
  await read(cursor.value.trim() || null);
}

function checkTitle(title) {
  return (document.documentElement.lang === 'en' ? title?.en : title?.['zh-CN']) ?? '';
}

function evidenceTable(evidence) {
  return table([t('col.kind'), t('col.source'), t('col.batch'), t('col.asOf'), t('col.group'), t('col.details')], evidence.map((e) => [
    tOr(`evidence.${e.kind}`, e.kind),
    e.source ? tOr(`source.${e.source}`, e.source) : '',
    h('span', { class: 'mono' }, e.batch ?? ''),
    e.asOf ?? '',
    e.group ? groupLabel(e.group) : '',
    [Object.entries(e.attributes ?? {}).map(([k, v]) => h('span', { class: 'tag' }, `${attributeLabel(k)}: `, attributeValue(k, v))),
      e.member ? personLink(e.member) : null],
  ]), t('worklist.evidence'));
}

function worklistItem(item) {
  const status = h('div', { 'aria-live': 'polite' });
  const parts = [
    h('h3', {}, checkTitle(item.title)),
    definitions([
      [t('col.person'), h('a', { href: `#/person/${item.personKey}` }, item.name ?? t('person.untitled'))],
      [t('col.status'), h('strong', { 'data-status': item.status }, t(`worklist.status.${item.status}`))],
      [t('worklist.owner'), tOr(`source.${item.owner}`, item.owner)],
      [t('worklist.openedAt'), time(item.openedAt)],
      [t('worklist.updatedAt'), time(item.updatedAt)],
    ]),
    h('h4', {}, t('worklist.evidence')), evidenceTable(item.evidence),
    h('h4', {}, t('worklist.history')),
    table([t('col.time'), t('col.action'), t('col.user'), t('col.reason'), t('col.batch')], item.history.map((step) => [
      time(step.at), tOr(`worklist.step.${step.action}`, step.action), step.by, step.reason ?? '', step.batch ?? '']), t('worklist.history')),
  ];
  if (item.status === 'open' && hasRole(WORKLIST_DECIDERS)) {
    const name = `decision-${item.id}`;
    const reason = h('textarea', { maxlength: 500 });
    const form = h('form', { method: 'post', 'aria-label': t('worklist.decide') },
      h('fieldset', { class: 'row' }, h('legend', {}, t('worklist.decision')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: 'confirmed', checked: true }), t('worklist.confirm')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: 'dismissed' }), t('worklist.dismiss'))),
      field(t('worklist.reason'), reason, 'reason'),
      h('p', {}, h('button', { type: 'submit' }, t('worklist.submit'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const decision = form.querySelector('input:checked').value;
      try {
        const decided = await api(`/api/worklist/${encodeURIComponent(item.id)}/decision`, { method: 'POST', body: { status: decision, reason: reason.value.trim() || null } });
        article.replaceWith(worklistItem(decided).article);
      } catch (error) {
        status.replaceChildren(message('error', problemText(error)));
      }
    });
    parts.push(form);
  }
  const article = h('article', { class: 'card', 'data-item': item.id }, parts, status);
  return { article };
}

async function worklistPart(section) {
  const statusFilter = select([['open', t('worklist.status.open')], ['confirmed', t('worklist.status.confirmed')], ['dismissed', t('worklist.status.dismissed')], ['resolved', t('worklist.status.resolved')], ['', t('worklist.anyStatus')]], 'open');
  const form = h('form', { method: 'post', class: 'filters', 'aria-label': t('worklist.filters') },
    field(t('col.status'), statusFilter, 'status'), h('div', {}, h('button', { type: 'submit' }, t('filter.apply'))));
  const summary = h('div', { 'aria-live': 'polite' });
  const items = h('div', {});
  const more = h('div', { class: 'row' });
  section.append(h('p', {}, t('worklist.explain')), form, summary, items, more);
  let generation = 0;
  let count = 0;
  const load = async (continuationToken) => {
    const mine = generation;
    summary.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/api/worklist${query({ status: statusFilter.value, purpose: state.purpose, pageSize: 20, continuationToken })}`);
      if (mine !== generation) return;
      count += answer.items.length;
      items.append(...answer.items.map((item) => worklistItem(item).article));
      summary.replaceChildren(message(count ? 'status' : 'ok', count ? t('worklist.count', { count }) : t('worklist.empty')));
      more.replaceChildren(...(answer.continuationToken ? [h('button', { type: 'button', class: 'secondary', onclick: () => load(answer.continuationToken) }, t('worklist.more'))] : []));
    } catch (error) {
      if (mine === generation) summary.replaceChildren(message('error', problemText(error)));
    } finally {
      if (mine === generation) summary.setAttribute('aria-busy', 'false');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    generation += 1;
    count = 0;
    items.replaceChildren();
    load(null);
  });
  await load(null);
}
