/**
 * The designs made from one listing that I may see (the server picks them by the designs list's rule):
 * small thumbnails, newest first, each a link to the design, and "+N more" when there are more.
 */
import { Link } from 'react-router-dom';
import { designThumbnailUrl } from '../../api.js';
import type { ListingDesigns as ListingDesignsData } from './api.js';

export function ListingDesigns({ designs: { designs, total } }: { designs: ListingDesignsData }) {
  if (designs.length === 0) return null;
  const more = total - designs.length;
  return (
    <ul className="listing-designs" aria-label="Designs from this listing" data-testid="listing-designs">
      {designs.map((d) => (
        <li key={d.id}>
          <Link to={`/designs/${encodeURIComponent(d.id)}`} title={d.title} data-testid="listing-design">
            <img src={designThumbnailUrl(d.id, d.updatedAt)} alt={d.title} loading="lazy" />
          </Link>
        </li>
      ))}
      {more > 0 && (
        <li className="listing-designs-more" data-testid="listing-designs-more">
          +{more} more
        </li>
      )}
    </ul>
  );
}
