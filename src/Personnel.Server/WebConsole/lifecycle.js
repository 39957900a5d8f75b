// The contract lifecycle (README "Contract lifecycle", Stateless' machine) drawn as boxes, the current state marked.
import { both, h } from './dom.js';
import { STATES } from './labels.js';

const IN_SERVICE = [
  ['CONTRACT_STATE_IN_PROBATION', '通过试用 / probation passed →'],
  ['CONTRACT_STATE_APPOINTED', '聘期将满 / term ending →'],
  ['CONTRACT_STATE_AWAITING_RENEWAL', '续聘 / renewed ↺ 正式聘任'],
];
const TRIAL = 'CONTRACT_STATE_IN_PROMOTION_TRIAL';
const SEPARATED = ['CONTRACT_STATE_PROBATION_FAILED', 'CONTRACT_STATE_NOT_RENEWED', 'CONTRACT_STATE_RESIGNED',
  'CONTRACT_STATE_TRANSFERRED_OUT', 'CONTRACT_STATE_DISMISSED', 'CONTRACT_STATE_TERMINATED', 'CONTRACT_STATE_RETIRED'];

function box(state, current, extra) {
  const here = state === current;
  return h('div', { class: 'state' + (here ? ' current' : ''), 'aria-current': here ? 'true' : null },
    h('span', { class: 'state-zh' }, STATES[state][0]), h('span', { class: 'en' }, STATES[state][1]),
    here ? h('span', { class: 'badge current-badge' }, '当前 / current') : null, extra);
}

export function diagram(current) {
  const flow = IN_SERVICE.map(([state, next]) => h('div', { class: 'step' },
    box(state, current, state === 'CONTRACT_STATE_APPOINTED'
      ? h('div', { class: 'substate' }, h('span', { class: 'muted' }, '提拔 / promoted ↓'), box(TRIAL, current))
      : null),
    h('span', { class: 'arrow' }, next)));
  return h('figure', { class: 'lifecycle', 'aria-label': '聘任合同状态图 / Contract lifecycle' },
    h('figcaption', {}, both(['聘任合同状态', 'Contract lifecycle']), ' — ',
      h('span', { class: 'muted' }, `当前 / current: ${STATES[current]?.join(' / ') ?? current}`)),
    h('div', { class: 'group' }, h('p', { class: 'group-title' }, both(['在聘', 'In service'])), h('div', { class: 'flow' }, flow)),
    h('p', { class: 'arrow down' }, '↓ 辞职、调出、退休、辞聘、解除、不再续聘、未通过试用 / resign, transfer out, retire, dismiss, terminate, not renewed, probation failed'),
    h('div', { class: 'group' }, h('p', { class: 'group-title' }, both(['离职', 'Separated'])),
      h('div', { class: 'flow wrap' }, SEPARATED.map((state) => box(state, current)))));
}
