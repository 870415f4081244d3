import { Link, NavLink, Outlet } from 'react-router';
import { hasRole, type Me, useSignOut } from '../lib/session';
import { type NavItem, navItems } from './nav-items';

const groups: NavItem['group'][] = ['Discover', 'Assess', 'Govern', 'Admin'];

export function Shell({ me }: { me: Me }) {
  const signOut = useSignOut();
  const visible = navItems.filter((item) => hasRole(me, item.roles));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Sightline</span>
        <Link className="whoami" to="/account">
          {me.name} · <span className="role">{me.role}</span>
        </Link>
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Sections">
        {groups.map((group) => {
          const items = visible.filter((i) => i.group === group);
          if (items.length === 0) return null;
          return (
            <div key={group} className="nav-group">
              <h2>{group}</h2>
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main id="main" className="content">
        <Outlet />
      </main>
    </div>
  );
}
