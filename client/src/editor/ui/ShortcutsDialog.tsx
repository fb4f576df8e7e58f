import { Modal } from '../../components/Modal.js';
import { SHORTCUTS } from '../engine/keyboard.js';
import { useEditor, useEditorState } from './context.js';

export function ShortcutsDialog() {
  const { editor } = useEditor();
  const open = useEditorState((s) => s.help);
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => editor.store.set({ help: false })} wide>
      <div className="shortcuts">
        {SHORTCUTS.map((g) => (
          <section key={g.group}>
            <h3>{g.group}</h3>
            <dl>
              {g.items.map((s) => (
                <div key={s.label}>
                  <dt>{s.label}</dt>
                  <dd>
                    <kbd>{s.keys}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
