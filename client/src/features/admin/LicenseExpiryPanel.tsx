/** Admin dashboard: licenses that expire in the next 60 days, soonest first, each linking to the person's profile. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { settingsApi, type ExpiringLicense } from '../../../../shared/api/settings.js';
import { call } from '../../api.js';
import { useToasts } from '../../toasts.js';
import { daysLeftLabel, isUrgent } from './license-expiry.js';

export function LicenseExpiryPanel() {
  const toasts = useToasts();
  const [data, setData] = useState<{ withinDays: number; licenses: ExpiringLicense[] } | null>(null);
  useEffect(() => {
    call(settingsApi.expiringLicenses).then(setData, (err) => toasts.error(err));
  }, [toasts]);
  if (!data) return null;
  return (
    <section className="dash-panel settings-panel license-expiry" data-testid="license-expiry">
      <header>
        <h2>Licenses expiring in the next {data.withinDays} days</h2>
      </header>
      {data.licenses.length === 0 ? (
        <p className="muted">No license expires in the next {data.withinDays} days.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Person</th>
              <th>State</th>
              <th>License</th>
              <th>Expires</th>
              <th>Days left</th>
            </tr>
          </thead>
          <tbody>
            {data.licenses.map((l) => (
              <tr key={`${l.userId}:${l.state}:${l.number}`}>
                <td>
                  <Link to={`/admin/people/${encodeURIComponent(l.userId)}/profile`}>{l.name}</Link>
                </td>
                <td>{l.state}</td>
                <td>{l.number}</td>
                <td>{l.expiresOn}</td>
                <td className={`days-left${isUrgent(l.daysLeft) ? ' soon' : ''}`}>{daysLeftLabel(l.daysLeft)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
