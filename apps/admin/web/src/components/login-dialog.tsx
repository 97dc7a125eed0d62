import { useState, type FormEvent } from 'react';
import { useAuth, hasToken } from '../lib/auth';

/** Shown when the API answered 401: asks for the API token (BAMBOO_API_TOKEN or the read token). */
export function LoginDialog() {
  const { authorised, login } = useAuth();
  const [token, setToken] = useState('');
  if (authorised) return null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (token.trim()) login(token.trim());
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} data-testid="login-dialog">
        <h2>Sign in</h2>
        <p>{hasToken() ? 'The API refused the token. Enter another one.' : 'The API needs a token.'}</p>
        <label>
          API token
          <input
            type="password"
            autoFocus
            value={token}
            onChange={(event) => setToken(event.target.value)}
            data-testid="login-token"
          />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={!token.trim()}>
            Sign in
          </button>
        </div>
      </form>
    </div>
  );
}
