// 部门 / Departments: tiers by year, yellow cards, leadership adjustments (AM 第十七条); the yearly assessment form for
// party-affairs and admin keys (POST /v1/departments/{id}/assessments). Other keys never see the form.
import { get, id, post, requestId } from './api.js';
import { $, both, busy, h, refusal, show, table } from './dom.js';
import { date, KINDS, text, TIERS, today } from './labels.js';

let canAssess = false;
let current = '';

export function init({ caller }) {
  canAssess = caller.role === 'ROLE_PARTY_AFFAIRS' || caller.role === 'ROLE_ADMIN';
  $('#department-id').value = caller.departmentId ?? '';
  const form = $('#department-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', (event) => { event.preventDefault(); load($('#department-id').value.trim()); });
}

export function reset() {
  current = '';
  $('#department-id').value = '';
  show($('#department-result'));
}

async function load(departmentId, notice) {
  const result = $('#department-result');
  busy(result);
  current = departmentId;
  try {
    const { department } = await get(`/v1/departments/${id(departmentId)}`);
    show(result, notice, summary(department), assessments(department), pending(department),
      canAssess ? assessmentForm(department) : h('p', { class: 'muted', id: 'assessment-not-allowed' },
        '记录部门年度考核需党群工作部或管理员密钥。 / Recording a year\'s assessment needs a party-affairs or admin key.'));
  } catch (error) {
    show(result, refusal(error));
  }
}

function summary(d) {
  return h('dl', { class: 'facts-list' },
    h('dt', {}, both(['部门', 'Department'])), h('dd', {}, `${d.name} (${d.departmentId})`),
    h('dt', {}, both(['类别', 'Kind'])), h('dd', {}, text(KINDS, d.kind)),
    h('dt', {}, both(['在岗人数', 'Headcount'])), h('dd', {}, String(d.headcount ?? 0)),
    h('dt', {}, both(['名额', 'Quotas'])),
    h('dd', {}, h('a', { href: '#quotas/' + encodeURIComponent(d.departmentId) }, '查看本年度名额 / This year\'s quotas')));
}

function assessments(d) {
  const years = [...(d.assessments ?? [])].sort((a, b) => b.year - a.year);
  if (years.length === 0) return h('p', { class: 'muted' }, '尚无年度考核。 / No year assessed yet.');
  return table(['年度考核等次', 'Tiers by year'],
    [['年度', 'Year'], ['等次', 'Tier'], ['市级名次', 'City rank'], ['黄牌警告', 'Yellow card'], ['班子调整', 'Leadership adjustment']],
    years.map((a) => [String(a.year), text(TIERS, a.tier),
      a.cityRank ? `${a.cityRank} / ${a.cityGroupSize}` : '—',
      a.yellowCard ? h('span', { class: 'badge yellow' }, '黄牌 / Yellow card') : '—',
      adjustment(a)]));
}

function adjustment(a) {
  if (!a.leadershipAdjustment) return '—';
  if (a.leadershipAdjustmentDeliveredTo) {
    return `已送达 ${a.leadershipAdjustmentDeliveredTo}（${date(a.leadershipAdjustmentSettledOn)}） / Delivered to ${a.leadershipAdjustmentDeliveredTo}`;
  }
  if (a.leadershipAdjustmentDischargedBy) {
    return `由新任 ${a.leadershipAdjustmentDischargedBy} 履行（${date(a.leadershipAdjustmentSettledOn)}） / Discharged by ${a.leadershipAdjustmentDischargedBy}`;
  }
  return h('span', { class: 'badge mandatory' }, '待落实 / Pending');
}

function pending(d) {
  const list = d.pendingLeadershipAdjustments ?? [];
  if (list.length === 0) return null;
  return table(['待落实的班子调整', 'Leadership adjustments pending'], [['考核年度', 'Year'], ['决定日期', 'Ordered on']],
    list.map((p) => [String(p.year), date(p.orderedOn)]));
}

function assessmentForm(d) {
  const tiers = Object.entries(TIERS).map(([value, label]) => h('option', { value }, label.join(' / ')));
  const field = (name, labelText, input) => h('div', { class: 'field' }, h('label', { for: name }, labelText), input);
  const form = h('form', { id: 'assessment-form', class: 'form', 'aria-labelledby': 'assessment-title' },
    field('assessment-year', '年度 / Year', h('input', { id: 'assessment-year', type: 'number', min: '2000', max: '2100', required: true,
      value: String(Number(today().slice(0, 4)) - 1) })),
    field('assessment-tier', '等次 / Tier', h('select', { id: 'assessment-tier', required: true }, tiers)),
    field('assessment-city-rank', '市级名次（0 无） / City rank (0: none)', h('input', { id: 'assessment-city-rank', type: 'number', min: '0', value: '0' })),
    field('assessment-group-size', '同组单位数 / City group size', h('input', { id: 'assessment-group-size', type: 'number', min: '0', value: '0' })),
    field('assessment-decided-on', '决定日期 / Decided on', h('input', { id: 'assessment-decided-on', type: 'date', required: true, value: today() })),
    h('button', { type: 'submit' }, '记录考核 / Record assessment'));
  const outcome = h('div', { id: 'assessment-result', class: 'result', 'aria-live': 'polite' });
  form.addEventListener('submit', (event) => { event.preventDefault(); record(d.departmentId, outcome); });
  return h('section', { class: 'panel' }, h('h3', { id: 'assessment-title' }, both(['记录年度考核', 'Record a year\'s assessment'])), form, outcome);
}

async function record(departmentId, outcome) {
  const [year, month, day] = $('#assessment-decided-on').value.split('-').map(Number);
  const body = {
    requestId: requestId(),
    year: Number($('#assessment-year').value),
    tier: $('#assessment-tier').value,
    cityRank: Number($('#assessment-city-rank').value || 0),
    cityGroupSize: Number($('#assessment-group-size').value || 0),
    decidedOn: { year, month, day },
  };
  const button = $('#assessment-form button[type=submit]');
  button.disabled = true;
  busy(outcome);
  try {
    const answer = await post(`/v1/departments/${id(departmentId)}/assessments`, body);
    const consequences = (answer.consequences ?? []).map((c) => h('li', {}, `${c.description} (${c.article})`));
    const notice = h('div', { class: 'ok', role: 'status' },
      h('p', {}, `已记录 ${body.year} 年度考核 / Recorded the ${body.year} assessment`),
      answer.yellowCard ? h('p', {}, h('span', { class: 'badge yellow' }, '黄牌警告 / Yellow card')) : null,
      answer.leadershipAdjustment ? h('p', {}, h('span', { class: 'badge mandatory' }, '班子调整 / Leadership adjustment')) : null,
      consequences.length ? h('ul', {}, consequences) : null);
    await load(departmentId, notice);
  } catch (error) {
    show(outcome, refusal(error));
  } finally {
    button.disabled = false;
  }
}

export function shown(departmentId) {
  if (departmentId) {
    $('#department-id').value = departmentId;
    load(departmentId);
  } else if (current) {
    load(current);
  }
}
