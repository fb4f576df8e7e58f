import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { api, ApiError, type User } from './api.js';
import { PageLoading } from './components/PageLoading.js';

interface AuthState {
  user: User | null;
  loading: boolean;
  /** `code`: a TOTP or recovery code, when the account has two-factor on. */
  login(email: string, password: string, code?: string): Promise<User>;
  /** Reads the signed-in user again (after two-factor enrolment changes what they may do). */
  reload(): Promise<void>;
  logout(): Promise<void>;
  /** Forget the session locally (the server said we are logged out). */
  expire(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    api
      .me()
      .then((r) => live && setUser(r.user))
      .catch((err) => {
        if (!(err instanceof ApiError && err.status === 401)) console.warn('auth check failed', err);
        if (live) setUser(null);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (email: string, password: string, code?: string) => {
    const r = await api.login(email, password, code);
    setUser(r.user);
    return r.user;
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
    }
  }, []);
  const expire = useCallback(() => setUser(null), []);
  const reload = useCallback(async () => {
    setUser((await api.me()).user);
  }, []);

  const value = useMemo(() => ({ user, loading, login, logout, expire, reload }), [user, loading, login, logout, expire, reload]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user (only inside RequireAuth). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a user');
  return user;
}

export function loginPath(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!user) return <Navigate to={loginPath(location)} replace />;
  // Two-factor required by the brokerage and not set up: the security page first.
  if (user.mustEnrolTotp && location.pathname !== '/account/security') return <Navigate to="/account/security?required=1" replace />;
  return <>{children}</>;
}

/** Only same-site paths are followed after log-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/designs';
  return next;
}
