// A street or district office's "moved in / moved out" list: the residence and registration moves of its area, read
// from the office's subscription to move events, with the direction the Hub judged for the office's area.
import { api, query } from '../js/api.js';
import { attributeLabel, field, h, message, page, problemText, purposeOptions, select, t, table, time } from '../js/dom.js';
import { attributeValue, divisionPath, loadDivisions } from '../js/divisions.js';
import { MOVE_TYPES, state } from '../js/state.js';
import { personLink, sourceLabel } from './inbox.js';
import { subscriptionList } from './subscriptions.js';

// Pages of the feed read at once before the user is asked to go on: the feed is shared by every event type.
const PAGES_PER_LOAD = 20;

export const moveFilters = { direction: '', place: '' };

function asksForMoves(subscription) {
  return subscription.status === 'active' && (subscription.types.length === 0 || MOVE_TYPES.every((type) => subscription.types.includes(type)));
}

// A place's division, grid and address before and after, whichever attributes of the move the policy rendered.
function placeChange(data, side) {
  return Object.entries(data.changes ?? {}).filter(([, change]) => change[side] !== undefined)
    .map(([name, change]) => h('span', { class: 'tag' }, `${attributeLabel(name)}: `, attributeValue(name, change[side])));
}

export async function movesPage() {
  await loadDivisions();
  const content = h('div', {});
  page('moves.title', h('p', {}, t('moves.explain')), content);
  let subscription;
  try {
    subscription = (await subscriptionList()).find(asksForMoves);
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  if (!subscription) {
    content.replaceChildren(offerSubscription());
    return;
  }
  await movesList(content, subscription);
}

function offerSubscription() {
  const purpose = select(purposeOptions(true), state.purpose);
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { method: 'post', class: 'card', 'aria-labelledby': 'moves-offer' },
    h('h2', { id: 'moves-offer' }, t('moves.offerTitle')),
    h('p', {}, t('moves.offerExplain', { division: divisionPath(state.session.claims.division) ?? state.session.claims.division ?? '' })),
    h('p', {}, t('moves.offerStart')),
    field(t('filter.purpose'), purpose, 'purpose'),
    h('p', {}, h('button', { type: 'submit' }, t('moves.offerSubmit'))), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/api/subscriptions', { method: 'POST', body: { types: MOVE_TYPES, purpose: purpose.value || null } });
      await movesPage();
    } catch (error) {
      status.replaceChildren(message('error', problemText(error)));
    }
  });
  return form;
}

async function movesList(content, subscription) {
  const direction = select([['', t('moves.anyDirection')], ...['in', 'out', 'within', 'elsewhere'].map((d) => [d, t(`direction.${d}`)])], moveFilters.direction);
  const place = select([['', t('moves.anyPlace')], ['hub.person.residence-moved', t('moves.residence')], ['hub.person.registration-moved', t('moves.registration')]], moveFilters.place);
  const form = h('form', { method: 'post', class: 'filters card', 'aria-label': t('moves.filters') },
    field(t('moves.direction'), direction, 'direction'), field(t('moves.place'), place, 'place'),
    h('div', {}, h('button', { type: 'submit' }, t('filter.apply'))));
  const summary = h('div', { 'aria-live': 'polite' });
  const results = h('div', {});
  const more = h('p', { class: 'row' });
  content.replaceChildren(
    h('p', {}, t('moves.from', { since: time(subscription.createdAt) }), ' ', h('a', { href: `#/subscription/${subscription.id}` }, t('moves.subscriptionLink'))),
    form, summary, results, more);

  // Every move read so far; the filters choose among them without reading the feed again.
  const moves = [];
  const show = () => {
    const shown = moves.filter((e) => (!moveFilters.direction || e.data.direction === moveFilters.direction) && (!moveFilters.place || e.type === moveFilters.place));
    results.replaceChildren(shown.length
      ? table([t('col.direction'), t('col.movePlace'), t('col.person'), t('col.effectiveDate'), t('col.before'), t('col.after'), t('col.source')], shown.map((e) => [
        h('strong', { 'data-direction': e.data.direction ?? '' }, e.data.direction ? t(`direction.${e.data.direction}`) : ''),
        e.type === 'hub.person.residence-moved' ? t('moves.residence') : t('moves.registration'),
        personLink(e.subject),
        e.data.effectiveDate ?? '',
        placeChange(e.data, 'before'),
        placeChange(e.data, 'after'),
        sourceLabel(e.source),
      ]), t('moves.caption'))
      : message('status', t('moves.none')));
    return shown.length;
  };
  const load = async (cursor) => {
    summary.setAttribute('aria-busy', 'true');
    try {
      let next = cursor;
      let caughtUp = false;
      for (let pageNumber = 0; pageNumber < PAGES_PER_LOAD && !caughtUp; pageNumber += 1) {
        const answer = await api(`/api/subscriptions/${encodeURIComponent(subscription.id)}/events${query({ cursor: next, limit: 200 })}`);
        moves.push(...answer.events.filter((e) => MOVE_TYPES.includes(e.type)));
        next = answer.next;
        caughtUp = answer.caughtUp;
      }
      const shown = show();
      summary.replaceChildren(message('status', t('moves.count', { shown, total: moves.length })));
      more.replaceChildren(caughtUp
        ? h('button', { type: 'button', class: 'secondary', onclick: () => load(next) }, t('moves.refresh'))
        : h('button', { type: 'button', onclick: () => load(next) }, t('moves.more')));
    } catch (error) {
      summary.replaceChildren(message('error', problemText(error)));
    } finally {
      summary.setAttribute('aria-busy', 'false');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(moveFilters, { direction: direction.value, place: place.value });
    const shown = show();
    summary.replaceChildren(message('status', t('moves.count', { shown, total: moves.length })));
  });
  await load(null);
}
