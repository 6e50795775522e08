// Subscriptions to the change feed: the holder's list, making, changing and ending one, and a push subscription's
// delivery with its dead letters. The push signing secret is in the one answer that made it, so it is shown once.
import { api } from '../js/api.js';
import { definitions, field, groupLabel, h, input, message, page, problemText, purposeOptions, select, t, tOr, table, time } from '../js/dom.js';
import { EVENT_TYPES, GROUPS, state } from '../js/state.js';

export function eventTypeLabel(type) {
  return tOr(`eventType.${type}`, type);
}

export async function subscriptionList() {
  return (await api('/api/subscriptions')).subscriptions;
}

// What a subscription asks for, in words: its types, groups and divisions, "all" where it narrows nothing.
export function subscriptionSummary(s) {
  const types = s.types.length ? s.types.map(eventTypeLabel).join('、') : t('subscription.allTypes');
  const groups = s.groups.length ? s.groups.map(groupLabel).join('、') : t('subscription.allGroups');
  const divisions = s.divisions.length ? s.divisions.join('、') : t('subscription.wholeArea', { division: s.division });
  return `${types}｜${groups}｜${divisions}`;
}

function checkboxes(legend, name, options, checked) {
  return h('fieldset', { class: 'choices' }, h('legend', {}, legend),
    options.map(([value, label]) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), label)));
}

function checkedValues(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
}

// The form that makes or changes a subscription; `submit` receives the request body.
function subscriptionForm(existing, submitLabel, submit) {
  const types = checkboxes(t('subscription.types'), 'types', EVENT_TYPES.map((type) => [type, eventTypeLabel(type)]), existing?.types ?? []);
  const groups = checkboxes(t('subscription.groups'), 'groups', GROUPS.map((g) => [g, groupLabel(g)]), existing?.groups ?? []);
  const divisions = input({ inputmode: 'numeric', value: (existing?.divisions ?? []).join(', '), 'aria-describedby': 'subscription-divisions-hint' });
  const purpose = select(purposeOptions(true), existing?.purpose ?? '');
  const endpoint = input({ type: 'url', value: existing?.endpoint ?? '', placeholder: 'https://', spellcheck: 'false', 'aria-describedby': 'subscription-endpoint-hint' });
  const form = h('form', { method: 'post', class: 'card', 'aria-label': submitLabel },
    h('p', {}, t('subscription.formExplain')),
    types, groups,
    h('div', { class: 'filters' },
      h('div', {}, field(t('subscription.divisions'), divisions, 'divisions'),
        h('p', { id: 'subscription-divisions-hint', class: 'hint' }, t('subscription.divisionsHint', { division: state.session.claims.division ?? '' }))),
      field(t('filter.purpose'), purpose, 'purpose'),
      h('div', {}, field(t('subscription.endpoint'), endpoint, 'endpoint'),
        h('p', { id: 'subscription-endpoint-hint', class: 'hint' }, t('subscription.endpointHint')))),
    h('p', {}, h('button', { type: 'submit' }, submitLabel)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit({
      types: checkedValues(types),
      groups: checkedValues(groups),
      divisions: divisions.value.split(/[\s,，、]+/).filter(Boolean),
      purpose: purpose.value || null,
      endpoint: endpoint.value.trim() || null,
    });
  });
  return form;
}

// The signing secret, with the warning that no later answer gives it again.
function secretNotice(secret) {
  return h('section', { class: 'card secret', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, t('subscription.secretTitle')),
    h('p', { class: 'message warn', role: 'status' }, t('subscription.secretOnce')),
    h('p', {}, h('code', { class: 'mono', 'data-secret': 'true' }, secret)));
}

