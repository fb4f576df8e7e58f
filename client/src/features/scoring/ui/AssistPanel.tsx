import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Finding } from '../../../../../shared/compliance/types.js';
import type { TextObject } from '../../../../../shared/design/index.js';
import { errorMessage } from '../../../api.js';
import { useEditor, useEditorState } from '../../../editor/ui/context.js';
import { layerLabel, type EditorState } from '../../../editor/engine/store.js';
import { keysOnTop } from '../../../editor/engine/zorder.js';
import { newId, objectForTool } from '../../../editor/engine/tools.js';
import { pageForNew } from '../../../editor/engine/pages.js';
import { useToasts } from '../../../toasts.js';
import {
  insightsApi,
  type AiDescription,
  type AiFinding,
  type AiNotice,
  type AiProviderName,
  type AiReview,
  type AiRewrite,
  type ListingFacts,
} from '../api.js';
import type { ScoringController } from '../controller.js';
import { SeverityIcon } from './ChecksPanel.js';

const providerLabel = (p: AiProviderName | null) => (p === 'openai' ? 'AI' : 'Assistant');

function Notice({ notice }: { notice?: AiNotice }) {
  if (!notice) return null;
  return (
    <p className="ai-notice" role="status" data-testid="ai-notice">
      {notice.message}
    </p>
  );
}

function Working({ label }: { label: string }) {
  return (
    <span className="ai-working" role="status">
      <span className="spinner spinner-small" /> {label}
    </span>
  );
}

/** Rule-engine findings on generated text (shown before it is offered). */
function CheckedText({ findings }: { findings: Finding[] }) {
  if (!findings.length)
    return (
      <p className="ai-check ok" data-testid="ai-check-ok">
        ✓ Passed the compliance check
      </p>
    );
  return (
    <ul className="ai-check-list">
      {findings.map((f, i) => (
        <li key={i}>
          <SeverityIcon severity={f.severity} /> {f.message}
        </li>
      ))}
    </ul>
  );
}

