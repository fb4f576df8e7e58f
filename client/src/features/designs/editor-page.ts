import { lazyPage } from '../../lazy-page.js';

/** The editor pulls in fabric and Yjs: its code loads when a design is opened (or about to be). */
export const EditorPage = lazyPage(() => import('./EditorPage.js'));
