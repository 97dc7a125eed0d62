import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { onUnauthorized } from '../api/http';
import { readToken, writeToken } from '../api/token-store';
import type { WhoAmI } from '../api/types';

interface AuthState {
  /** False once the server answered 401: the login dialog is shown. */
  authorised: boolean;
  scope: WhoAmI['scope'];
  /** Operation buttons are hidden for a read-only token. */
  canOperate: boolean;
  /** Bumped at each login so that views reload with the new token. */
  generation: number;
  login: (token: string) => void;
  logout: () => void;
}

const AuthContext = createContext<AuthState>({
  authorised: true,
  scope: 'full',
  canOperate: true,
  generation: 0,
  login: () => undefined,
  logout: () => undefined,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [authorised, setAuthorised] = useState(true);
  const [scope, setScope] = useState<WhoAmI['scope']>('full');
  const [generation, setGeneration] = useState(0);

  useEffect(() => onUnauthorized(() => setAuthorised(false)), []);

  useEffect(() => {
    let cancelled = false;
    api.whoami().then(
      (who) => !cancelled && setScope(who.scope === 'read' ? 'read' : 'full'),
      // A server without /auth/whoami (or without tokens) lets everyone operate; 401 is handled above.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const value: AuthState = {
    authorised,
    scope,
    canOperate: scope === 'full',
    generation,
    login: (token) => {
      writeToken(token);
      setAuthorised(true);
      setGeneration((n) => n + 1);
    },
    logout: () => {
      writeToken(null);
      setScope('full');
      setAuthorised(false);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

export function hasToken(): boolean {
  return readToken() !== null;
}
