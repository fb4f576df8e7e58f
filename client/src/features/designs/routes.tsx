/** Routes of the design list (inside the shell) and the editor (full screen, outside it): fragments for the app's <Routes>. */
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../auth.js';
import { page } from '../../components/PageLoading.js';
import { DesignsPage } from './DesignsPage.js';
import { EditorPage } from './editor-page.js';

export const designRoutes = <Route path="/designs" element={<DesignsPage />} />;

export const editorRoutes = <Route path="/designs/:id" element={<RequireAuth>{page(<EditorPage />)}</RequireAuth>} />;
