/**
 * A listing's first photo in the table. The server copies MLS photos; when
 * it can't (the MLS is down, the URL is gone), say so and offer a retry
 * instead of the browser's broken-image icon. A retry asks the server to
 * download again now (`?retry=1`) rather than waiting for its backoff.
 */
import { useState } from 'react';
import { Icon } from '../../components/icons.js';

export function ListingThumb({ src }: { src: string }) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<'loading' | 'ok' | 'failed'>('loading');
  const url = attempt === 0 ? src : `${src}${src.includes('?') ? '&' : '?'}retry=1&attempt=${attempt}`;
  if (state === 'failed') {
    return (
      <div className="listing-thumb-failed" data-testid="listing-photo-failed">
        <span>Photo unavailable</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setState('loading');
            setAttempt((a) => a + 1);
          }}
          data-testid="listing-photo-retry"
        >
          <Icon name="redo" size={14} /> Retry
        </button>
      </div>
    );
  }
  return (
    <img
      src={url}
      alt=""
      loading="lazy"
      referrerPolicy="no-referrer"
      onLoad={() => setState('ok')}
      onError={() => setState('failed')}
      data-testid="listing-photo"
    />
  );
}
