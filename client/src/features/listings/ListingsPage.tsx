/** Listings: import RESO JSON by file upload, see the brokerage's listings, make a design from one. */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage, type TemplateSummary } from '../../api.js';
import { useToasts } from '../../toasts.js';
import { listingApi, type ImportResult, type ListingListItem } from './api.js';
import './listing.css';
import { ListingDesigns } from './ListingDesigns.js';
import { ListingThumb } from './ListingThumb.js';

const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function ListingsPage() {
  const toasts = useToasts();
  const navigate = useNavigate();
  const [listings, setListings] = useState<ListingListItem[] | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('listing-flyer');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    listingApi
      .list(q)
      .then((r) => setListings(r.listings))
      .catch((err) => {
        toasts.error(err);
        setListings([]);
      });
  }, [q, toasts]);
  useEffect(load, [load]);
  useEffect(() => {
    api.templates().then(setTemplates, () => undefined);
  }, []);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      let payload: unknown;
      try {
        payload = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON. Export RESO Property records as JSON (a Property or an OData page).`);
      }
      // The result panel below says what was imported; a toast saying it again was noise.
      setResult(await listingApi.importPayload(payload));
      load();
    } catch (err) {
      toasts.show(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function createFrom(l: ListingListItem) {
    const template = templates.find((t) => t.id === templateId);
    try {
      const { id } = await listingApi.createDesign(
        `${l.address.split(',')[0] || l.listingKey} – ${template?.title ?? 'Flyer'}`.slice(0, 200),
        templateId,
        l.id,
      );
      navigate(`/designs/${id}`);
    } catch (err) {
      toasts.error(err);
    }
  }

  return (
    <div className="app-page-body">
      <main className="listings-main">
        <div className="page-title-row">
          <div>
            <h1>Listings</h1>
            <p className="muted">Import RESO listings, then make an on-brand piece from any of them in one click.</p>
          </div>
        </div>
        <div className="listings-import">
          {/* A real button (keyboard, screen readers); the file input stays hidden behind it. */}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => fileInput.current?.click()}
            disabled={busy}
            data-testid="import-listing-file"
          >
            {busy ? 'Importing…' : 'Import listing file'}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={onFile}
            disabled={busy}
            data-testid="listing-file"
            aria-label="Listing file"
          />
          <label className="listings-control">
            <span>Template</span>
            <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="listing-template">
              {(templates.length ? templates : [{ id: 'listing-flyer', title: 'Listing flyer' } as TemplateSummary]).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
          <input
            className="input listings-search"
            type="search"
            placeholder="Search address or key"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-label="Search listings"
          />
        </div>
        <p className="muted listings-hint" data-testid="reso-hint">
          A RESO file is your MLS's standard export of listings (RESO Property records as JSON); your MLS's member portal or its RESO Web
          API provides one.{' '}
          <a href="/samples/reso-listings-sample.json" download="reso-listings-sample.json" data-testid="reso-sample">
            Download a sample file
          </a>
        </p>
        {result && (
          <div className="listings-result" role="status" data-testid="import-result">
            <p>
              {importSummary(result)}
              {result.errors.length > 0 && ' Some records were skipped:'}
            </p>
            {result.errors.length > 0 && (
              <ul className="listings-errors">
                {result.errors.slice(0, 20).map((e, i) => (
                  <li key={i}>
                    Record {e.index + 1}: {e.field} {e.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {listings === null ? (
          <div className="page-loading inline">
            <div className="spinner" />
          </div>
        ) : listings.length === 0 ? (
          <div className="empty-card">
            <h2>No listings yet</h2>
            <p>Import a RESO Property JSON file (a single Property or an OData page).</p>
          </div>
        ) : (
          <table className="listings-table">
            <thead>
              <tr>
                <th />
                <th>Address</th>
                <th>Price</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listings.map((l) => (
                <tr key={l.id} data-testid="listing-row" data-listing-key={l.listingKey}>
                  <td>{l.photo ? <ListingThumb src={l.photo} /> : null}</td>
                  <td>
                    {l.address || l.listingKey}
                    <ListingDesigns designs={l.designs} />
                  </td>
                  <td>{l.listPrice === null ? '—' : price.format(l.listPrice)}</td>
                  <td>{l.status ?? '—'}</td>
                  <td>
                    <button className="btn" onClick={() => createFrom(l)} data-testid="create-from-listing">
                      Create design
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}

/** "Imported 1 listing." / "Imported 3 listings, 1 skipped." */
export function importSummary(r: Pick<ImportResult, 'imported' | 'errors'>): string {
  const skipped = new Set(r.errors.map((x) => x.index)).size;
  return `Imported ${r.imported} ${r.imported === 1 ? 'listing' : 'listings'}${skipped ? `, ${skipped} skipped` : ''}.`;
}

export default ListingsPage;
