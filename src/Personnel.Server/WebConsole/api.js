// Calls the JSON routes (google.api.http) of the server that served this page, with the key kept in sessionStorage.
// The key never goes into a URL, a log or localStorage: only the authorization header of same-origin requests.
const KEY = 'personnel.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.clear(),
};

/** A refusal of the API: status code name, HTTP status, message (the facts), reason and article from ErrorInfo. */
export class Refusal extends Error {
  constructor(http, body) {
    super(body?.message || `HTTP ${http}`);
    this.http = http;
    this.code = CODES[body?.code] ?? String(body?.code ?? http);
    const details = Array.isArray(body?.details) ? body.details : [];
    const info = details.find((d) => 'reason' in d) ?? {};
    this.reason = info.reason ?? '';
    this.article = info.metadata?.article ?? '';
    this.fields = details.flatMap((d) => d.fieldViolations ?? []);
  }
}

const CODES = {
  1: 'CANCELLED', 2: 'UNKNOWN', 3: 'INVALID_ARGUMENT', 4: 'DEADLINE_EXCEEDED', 5: 'NOT_FOUND', 6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED', 8: 'RESOURCE_EXHAUSTED', 9: 'FAILED_PRECONDITION', 10: 'ABORTED', 13: 'INTERNAL',
  14: 'UNAVAILABLE', 16: 'UNAUTHENTICATED',
};

async function call(method, path, params, body, key) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  const url = path + (search ? '?' + search : '');
  const headers = { authorization: 'Bearer ' + (key ?? session.key() ?? '') };
  if (body) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store' });
  } catch (e) {
    throw new Refusal(0, { code: 14, message: '无法连接服务器 / The server cannot be reached: ' + e.message });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : {}; } catch { json = { message: text }; }
  if (!response.ok) {
    const refusal = new Refusal(response.status, json);
    // The session's key was revoked (or the server's database changed): back to the sign-in form, saying why.
    if (response.status === 401 && key === undefined) window.dispatchEvent(new CustomEvent('personnel:unauthenticated', { detail: refusal }));
    throw refusal;
  }
  return json;
}

export const get = (path, params, key) => call('GET', path, params, null, key);
export const post = (path, body) => call('POST', path, null, body);
export const id = (value) => encodeURIComponent(value.trim());

/** A fresh request_id. crypto.randomUUID exists only in secure contexts; the console may be opened over plain http on an
 * intranet address, where getRandomValues still works. */
export function requestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'web-' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
