// Residents lists, a person, their household and break-glass, for personal roles.
import { api, download, hasRole, query } from '../js/api.js';
import { attributeLabel, definitions, field, groupLabel, h, input, message, page, problemText, purposeOptions, select, t, tOr, table, time, today, valueLabel } from '../js/dom.js';
import { attributeValue, divisionHint, divisionLabel, loadDivisions } from '../js/divisions.js';
import { BREAK_GLASS, GROUPS, SUBJECT_REQUESTS, state } from '../js/state.js';

export const residentFilters = { division: '', grid: '', group: '', activeOn: '', status: '', purpose: '' };

// The list's status filter: the API's default (active) is sent as no filter at all.

export async function residentsPage() {
  await loadDivisions();
  const claims = state.session.claims;
  const division = input({ value: residentFilters.division || claims.division || '', inputmode: 'numeric', pattern: '[0-9]{6,12}' });
  const isGridWorker = hasRole(['Hub.GridWorker']);
  const grid = input({ value: residentFilters.grid });
  const group = select([['', t('filter.anyGroup')], ...GROUPS.map((g) => [g, groupLabel(g)])], residentFilters.group);
  const activeOn = input({ type: 'date', value: residentFilters.activeOn || today() });
  const status = select([
    ['', t('filter.status.active')],
    ['deceased', t('filter.status.deceased')],
    ['movedOut', t('filter.status.movedOut')],
    ['active,deceased,movedOut', t('filter.status.all')],
  ], residentFilters.status);
  const purposeSelect = select(purposeOptions(true), residentFilters.purpose || state.purpose);
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters card', method: 'post', 'aria-label': t('residents.filters') },
    h('div', {}, field(t('filter.division'), division, 'division'), divisionHint(division)),
    isGridWorker ? null : field(t('filter.grid'), grid, 'grid'),
    field(t('filter.group'), group, 'group'),
    field(t('filter.activeOn'), activeOn, 'activeOn'),
    field(t('filter.status'), status, 'status'),
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
        status: residentFilters.status,
        purpose: residentFilters.purpose,
        pageSize: 50,
        continuation,
      })}`);
      if (mine !== generation) return;
      for (const item of answer.items) {
        rows.push(item);
        body.append(h('tr', {},
          h('td', {}, h('a', { href: `#/person/${item.personKey}` }, item.name ?? t('residents.open'))),
          h('td', {}, statusLabel(item.status, item.statusDate)),
          h('td', {}, divisionLabel(item.community, item.communityName)),
          h('td', {}, gridLabel(item.grid, item.gridName)),
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
      division: division.value.trim(), grid: grid.value.trim(), group: group.value, activeOn: activeOn.value, status: status.value, purpose: purposeSelect.value,
    });
    state.purpose = purposeSelect.value;
    generation += 1;
    rows.length = 0;
    body.replaceChildren();
    results.replaceChildren(h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('residents.caption') }, h('table', {},
      h('caption', {}, t('residents.caption')),
      h('thead', {}, h('tr', {}, [t('col.name'), t('col.personStatus'), t('col.community'), t('col.grid'), t('col.places'), t('col.groups'), t('col.household'), t('col.note')].map((c) => h('th', { scope: 'col' }, c)))),
      body)), more);
    return load(null);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  await run();
}

export function purposeChooser(onChange) {
  const chooser = select(purposeOptions(true), state.purpose);
  return h('form', { class: 'card row', method: 'post', 'aria-label': t('purpose.chooser'), onsubmit: (event) => { event.preventDefault(); state.purpose = chooser.value; onChange(); } },
    field(t('filter.purpose'), chooser, 'purpose'),
    h('button', { type: 'submit' }, t('purpose.apply')),
    h('p', {}, t('purpose.hint')));
}

// A person's status as a list shows it: 正常, 死亡 2025-06-19, 迁出 2025-04-01; masked as sent; nothing when unknown.
export function statusLabel(status, date) {
  if (!status) return '';
  const label = tOr(`personStatus.${status}`, status);
  const text = date ? t('personStatus.withDate', { status: label, date }) : label;
  return status === 'active' ? text : h('strong', { class: `status-${status}` }, text);
}

// A death or a move out heads the person's page, before anything else is read.
function statusBanner(person) {
  if (person.status !== 'deceased' && person.status !== 'movedOut') return null;
  const key = `person.status.${person.status}${person.statusDate ? '' : 'Undated'}`;
  return h('div', { class: `status-banner status-${person.status}` },
    h('p', { class: 'status-title' }, t(key, { date: person.statusDate ?? '' })),
    person.status === 'deceased' ? h('p', {}, t('person.status.deceasedNote')) : null);
}

function membershipActive(m) {
  if (m.active) return t('yes');
  return m.inactiveReason === 'deceased' ? h('strong', { class: 'status-deceased' }, t('membership.inactiveDeceased')) : t('no');
}

