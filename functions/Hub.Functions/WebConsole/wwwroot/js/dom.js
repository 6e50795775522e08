// Building the page: strings, elements written as text, forms, tables, dates and the labels of codes.
import { state } from './state.js';

export function t(key, vars = {}) {
  const text = state.strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function tOr(key, fallback) {
  return key in state.strings ? state.strings[key] : fallback;
}

export function h(tag, props, ...children) {
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

export function nextId(prefix) {
  state.idCounter += 1;
  return `${prefix}-${state.idCounter}`;
}

export function field(labelText, control, name) {
  const id = control.id || nextId(name ?? 'f');
  control.id = id;
  if (name) control.name = name;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control);
}

export function input(props) {
  return h('input', { type: 'text', autocomplete: 'off', ...props });
}

export function select(options, value, props) {
  const el = h('select', props ?? {}, options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value ?? '';
  return el;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function time(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString(document.documentElement.lang);
}

export function message(kind, text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function problemText(error) {
  if (error.status) {
    return t('error.problem', { status: error.status, title: error.title ?? '', detail: error.detail ?? '' });
  }
  return t('error.network');
}

export function table(headers, rows, caption) {
  // Focusable and named, so a keyboard user can scroll a wide table on a tablet.
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption ?? headers.join(' ') },
    h('table', {},
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

export function definitions(entries) {
  return h('dl', { class: 'fields' }, entries.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

export function attributeLabel(name) {
  return tOr(`attr.${name}`, name);
}

// Code values the sources share (sex, household relation, register status) read as words; anything else as sent.
export function valueLabel(value) {
  return typeof value === 'string' ? tOr(`code.${value}`, value) : value;
}

export function groupLabel(group) {
  return group === '***' ? t('masked.group') : tOr(`group.${group}`, group);
}

export function purposeOptions(withEmpty) {
  const options = state.settings.purposes.map((p) => [p.id, tOr(`purpose.${p.id}`, p.label)]);
  return withEmpty ? [['', t('purpose.none')], ...options] : options;
}


export function identityLabel(identity) {
  if (!identity) return '';
  return document.documentElement.lang === 'en' ? identity.labelEn ?? identity.label : identity.label;
}

export function page(titleKey, ...content) {
  document.title = `${t(titleKey)} · ${t('app.title')}`;
  const main = document.getElementById('main');
  // A page part left out is null: written as nothing, not as the text "null".
  main.replaceChildren(h('h1', {}, t(titleKey)), ...content.filter((part) => part !== null && part !== undefined));
}
