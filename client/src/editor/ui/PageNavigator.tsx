import { PRINT_KINDS } from '../../../../shared/design/index.js';
import { Icon } from '../../components/icons.js';
import { useToasts } from '../../toasts.js';
import { pageCount } from '../engine/pages.js';
import { useEditor, useEditorState } from './context.js';

/** Bottom-centre pill: ◀ Page 1 of 2 ▶, plus add/delete page for editors. */
export function PageNavigator() {
  const { editor } = useEditor();
  const toasts = useToasts();
  const meta = useEditorState((s) => s.meta);
  const page = useEditorState((s) => s.page);
  const peers = useEditorState((s) => s.peers);
  const count = pageCount(meta);
  const canAdd = editor.canEdit && count < 99 && (count > 1 || (!!meta && PRINT_KINDS.includes(meta.kind)));
  if (count <= 1 && !canAdd) return null;

  const remove = () => {
    const n = editor.objectsOnPage(page);
    if (n > 0 && !window.confirm(`Delete page ${page + 1} and its ${n} element${n === 1 ? '' : 's'}? You can undo this.`)) return;
    const err = editor.deletePage(page);
    if (err) toasts.show(err, 'error');
  };
  const othersHere = peers.filter((p) => !p.self && p.page === page).length;

  return (
    <div className="page-nav" role="group" aria-label="Pages" data-testid="page-nav">
      {count > 1 && (
        <>
          <button
            className="icon-btn"
            onClick={() => editor.prevPage()}
            disabled={page <= 0}
            title="Previous page (PageUp)"
            aria-label="Previous page"
            data-testid="page-prev"
          >
            <Icon name="back" size={15} />
          </button>
          <span
            className="page-nav-label"
            data-testid="page-label"
            title={othersHere ? `${othersHere} other${othersHere === 1 ? '' : 's'} on this page` : undefined}
          >
            Page {page + 1} of {count}
          </span>
          <button
            className="icon-btn page-nav-next"
            onClick={() => editor.nextPage()}
            disabled={page >= count - 1}
            title="Next page (PageDown)"
            aria-label="Next page"
            data-testid="page-next"
          >
            <Icon name="back" size={15} />
          </button>
        </>
      )}
      {canAdd && (
        <button className="icon-btn" onClick={() => editor.addPage()} title="Add page" aria-label="Add page" data-testid="page-add">
          <Icon name="plus" size={15} />
        </button>
      )}
      {editor.canEdit && count > 1 && (
        <button className="icon-btn" onClick={remove} title={`Delete page ${page + 1}`} aria-label="Delete page" data-testid="page-delete">
          <Icon name="trash" size={15} />
        </button>
      )}
    </div>
  );
}
