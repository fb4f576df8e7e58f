import { useState } from 'react';
import { Link } from 'react-router-dom';
import { kindLabel } from '../designs/TemplatePicker.js';
import { ScoreRing } from '../scoring/ui/ScoreRing.js';
import { designThumbnailUrl } from '../../api.js';
import { workflowApi, type QueueItem } from './api.js';
import { relativeTime } from './format.js';
import { useLiveList } from './useLiveEvent.js';

/** Brand managers' review queue: designs waiting for a decision, oldest first, updated live. */
export function ReviewQueuePage() {
  const [items] = useLiveList<QueueItem>(() => workflowApi.queue().then((r) => r.designs), 'review:queue');

  return (
    <div className="page">
      <main className="page-main workflow-page">
        <div className="page-title-row">
          <h1>Review queue</h1>
          {items && <span className="muted">{items.length === 1 ? '1 design waiting' : `${items.length} designs waiting`}</span>}
        </div>
        {items === null ? (
          <div className="page-loading">
            <div className="spinner" />
          </div>
        ) : items.length === 0 ? (
          <div className="empty-state">
            <h2>All caught up</h2>
            <p className="muted">Designs that agents submit for review appear here as soon as they are sent.</p>
          </div>
        ) : (
          <ul className="queue-list" data-testid="review-queue">
            {items.map((d) => (
              <li key={d.id} className="queue-item" data-testid="queue-item">
                <QueueThumb id={d.id} kind={d.kind} />
                <div className="queue-item-main">
                  <Link to={`/designs/${d.id}?review=1`} className="queue-title" title={d.title}>
                    {d.title}
                  </Link>
                  {/* Two agents' flyers for one listing share a title: who and when tell them apart. */}
                  <span className="queue-who">
                    <strong>{d.ownerName}</strong> · {kindLabel(d.kind)} · submitted {relativeTime(d.submittedAt)}
                  </span>
                </div>
                <div className="queue-scores">
                  <ScoreRing score={d.brand} label="Brand" />
                  <ScoreRing score={d.compliance} label="Compliance" />
                  {d.blocksApproval && <span className="status-pill status-blocked">Blocks approval</span>}
                </div>
                <Link className="btn btn-primary queue-review" to={`/designs/${d.id}?review=1`}>
                  Review
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

/** The design's thumbnail as the server drew it, else its kind. */
function QueueThumb({ id, kind }: { id: string; kind: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <div className="queue-thumb">
      {failed ? <span>{kindLabel(kind)}</span> : <img src={designThumbnailUrl(id)} alt="" loading="lazy" onError={() => setFailed(true)} />}
    </div>
  );
}
