// Small DOM helpers: elements are built with text nodes, never innerHTML, so no value from the API is ever parsed as markup.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export const $ = (selector) => document.querySelector(selector);

/** A bilingual label: Chinese, then the English in a quieter span. */
export const both = ([zh, en]) => [zh, ' ', h('span', { class: 'en' }, en)];

export function table(caption, headers, rows, rowAttributes) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption.join(' / ') },
    h('table', {},
      h('caption', {}, both(caption)),
      h('thead', {}, h('tr', {}, headers.map((label) => h('th', { scope: 'col' }, both(label))))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: String(headers.length), class: 'muted' }, '无 / None'))
        : rows.map((cells, i) => h('tr', rowAttributes?.(i) ?? {},
          cells.map((c, j) => h('td', { 'data-label': headers[j].join(' / ') }, c)))))));
}

export function show(container, ...nodes) {
  container.replaceChildren(...nodes.flat().filter(Boolean));
}

/** A refusal as the API gave it: status, article, the facts (message), the reason code and any field it names. */
export function refusal(error) {
  return h('div', { class: 'refusal', role: 'alert' },
    h('p', { class: 'refusal-title' }, '被拒绝 / Refused',
      h('span', { class: 'code' }, ` ${error.code}${error.http ? ' · HTTP ' + error.http : ''}`)),
    error.article ? h('p', {}, h('strong', {}, '依据 / Article: '), h('span', { class: 'article' }, error.article)) : null,
    h('p', { class: 'facts' }, error.message),
    error.reason ? h('p', { class: 'reason' }, '原因代码 / Reason: ', h('code', {}, error.reason)) : null,
    error.fields?.length ? h('ul', {}, error.fields.map((f) => h('li', {}, h('code', {}, f.field), ': ', f.description))) : null);
}

/** Offers these department ids in every department field (from the register at sign-in, and from what views show). */
export function rememberDepartments(ids) {
  const list = document.getElementById('known-departments');
  const known = new Set([...list.options].map((o) => o.value));
  for (const departmentId of ids) {
    if (departmentId && !known.has(departmentId)) {
      known.add(departmentId);
      list.append(h('option', { value: departmentId }));
    }
  }
}

export function busy(container) {
  show(container, h('p', { class: 'muted' }, '加载中… / Loading…'));
}
