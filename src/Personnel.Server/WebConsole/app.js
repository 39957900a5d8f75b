// Sign-in, navigation between the four views, sign-out. Each view lives in its own module.
import { get, session } from './api.js';
import { $, h, refusal, rememberDepartments, show } from './dom.js';
import { ROLES, text } from './labels.js';
import * as rotation from './rotation.js';
import * as quotas from './quotas.js';
import * as departments from './departments.js';
import * as employee from './employee.js';

const VIEWS = { rotation, quotas, departments, employee };
let caller = null;

async function signIn(key) {
  // GET /v1/keys/self checks the key like any call and says its role, so the page offers only what the role may do.
  caller = await get('/v1/keys/self', null, key);
  session.signIn(key);
  const department = caller.departmentId ? ` · ${caller.departmentId}` : '';
  $('#who-text').textContent = `密钥 / Key ${caller.keyId} · ${text(ROLES, caller.role)}${department}`;
  $('#who').hidden = false;
  $('#nav').hidden = false;
  $('#sign-in').hidden = true;
  for (const view of Object.values(VIEWS)) view.init({ caller });
  route();
  offerDepartments();
}

/** Offers every department of the register (GET /v1/departments) in the department fields; a failure only leaves them typed. */
async function offerDepartments() {
  try {
    let token = '';
    do {
      const page = await get('/v1/departments', { page_size: 1000, page_token: token });
      rememberDepartments((page.departments ?? []).map((d) => d.departmentId));
      token = page.nextPageToken ?? '';
    } while (token);
  } catch {
    // The fields still take any id typed; the views say what a refusal was.
  }
}

function signOut() {
  session.signOut();
  caller = null;
  for (const view of Object.values(VIEWS)) view.reset?.();
  for (const section of document.querySelectorAll('.view')) section.hidden = true;
  $('#who').hidden = true;
  $('#nav').hidden = true;
  $('#sign-in').hidden = false;
  $('#api-key').value = '';
  show($('#sign-in-result'));
  if (location.hash) history.replaceState(null, '', location.pathname);
  $('#api-key').focus();
}

function route(moveFocus) {
  if (!caller) return;
  // #employee/e-1 opens one person's record (the rotation list links there), so a record can be bookmarked.
  const [head, ...rest] = location.hash.slice(1).split('/');
  const name = VIEWS[head] ? head : 'rotation';
  for (const [viewName] of Object.entries(VIEWS)) {
    $(`#view-${viewName}`).hidden = viewName !== name;
    const link = document.querySelector(`#nav a[data-view="${viewName}"]`);
    if (viewName === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // A keyboard or screen-reader user lands on the view's heading, not at the link they left.
  if (moveFocus) {
    const heading = $(`#view-${name} h2`);
    heading.tabIndex = -1;
    heading.focus();
  }
  VIEWS[name].shown?.(rest.length ? decodeURIComponent(rest.join('/')) : null);
}

document.addEventListener('DOMContentLoaded', async () => {
  $('#sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('#api-key').value.trim();
    show($('#sign-in-result'), h('p', { class: 'muted' }, '正在验证… / Checking…'));
    try {
      await signIn(key);
    } catch (error) {
      show($('#sign-in-result'), refusal(error));
    }
  });
  $('#sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', () => route(true));
  window.addEventListener('personnel:unauthenticated', (event) => {
    signOut();
    show($('#sign-in-result'), refusal(event.detail));
  });

  const key = session.key();
  if (key) {
    try {
      await signIn(key);
    } catch {
      signOut();
    }
  } else {
    $('#api-key').focus();
  }
});
