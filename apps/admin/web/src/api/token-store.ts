// The API token lives in sessionStorage: it survives reloads of the tab but not the browser
// session, and it is never written to a cookie the server would receive unasked.
const KEY = 'bamboo.admin.token';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