function ReviewSection({ c, provider }: { c: ScoringController; provider: AiProviderName | null }) {
  const { editor } = useEditor();
  const toasts = useToasts();
  const [state, setState] = useState<{ loading: boolean; result: AiReview | null; error: string | null }>({
    loading: false,
    result: null,
    error: null,
  });
  const [applied, setApplied] = useState<Set<number>>(new Set());
  const run = async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    setApplied(new Set());
    try {
      setState({ loading: false, result: await insightsApi.aiReview(editor.opts.designId), error: null });
    } catch (err) {
      setState({ loading: false, result: null, error: errorMessage(err) });
    }
  };
  const apply = (f: AiFinding, i: number) => {
    const r = c.replaceQuote(f.objectId, f.quote, f.suggestion);
    if (r.ok) {
      setApplied((s) => new Set(s).add(i));
      toasts.show('Suggestion applied', 'success');
    } else toasts.show(r.message, 'error');
  };
  const findings = state.result?.findings ?? [];
  const tag = state.result ? providerLabel(state.result.provider) : providerLabel(provider);
  return (
    <section className="assist-section">
      <header>
        <h3>Review all copy</h3>
        <button className="btn btn-small" onClick={run} disabled={state.loading} data-testid="ai-review">
          {state.loading ? <Working label="Reviewing…" /> : state.result ? 'Review again' : 'Review'}
        </button>
      </header>
      <p className="hint">Advisory: looks for subtle wording and brand-voice issues the rules may miss. It never changes the score.</p>
      {state.error && <p className="form-error">{state.error}</p>}
      <Notice notice={state.result?.notice} />
      {state.result && findings.length === 0 && <p className="ai-check ok">✓ Nothing to suggest — the copy reads well.</p>}
      {findings.length > 0 && (
        <ul className="ai-findings">
          {findings.map((f, i) => {
            const model = editor.binding.model(f.objectId);
            const canApply = !!f.quote && !!f.suggestion && !!model && editor.canEdit && editor.binding.canChange(model) && !applied.has(i);
            return (
              <li key={i} className={`finding sev-${f.severity}`} data-testid="ai-finding">
                <button className="finding-main" onClick={() => c.focus(null, [f.objectId])}>
                  <SeverityIcon severity={f.severity} />
                  <span className="finding-body">
                    <span className="finding-message">
                      <span className={`tag tag-ai`}>{tag}</span> {f.message}
                    </span>
                    {f.quote && (
                      <span className="fix-preview">
                        <del>{f.quote}</del>
                        {f.suggestion && (
                          <>
                            {' '}
                            → <ins>{f.suggestion}</ins>
                          </>
                        )}
                      </span>
                    )}
                  </span>
                </button>
                <div className="finding-actions">
                  <span className="object-chip">{f.category.replace('-', ' ')}</span>
                  {model && <span className="object-chip">{layerLabel(model)}</span>}
                  <span className="spacer" />
                  {f.suggestion && f.quote && (
                    <button className="btn btn-small fix-btn" disabled={!canApply} onClick={() => apply(f, i)} data-testid="ai-apply">
                      {applied.has(i) ? 'Applied' : 'Apply'}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The one selected object if it is text: what the assist sections work on. */
type TextTarget = Pick<TextObject, 'id' | 'text' | 'locked'>;
const selectedText = (s: EditorState): TextTarget | null => {
  const o = s.selected.length === 1 ? s.selected[0] : null;
  return o?.type === 'text' ? { id: o.id, text: o.text, locked: o.locked } : null;
};
// Moving or restyling the text changes nothing the sections show.
const sameText = (a: TextTarget | null, b: TextTarget | null) =>
  a === b || (!!a && !!b && a.id === b.id && a.text === b.text && a.locked === b.locked);

const PRESETS = ['Make it compliant and on-brand', 'Make it shorter', 'Make it warmer', 'Make it more formal'];

function RewriteSection() {
  const { editor } = useEditor();
  const toasts = useToasts();
  const target = useEditorState(selectedText, sameText);
  const [instruction, setInstruction] = useState(PRESETS[0]);
  const [state, setState] = useState<{ loading: boolean; result: AiRewrite | null; error: string | null; for: string | null }>({
    loading: false,
    result: null,
    error: null,
    for: null,
  });
  useEffect(
    () => setState((s) => (s.for && s.for !== target?.id ? { loading: false, result: null, error: null, for: null } : s)),
    [target?.id],
  );
  const run = async () => {
    if (!target) return;
    setState({ loading: true, result: null, error: null, for: target.id });
    try {
      setState({ loading: false, result: await insightsApi.aiRewrite(target.text, instruction), error: null, for: target.id });
    } catch (err) {
      setState({ loading: false, result: null, error: errorMessage(err), for: target.id });
    }
  };
  const mayChange = !!target && editor.canEdit && editor.binding.canChange(target);
  return (
    <section className="assist-section">
      <header>
        <h3>Rewrite selected text</h3>
      </header>
      {!target ? (
        <p className="hint">Select a text box on the canvas to rewrite it.</p>
      ) : (
        <>
          <blockquote className="ai-quote">{target.text.length > 180 ? `${target.text.slice(0, 180)}…` : target.text}</blockquote>
          <div className="ai-presets">
            {PRESETS.map((p) => (
              <button key={p} className={`chip${p === instruction ? ' active' : ''}`} onClick={() => setInstruction(p)}>
                {p.replace(/^Make it (.)/, (_m, c: string) => c.toUpperCase())}
              </button>
            ))}
          </div>
          <div className="ai-row">
            <input
              className="ai-input"
              value={instruction}
              onChange={(e) => setInstruction(e.target.value)}
              maxLength={500}
              aria-label="Instruction"
            />
            <button
              className="btn btn-small btn-primary"
              onClick={run}
              disabled={state.loading || !instruction.trim()}
              data-testid="ai-rewrite"
            >
              {state.loading ? <Working label="Writing…" /> : 'Rewrite'}
            </button>
          </div>
        </>
      )}
      {state.error && <p className="form-error">{state.error}</p>}
      {state.result && target && (
        <div className="ai-result" data-testid="ai-rewrite-result">
          <Notice notice={state.result.notice} />
          <p className="ai-text">{state.result.text}</p>
          {state.result.notes && <p className="hint">{state.result.notes}</p>}
          <CheckedText findings={state.result.findings} />
          <div className="ai-row">
            <button
              className="btn btn-small btn-primary"
              disabled={!mayChange}
              title={mayChange ? undefined : 'This text is locked or view only'}
              onClick={() => {
                editor.setProps([target.id], { text: state.result!.text });
                setState({ loading: false, result: null, error: null, for: null });
                toasts.show('Text replaced', 'success');
              }}
            >
              Replace text
            </button>
            <button className="btn btn-small btn-ghost" onClick={() => setState({ loading: false, result: null, error: null, for: null })}>
              Discard
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function num(v: string): number | undefined {
  const n = Number.parseFloat(v.replace(/[$,\s]/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function ListingSection({ c }: { c: ScoringController }) {
  const { editor, kit } = useEditor();
  const toasts = useToasts();
  const target = useEditorState(selectedText, sameText);
  const [f, setF] = useState({ address: '', city: '', price: '', beds: '', baths: '', sqft: '', features: '' });
  const [state, setState] = useState<{ loading: boolean; result: AiDescription | null; error: string | null }>({
    loading: false,
    result: null,
    error: null,
  });
  const set = (k: keyof typeof f) => (e: ChangeEvent<HTMLInputElement>) => setF((s) => ({ ...s, [k]: e.target.value }));
  const run = async (e: FormEvent) => {
    e.preventDefault();
    const facts: ListingFacts = {
      address: f.address.trim() || undefined,
      city: f.city.trim() || undefined,
      price: num(f.price),
      beds: num(f.beds),
      baths: num(f.baths),
      sqft: num(f.sqft),
      features: f.features
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 40),
    };
    setState({ loading: true, result: null, error: null });
    try {
      setState({ loading: false, result: await insightsApi.aiListingDescription(facts), error: null });
    } catch (err) {
      setState({ loading: false, result: null, error: errorMessage(err) });
    }
  };
  const addTextBox = (text: string) => {
    const { width, height } = editor.binding.meta;
    const w = Math.round(width * 0.7);
    const base = objectForTool('text', { x: (width - w) / 2, y: height * 0.4, width: w, height: 40 }, kit);
    const object = {
      ...base,
      text,
      fontSize: Math.max(14, kit?.fonts.find((x) => x.role === 'body')?.minSize ?? 14),
      id: newId(),
      z: keysOnTop(editor.binding.stack(), 1)[0],
      page: pageForNew(editor.currentPage, editor.pageCount),
    } as TextObject;
    const r = c.apply({ kind: 'insert-object', object, label: 'Add description' });
    if (!r.ok) toasts.show(r.message, 'error');
  };
  return (
    <section className="assist-section">
      <header>
        <h3>Write a listing description</h3>
      </header>
      <form className="ai-facts" onSubmit={run}>
        <input placeholder="Address" value={f.address} onChange={set('address')} className="span-2" aria-label="Address" />
        <input placeholder="City" value={f.city} onChange={set('city')} aria-label="City" />
        <input placeholder="Price" value={f.price} onChange={set('price')} inputMode="numeric" aria-label="Price" />
        <input placeholder="Beds" value={f.beds} onChange={set('beds')} inputMode="decimal" aria-label="Beds" />
        <input placeholder="Baths" value={f.baths} onChange={set('baths')} inputMode="decimal" aria-label="Baths" />
        <input placeholder="Sq ft" value={f.sqft} onChange={set('sqft')} inputMode="numeric" aria-label="Square feet" className="span-2" />
        <input
          placeholder="Features, separated by commas"
          value={f.features}
          onChange={set('features')}
          className="span-2"
          aria-label="Features"
        />
        <button className="btn btn-small btn-primary span-2" disabled={state.loading} data-testid="ai-describe">
          {state.loading ? <Working label="Writing…" /> : 'Write description'}
        </button>
      </form>
      {state.error && <p className="form-error">{state.error}</p>}
      {state.result && (
        <div className="ai-result" data-testid="ai-description">
          <Notice notice={state.result.notice} />
          <p className="ai-text">{state.result.text}</p>
          <CheckedText findings={state.result.findings} />
          <div className="ai-row">
            {target && editor.canEdit && editor.binding.canChange(target) ? (
              <button className="btn btn-small btn-primary" onClick={() => editor.setProps([target.id], { text: state.result!.text })}>
                Put in selected text
              </button>
            ) : (
              <button className="btn btn-small btn-primary" disabled={!editor.canEdit} onClick={() => addTextBox(state.result!.text)}>
                Add as text box
              </button>
            )}
            <button
              className="btn btn-small btn-ghost"
              onClick={() =>
                navigator.clipboard?.writeText(state.result!.text).then(
                  () => toasts.show('Copied', 'success'),
                  () => toasts.show('Could not copy', 'error'),
                )
              }
            >
              Copy
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The AI assistant: review copy, rewrite a text, write a listing description. */
export function AssistPanel({ c }: { c: ScoringController }) {
  const [provider, setProvider] = useState<AiProviderName | null>(null);
  useEffect(() => {
    let live = true;
    insightsApi
      .aiStatus()
      .then((s) => live && setProvider(s.provider))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="assist" data-testid="assist-panel">
      <div className="assist-provider">
        <span className={`tag tag-ai`}>{providerLabel(provider)}</span>
        <span className="muted">
          {provider === 'openai'
            ? 'Language model, checked by the rule engine'
            : provider === 'builtin'
              ? 'Built-in assistant (works offline)'
              : 'Connecting…'}
        </span>
      </div>
      <ReviewSection c={c} provider={provider} />
      <RewriteSection />
      <ListingSection c={c} />
    </div>
  );
}
