import { useState } from 'react';
import { api } from '../../../api.js';
import { useUser } from '../../../auth.js';
import { Modal } from '../../../components/Modal.js';
import { useEditor } from '../../../editor/ui/context.js';
import { useToasts } from '../../../toasts.js';

type SessionLike = { status: { save: string }; subscribe(fn: () => void): () => void };

function savedOrTimeout(session: SessionLike, ms: number): Promise<void> {
  if (session.status.save === 'saved') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      off();
      clearTimeout(timer);
      resolve();
    };
    const off = session.subscribe(() => session.status.save === 'saved' && done());
    const timer = setTimeout(done, ms);
  });
}

/**
 * Brand managers turn the design they are editing into a brokerage template
 * (publishing it again makes a new version; designs keep the version they came from).
 */
export function PublishTemplateButton() {
  const user = useUser();
  const { editor, title } = useEditor();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  if (user.role !== 'brand_manager' && user.role !== 'admin') return null;

  async function publish() {
    setBusy(true);
    try {
      // Everything typed so far must be saved on the server before it is copied.
      await savedOrTimeout(editor.session, 5_000);
      const r = await api.publishTemplate(editor.opts.designId, name.trim() || title);
      toasts.show(r.version === 1 ? 'Published as a new template' : `Published version ${r.version} of the template`, 'success');
      setOpen(false);
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        className="btn btn-ghost"
        onClick={() => setOpen(true)}
        data-testid="publish-template"
        title="Publish this design as a brokerage template"
      >
        Publish template
      </button>
      {open && (
        <Modal title="Publish as a template" onClose={() => setOpen(false)}>
          <p className="muted">
            Agents will find it in the template picker. Locked elements stay locked in every design made from it. Publishing this design
            again creates a new version; designs already made keep theirs.
          </p>
          <label className="field">
            <span>Template name</span>
            <input autoFocus placeholder={title} value={name} onChange={(e) => setName(e.target.value)} data-testid="template-name" />
          </label>
          <div className="modal-actions">
            <button className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={busy} onClick={() => void publish()} data-testid="publish-template-confirm">
              {busy ? 'Publishing…' : 'Publish'}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
