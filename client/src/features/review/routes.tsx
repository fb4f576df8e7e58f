/** Routes of the review queue and the inbox (a fragment, mounted inside the app's <Routes>). */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import { page } from '../../components/PageLoading.js';
import './workflow.css';

const ReviewQueuePage = lazy(() => import('./ReviewQueuePage.js').then((m) => ({ default: m.ReviewQueuePage })));
const InboxPage = lazy(() => import('./InboxPage.js').then((m) => ({ default: m.InboxPage })));

export const reviewRoutes = (
  <>
    <Route path="/reviews" element={<RequireAuth>{page(<ReviewQueuePage />)}</RequireAuth>} />
    <Route path="/inbox" element={<RequireAuth>{page(<InboxPage />)}</RequireAuth>} />
  </>
);
