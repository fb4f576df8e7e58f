/**
 * The editor's properties and layers. From 1280 px wide they sit beside the canvas, one above the
 * other. Below that they share one drawer with two tabs that opens over the canvas from a narrow
 * rail of two buttons, so the canvas keeps its width whether the drawer is open or not.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Icon } from '../../components/icons.js';
import { useMediaQuery } from '../../components/use-media-query.js';

export type SideTab = 'properties' | 'layers';

/** Below this width the panels become a drawer (the checks and comments open over the canvas too). */
export const NARROW_EDITOR_QUERY = '(max-width: 1279px)';

const TABS: Array<{ tab: SideTab; label: string; icon: 'sliders' | 'layers' }> = [
  { tab: 'properties', label: 'Properties', icon: 'sliders' },
  { tab: 'layers', label: 'Layers', icon: 'layers' },
];

export function SidePanel({
  properties,
  layers,
  onOpen,
  closeWhen,
}: {
  properties: ReactNode;
  layers: ReactNode;
  /** Called when the drawer opens (another drawer over the canvas should close). */
  onOpen?(): void;
  /** Another drawer opened over the canvas: this one closes. */
  closeWhen?: boolean;
}) {
  const narrow = useMediaQuery(NARROW_EDITOR_QUERY);
  const [open, setOpen] = useState<SideTab | null>(null);
  const id = useId();
  useEffect(() => {
    if (closeWhen) setOpen(null);
  }, [closeWhen]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const from = document.activeElement;
      if (!(from instanceof HTMLElement) || !from.closest('.side-drawer')) return;
      setOpen(null);
      document.getElementById(`${id}-${open}-rail`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, id]);

  if (!narrow)
    return (
      <aside className="side-panel" aria-label="Properties and layers">
        <div className="side-scroll">{properties}</div>
        {layers}
      </aside>
    );

  const show = (tab: SideTab | null) => {
    if (tab && !open) onOpen?.();
    setOpen(tab);
  };
  return (
    <aside className="side-panel side-rail" aria-label="Properties and layers" data-testid="side-rail">
      {TABS.map((t) => (
        <button
          key={t.tab}
          id={`${id}-${t.tab}-rail`}
          type="button"
          className={`tool-btn${open === t.tab ? ' active' : ''}`}
          onClick={() => show(open === t.tab ? null : t.tab)}
          aria-expanded={open === t.tab}
          aria-controls={`${id}-drawer`}
          aria-label={t.label}
          title={t.label}
          data-testid={`side-toggle-${t.tab}`}
        >
          <Icon name={t.icon} size={20} />
        </button>
      ))}
      <div
        id={`${id}-drawer`}
        className={`side-drawer${open ? ' open' : ''}`}
        hidden={!open}
        role="region"
        aria-label={open === 'layers' ? 'Layers' : 'Properties'}
        data-testid="side-drawer"
      >
        <div className="side-drawer-tabs">
          <div className="side-drawer-tablist" role="tablist" aria-label="Properties and layers">
            {TABS.map((t) => (
              <button
                key={t.tab}
                type="button"
                role="tab"
                aria-selected={open === t.tab}
                className={open === t.tab ? 'active' : ''}
                onClick={() => show(t.tab)}
                data-testid={`side-tab-${t.tab}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="spacer" />
          <button type="button" className="icon-btn" onClick={() => show(null)} aria-label="Close panel" title="Close">
            <svg
              width="16"
              height="16"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              aria-hidden
            >
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </div>
        {/* Both stay mounted (the layer list keeps its scroll, the properties their state). */}
        <div className="side-drawer-body" hidden={open !== 'properties'} role="tabpanel">
          {properties}
        </div>
        <div className="side-drawer-body side-drawer-layers" hidden={open !== 'layers'} role="tabpanel">
          {layers}
        </div>
      </div>
    </aside>
  );
}
