// Auditors: events, accesses to a person, alerts and the integrity of the trail.
import { api, download, query } from '../js/api.js';
import { addDays, definitions, field, h, input, message, page, problemText, purposeOptions, select, t, table, time, today } from '../js/dom.js';
import { divisionHint, divisionLabel, loadDivisions } from '../js/divisions.js';

export function dayRange(fromDay, toDay) {
  return { from: `${fromDay}T00:00:00Z`, to: `${addDays(toDay, 1)}T00:00:00Z` };
}

export function fieldsText(fields) {
  return (fields ?? []).map((f) => `${f.attribute ?? f.name ?? f.field ?? ''}${f.masked ? ` (${t('audit.masked')})` : ''}`).join(', ');
}

export async function eventsPage() {
  await loadDivisions();
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
    field(t('person.key'), personKey, 'personKey'), h('div', {}, field(t('filter.division'), division, 'division'), divisionHint(division)),
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
          answer.events.map((e) => [String(e.sequence), time(e.time), e.userId, e.role ?? '', divisionLabel(e.division), e.action, e.resource ?? '',
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

export async function accessesPage() {
  await loadDivisions();
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
          report.users.map((u) => [u.userId, u.role ?? '', divisionLabel(u.division), String(u.accesses), time(u.first), time(u.last), u.breakGlass ? t('yes') : t('no')])),
        h('h2', {}, t('accesses.all')),
        table([t('col.sequence'), t('col.time'), t('col.user'), t('col.role'), t('col.action'), t('col.purpose'), t('col.fields'), t('col.outcome')],
          report.accesses.map((a) => [String(a.sequence), time(a.time), a.userId, a.role ?? '', a.action, `${a.purpose ?? ''}${a.breakGlass ? ` (${t('audit.breakGlass')})` : ''}`, fieldsText(a.fields), t(`outcome.${a.outcome}`)])));
    } catch (error) {
      results.replaceChildren(message('error', problemText(error)));
    }
  });
  page('accesses.title', h('p', {}, t('accesses.explain')), form, results);
}

export async function alertsPage() {
  await loadDivisions();
  const from = input({ type: 'date', value: addDays(today(), -6) });
  const to = input({ type: 'date', value: today() });
  const results = h('div', { 'aria-live': 'polite' });
  const search = async () => {
    try {
      const answer = await api(`/api/audit/alerts${query(dayRange(from.value, to.value))}`);
      results.replaceChildren(answer.alerts.length === 0 ? message('ok', t('alerts.none')) : table(
        [t('col.kind'), t('col.user'), t('col.role'), t('col.division'), t('col.from'), t('col.to'), t('col.persons'), t('col.events'), t('col.detail')],
        answer.alerts.map((a) => [t(`alert.${a.kind}`), a.userId, a.role ?? '', divisionLabel(a.division), time(a.from), time(a.to), String(a.personCount), a.sequences.join(', '), a.detail])));
    } catch (error) {
      results.replaceChildren(message('error', problemText(error)));
    }
  };
  const form = h('form', { class: 'card filters', method: 'post', onsubmit: (e) => { e.preventDefault(); search(); } },
    field(t('audit.from'), from, 'from'), field(t('audit.to'), to, 'to'), h('div', {}, h('button', { type: 'submit' }, t('alerts.submit'))));
  page('alerts.title', h('p', {}, t('alerts.explain')), form, results);
  await search();
}

export async function integrityPage() {
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