export async function subscriptionsPage() {
  const list = h('div', { 'aria-live': 'polite' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = subscriptionForm(null, t('subscription.create'), async (body) => {
    try {
      const created = await api('/api/subscriptions', { method: 'POST', body });
      outcome.replaceChildren(message('ok', t('subscription.created', { id: created.id })),
        ...(created.secret ? [secretNotice(created.secret)] : []),
        h('p', {}, h('a', { href: `#/subscription/${created.id}` }, t('subscription.open'))));
      await load();
    } catch (error) {
      outcome.replaceChildren(message('error', problemText(error)));
    }
  });
  page('subscriptions.title', h('p', {}, t('subscriptions.explain')),
    h('h2', {}, t('subscriptions.mine')), list,
    h('h2', {}, t('subscriptions.new')), form, outcome);

  async function load() {
    list.setAttribute('aria-busy', 'true');
    try {
      const items = await subscriptionList();
      list.replaceChildren(items.length
        ? table([t('col.subscription'), t('col.status'), t('col.asksFor'), t('col.purpose'), t('col.push'), t('col.createdAt')], items.map((s) => [
          h('a', { href: `#/subscription/${s.id}` }, s.id),
          t(`subscription.status.${s.status}`),
          subscriptionSummary(s),
          s.purpose ? tOr(`purpose.${s.purpose}`, s.purpose) : '',
          s.endpoint ?? t('subscription.pullOnly'),
          time(s.createdAt),
        ]), t('subscriptions.mine'))
        : message('status', t('subscriptions.none')));
    } catch (error) {
      list.replaceChildren(message('error', problemText(error)));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }
  await load();
}

export async function subscriptionPage(id, flash) {
  const content = h('div', { 'aria-live': 'polite' });
  page('subscription.title', h('p', {}, h('a', { href: '#/subscriptions' }, t('subscription.back'))), content);
  let subscription;
  try {
    subscription = await api(`/api/subscriptions/${encodeURIComponent(id)}`);
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  const reload = () => subscriptionPage(id);
  const outcome = h('div', { 'aria-live': 'polite' }, flash ? message('ok', flash) : null);
  const active = subscription.status === 'active';
  const parts = [
    definitions([
      [t('col.subscription'), h('span', { class: 'mono' }, subscription.id)],
      [t('col.status'), t(`subscription.status.${subscription.status}`)],
      [t('subscription.types'), subscription.types.length ? subscription.types.map(eventTypeLabel).join('、') : t('subscription.allTypes')],
      [t('subscription.groups'), subscription.groups.length ? subscription.groups.map(groupLabel).join('、') : t('subscription.allGroups')],
      [t('subscription.divisions'), subscription.divisions.length ? subscription.divisions.join('、') : t('subscription.wholeArea', { division: subscription.division })],
      [t('col.purpose'), subscription.purpose ? tOr(`purpose.${subscription.purpose}`, subscription.purpose) : t('purpose.none')],
      [t('subscription.endpoint'), subscription.endpoint ?? t('subscription.pullOnly')],
      [t('col.createdAt'), time(subscription.createdAt)],
      [t('col.updatedAt'), time(subscription.updatedAt)],
      ...(subscription.endedAt ? [[t('col.endedAt'), time(subscription.endedAt)]] : []),
    ]),
    active ? h('p', {}, h('a', { href: `#/inbox/${subscription.id}` }, t('subscription.readEvents'))) : null,
    outcome,
  ];
  if (active) {
    parts.push(h('h2', {}, t('subscription.change')),
      subscriptionForm(subscription, t('subscription.save'), async (body) => {
        try {
          const saved = await api(`/api/subscriptions/${encodeURIComponent(id)}`, { method: 'PUT', body });
          if (saved.secret) {
            // The endpoint was new: its secret is in this answer only, so the page stays until the user has read it.
            outcome.replaceChildren(message('ok', t('subscription.saved')), secretNotice(saved.secret),
              h('button', { type: 'button', class: 'secondary', onclick: reload }, t('subscription.reload')));
          } else {
            await subscriptionPage(id, t('subscription.saved'));
          }
        } catch (error) {
          outcome.replaceChildren(message('error', problemText(error)));
        }
      }),
    endForm(id));
  }
  if (subscription.endpoint) parts.push(await deliverySection(id, active));
  content.replaceChildren(...parts.filter((part) => part !== null));
}

// Ending is final, so it takes a second, explicit click.
function endForm(id) {
  const status = h('div', { 'aria-live': 'polite' });
  const confirm = h('button', {
    type: 'button',
    class: 'danger',
    hidden: true,
    onclick: async () => {
      try {
        await api(`/api/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
        await subscriptionPage(id, t('subscription.ended'));
      } catch (error) {
        status.replaceChildren(message('error', problemText(error)));
      }
    },
  }, t('subscription.endConfirm'));
  const ask = h('button', { type: 'button', class: 'secondary', onclick: () => { confirm.hidden = false; confirm.focus(); } }, t('subscription.end'));
  return h('section', { class: 'card', 'aria-labelledby': 'end-title' },
    h('h2', { id: 'end-title' }, t('subscription.end')),
    h('p', {}, t('subscription.endExplain')),
    h('p', { class: 'row' }, ask, confirm), status);
}

async function deliverySection(id, active) {
  const section = h('section', { class: 'card', 'aria-labelledby': 'delivery-title' }, h('h2', { id: 'delivery-title' }, t('delivery.title')));
  const status = h('div', { 'aria-live': 'polite' });
  try {
    const delivery = await api(`/api/subscriptions/${encodeURIComponent(id)}/delivery`);
    section.append(definitions([
      [t('delivery.cursor'), delivery.cursor],
      [t('delivery.lastDelivered'), delivery.lastDeliveredAt ? time(delivery.lastDeliveredAt) : t('delivery.never')],
      [t('delivery.attempts'), String(delivery.attempts)],
      [t('delivery.lastFailure'), delivery.lastFailure ?? t('delivery.noFailure')],
      [t('delivery.retryAt'), delivery.retryAt ? time(delivery.retryAt) : t('delivery.noRetry')],
    ]), h('h3', {}, t('delivery.deadLetters')), h('p', {}, t('delivery.deadLettersExplain')));
    section.append(delivery.deadLetters.length
      ? table([t('delivery.range'), t('delivery.events'), t('delivery.attempts'), t('col.reason'), t('delivery.parkedAt'), t('delivery.redrive')], delivery.deadLetters.map((letter) => [
        `${letter.first}–${letter.last}`,
        String(letter.events),
        String(letter.attempts),
        letter.reason,
        time(letter.parkedAt),
        active ? h('button', {
          type: 'button',
          'data-letter': letter.id,
          onclick: async () => {
            try {
              const answer = await api(`/api/subscriptions/${encodeURIComponent(id)}/dead-letters/${encodeURIComponent(letter.id)}/redrive`, { method: 'POST' });
              status.replaceChildren(message('ok', t('delivery.redriven', { range: `${answer.first}–${answer.last}` })));
            } catch (error) {
              status.replaceChildren(message('error', problemText(error)));
            }
          },
        }, t('delivery.redriveButton', { range: `${letter.first}–${letter.last}` })) : (letter.redriveRequestedAt ? time(letter.redriveRequestedAt) : ''),
      ]), t('delivery.deadLetters'))
      : message('ok', t('delivery.noDeadLetters')));
  } catch (error) {
    section.append(message('error', problemText(error)));
  }
  section.append(status);
  return section;
}
