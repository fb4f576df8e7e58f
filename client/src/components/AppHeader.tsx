/**
 * The header of every page but the editor: logo, the navigation (from nav.ts), notifications and
 * the signed-in person. Below 1024 px the links move into a menu opened from a button; names never
 * wrap (they are cut with an ellipsis, the full name in a tooltip).
 */
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.js';
import { Logo } from './Logo.js';
import { initials } from './initials.js';
import { NotificationBell } from '../features/review/NotificationBell.js';
import { navFor, navTestId } from '../nav.js';

const ROLE_LABEL = { agent: 'Agent', brand_manager: 'Brand manager', admin: 'Admin' } as const;

export function AppHeader() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A link followed from the menu closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const items = user ? navFor(user.role) : [];
  const signOut = async () => {
    await logout();
    navigate('/login');
  };
  return (
    <header className="app-header">
      {user && (
        <button
          ref={menuButton}
          type="button"
          className="icon-btn app-menu-button"
          aria-label="Menu"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen((o) => !o)}
          data-testid="app-menu-button"
        >
          <svg
            width="20"
            height="20"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden="true"
          >
            <path d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} />
          </svg>
        </button>
      )}
      <Link to="/designs" className="app-header-brand" aria-label="RealBrand home">
        <Logo small />
      </Link>
      {user && (
        <span className="brokerage-name" title={user.brokerageName}>
          {user.brokerageName}
        </span>
      )}
      {user && (
        <nav className="app-nav" aria-label="Main">
          {items.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end} data-testid={navTestId(l)}>
              {l.label}
            </NavLink>
          ))}
        </nav>
      )}
      <div className="spacer" />
      {user && <NotificationBell />}
      {user && (
        <div className="user-chip">
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="user-chip-text" title={`${user.name} · ${ROLE_LABEL[user.role]}`}>
            <strong>{user.name}</strong>
            <span className="muted">{ROLE_LABEL[user.role]}</span>
          </span>
          <Link className="btn btn-ghost app-chip-link" to="/profile" data-testid="nav-profile">
            My profile
          </Link>
          <Link className="btn btn-ghost app-chip-link" to="/account/security" data-testid="nav-account">
            Security
          </Link>
          <button className="btn btn-ghost app-logout" onClick={signOut}>
            Log out
          </button>
        </div>
      )}
      {user && menuOpen && (
        <>
          <div className="app-menu-backdrop" onClick={() => setMenuOpen(false)} />
          <nav id="app-menu" className="app-menu" aria-label="Menu" data-testid="app-menu">
            <div className="app-menu-who">
              <strong>{user.name}</strong>
              <span className="muted">
                {ROLE_LABEL[user.role]} · {user.brokerageName}
              </span>
            </div>
            {items.map((l) => (
              <NavLink key={l.to} to={l.to} end={l.end} className="app-menu-link">
                {l.label}
              </NavLink>
            ))}
            <NavLink to="/inbox" className="app-menu-link">
              Inbox
            </NavLink>
            <NavLink to="/profile" className="app-menu-link">
              My profile
            </NavLink>
            <NavLink to="/account/security" className="app-menu-link">
              Security
            </NavLink>
            <button type="button" className="btn app-menu-logout" onClick={signOut}>
              Log out
            </button>
          </nav>
        </>
      )}
    </header>
  );
}