export function personDetails(person) {
  const attributes = Object.entries(person.attributes ?? {});
  const parts = [];
  const banner = statusBanner(person);
  if (banner) parts.push(banner);
  parts.push(h('div', { class: 'row' },
    person.provisional ? h('span', { class: 'tag' }, t('person.provisional')) : null,
    person.breakGlass ? h('span', { class: 'tag' }, t('person.breakGlass')) : null));
  parts.push(h('h2', {}, t('person.attributes')));
  parts.push(attributes.length ? definitions(attributes.map(([k, v]) => [attributeLabel(k), attributeValue(k, v)])) : h('p', {}, t('person.nothing')));
  for (const kind of ['residence', 'registration']) {
    const place = person[kind];
    if (place) {
      parts.push(h('h2', {}, t(`person.${kind}`)));
      parts.push(definitions(placeEntries(place)));
    }
  }
  parts.push(h('h2', {}, t('person.memberships')));
  const memberships = person.memberships ?? [];
  parts.push(memberships.length
    ? table([t('col.group'), t('col.active'), t('col.validFrom'), t('col.lastDay'), t('col.source'), t('col.details')],
      memberships.map((m) => [
        groupLabel(m.group),
        membershipActive(m),
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

// A grid by its name, the code beside it; the code alone when the registry does not name it.
export function gridLabel(grid, name) {
  if (!grid) return '';
  return name ? h('span', { class: 'division', title: grid, 'data-code': grid }, name, ' ', h('small', { class: 'code' }, grid)) : grid;
}

// A place as a person reads it: the division by its path (the code beside it), the grid by its name, the address, and
// for a merged division where it lies today. A masked code stays as the policy rendered it.
function placeEntries(place) {
  const entries = [];
  if (place.division) entries.push([t('placeField.division'), divisionLabel(place.division, place.divisionPath)]);
  if (place.currentDivision) entries.push([t('placeField.currentDivision'), divisionLabel(place.currentDivision)]);
  if (place.grid) entries.push([t('placeField.grid'), gridLabel(place.grid, place.gridName)]);
  if (place.address) entries.push([t('placeField.address'), place.address]);
  return entries;
}

export async function personPage(personKey) {
  await loadDivisions();
  const content = h('div', { 'aria-live': 'polite' });
  const reload = () => personPage(personKey);
  page('person.title', purposeChooser(reload), content);
  let person;
  try {
    person = await api(`/api/persons/${encodeURIComponent(personKey)}${query({ purpose: state.purpose })}`);
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
    return;
  }
  const title = person.attributes?.name ?? t('person.untitled');
  document.querySelector('main h1').textContent = `${t('person.title')}：${title}`;
  content.replaceChildren(...[
    ...personDetails(person),
    person.householdKey ? h('p', {}, h('a', { href: `#/household/${person.personKey}` }, t('person.householdLink'))) : null,
    hasRole(BREAK_GLASS) ? breakGlassForm(person.personKey, reload) : null,
    hasRole(SUBJECT_REQUESTS) ? subjectRequests(person) : null,
    h('p', { class: 'mono' }, `${t('person.key')}: ${person.personKey}`),
  ].filter((part) => part !== null));
}

// A resident's requests about their own data: their report to download and print, a correction for the owning department.
export function subjectRequests(person) {
  const status = h('div', { 'aria-live': 'polite' });
  const report = (accept, extension) => download('/api/persons/subject-report', `subject-report-${person.personKey.slice(0, 8)}.${extension}`, status,
    { method: 'POST', body: { personKey: person.personKey }, accept });
  const attributes = [...Object.keys(person.attributes ?? {}), 'residenceAddress', 'registrationAddress'];
  const attribute = select([...new Set(attributes)].map((a) => [a, attributeLabel(a)]), '', { required: true });
  const proposed = input({ type: 'text', maxlength: 500, required: true });
  const reason = h('textarea', { maxlength: 500, required: true });
  const filed = h('div', { 'aria-live': 'polite' });
  return h('section', { class: 'card', 'aria-labelledby': 'subject-title' },
    h('h2', { id: 'subject-title' }, t('subject.title')),
    h('p', {}, t('subject.explain')),
    h('p', {},
      h('button', { type: 'button', onclick: () => report('text/html', 'html') }, t('subject.report')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => report('application/json', 'json') }, t('subject.reportJson'))),
    status,
    h('h3', {}, t('subject.correctTitle')),
    h('form', {
      method: 'post',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const correction = await api('/api/persons/corrections', {
            method: 'POST',
            body: { personKey: person.personKey, attribute: attribute.value, proposedValue: proposed.value, reason: reason.value },
          });
          filed.replaceChildren(message('ok', t('subject.filed', { owner: tOr(`source.${correction.owner}`, correction.owner), id: correction.id })));
        } catch (error) {
          filed.replaceChildren(message('error', problemText(error)));
        }
      },
    },
    field(t('subject.attribute'), attribute, 'attribute'),
    field(t('subject.proposed'), proposed, 'proposedValue'),
    field(t('subject.reason'), reason, 'reason'),
    h('p', {}, h('button', { type: 'submit' }, t('subject.correct')))),
    filed);
}

export function breakGlassForm(personKey, reload) {
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

export async function householdPage(personKey) {
  await loadDivisions();
  const content = h('div', { 'aria-live': 'polite' });
  page('household.title', purposeChooser(() => householdPage(personKey)), content);
  try {
    const household = await api(`/api/persons/${encodeURIComponent(personKey)}/household${query({ purpose: state.purpose })}`);
    content.replaceChildren(
      h('p', {}, t('household.summary', { count: household.members.length, day: household.on })),
      ...household.members.map((member) => h('section', { class: 'card' },
        h('h2', {}, h('a', { href: `#/person/${member.personKey}` }, member.attributes?.name ?? t('person.untitled'))),
        ...personDetails(member).filter((node) => node.tagName !== 'H2' || node.textContent !== t('person.attributes')))));
  } catch (error) {
    content.replaceChildren(message('error', problemText(error)));
  }
}
