import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import { getScopeTitle } from '../api/review-api';
import { RATINGS, type ReviewCard, type StudyScope } from '../api/types';
import { useReviewSession } from '../hooks/useReviewSession';
import { FinishedScreen } from './FinishedScreen';
import { countKey } from './format';
import { GradeBar } from './GradeBar';
import { QueueCounter } from './QueueCounter';
import { ReviewCardView } from './ReviewCardView';
import { ReviewSource } from './ReviewSource';

/** Renders an editor for `card`; it calls `close` with the stored card after a save, or null to leave it as it was. */
export type RenderCardEditor = (card: ReviewCard, close: (saved: ReviewCard | null) => void) => ReactNode;

export interface StudyPageProps {
  kind: StudyScope['kind'];
  /** The card editor (from the flashcards feature); without it E does nothing. */
  renderEditor?: RenderCardEditor;
}

/** The route `/roadmaps/:id/study` or `/topics/:id/study`: a fresh session for each roadmap or topic. */
export function StudyPage({ kind, renderEditor }: StudyPageProps) {
  const { id = '' } = useParams();
  return <ReviewScreen key={`${kind}:${id}`} scope={{ kind, id }} renderEditor={renderEditor} />;
}

/** Elements where keys belong to the element: typing, or a control that acts on Space and Enter itself. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
function actsOnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role=button], .review__source') !== null;
}

/**
 * Studying a roadmap or a topic with the keyboard or by tapping: the card's front, Space or Enter for the back, 1–4 to
 * grade (each button says the interval it gives), Z or Ctrl+Z to undo the last grade, E to edit the card, S to suspend
 * it, O to open its source passage (Escape closes it). No key is taken while the editor or another field has focus.
 */
export function ReviewScreen({ scope, renderEditor }: { scope: StudyScope; renderEditor?: RenderCardEditor }) {
  const session = useReviewSession(scope);
  const { state } = session;
  const title = useScopeTitle(scope);
  const [editing, setEditing] = useState(false);
  const [sourceOpen, setSourceOpen] = useState(false);
  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const sourceId = useId();
  const head = state.queue[0];
  const headKey = head ? `${head.card.id}#${head.item.ordinal}` : null;
  const backTo = `/${scope.kind === 'roadmap' ? 'roadmaps' : 'topics'}/${encodeURIComponent(scope.id)}`;
  const finished = state.status === 'ready' && !head && state.syncing === 0;

  useEffect(() => {
    document.title = `Study${title ? ` · ${title}` : ''} · Groundwork`;
  }, [title]);

  // a new card: close what belonged to the last one and put focus on the card
  useEffect(() => {
    setEditing(false);
    setSourceOpen(false);
    cardRef.current?.focus();
  }, [headKey]);
  useEffect(() => {
    if (state.revealed) (answerRef.current ?? cardRef.current)?.focus();
  }, [state.revealed]);

  const focusCard = () => cardRef.current?.focus();
  const startEditing = () => {
    if (head && renderEditor) {
      setSourceOpen(false);
      setEditing(true);
    }
  };
  const closeEditor = (saved: ReviewCard | null) => {
    if (saved) session.edited(saved);
    setEditing(false);
    requestAnimationFrame(focusCard);
  };
  const toggleSource = () => {
    if (!head) return;
    if (sourceOpen) {
      closeSource();
    } else if (head.card.anchor) {
      setSourceOpen(true);
    }
  };
  const closeSource = () => {
    setSourceOpen(false);
    focusCard();
  };

  // the shortcuts, read on the whole document so that they work wherever focus is on this screen
  const keys = { state, head, editing, sourceOpen, session, startEditing, toggleSource, closeSource };
  const latestKeys = useRef(keys);
  latestKeys.current = keys;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const k = latestKeys.current;
      if (event.defaultPrevented || event.isComposing || event.altKey || k.editing || isTyping(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (event.ctrlKey || event.metaKey) {
        if (key === 'z' && !event.shiftKey) {
          event.preventDefault();
          if (!event.repeat) void k.session.undo();
        }
        return;
      }
      if (event.repeat && key !== ' ') return;
      if (key === 'Escape' && k.sourceOpen) {
        k.closeSource();
        return;
      }
      if (key === ' ' || key === 'Enter') {
        if (actsOnEnter(event.target) || !k.head) return;
        event.preventDefault();
        if (!k.state.revealed && !event.repeat) k.session.reveal();
        return;
      }
      const grade = ['1', '2', '3', '4'].indexOf(key);
      if (grade >= 0) {
        if (k.head && k.state.revealed) {
          event.preventDefault();
          k.session.grade(RATINGS[grade]);
        }
        return;
      }
      const actions: Record<string, () => void> = {
        z: () => void k.session.undo(),
        e: k.startEditing,
        s: () => void k.session.suspend(),
        o: k.toggleSource,
      };
      const action = actions[key];
      if (action && !event.shiftKey) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="page review" data-testid="review-screen" data-finished={finished}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Roadmaps</Link>
          </li>
          <li>
            <Link to={backTo}>{title || (scope.kind === 'roadmap' ? 'Roadmap' : 'Topic')}</Link>
          </li>
          <li aria-current="page">Study</li>
        </ol>
      </nav>
      <header className="review__header">
        <h1 className="review__title">
          <span className="review__eyebrow">
            Study<span className="visually-hidden">{title ? ': ' : ''}</span>
          </span>
          {title}
        </h1>
        {state.status === 'ready' && <QueueCounter counts={state.counts} current={head ? countKey(head.schedule.state) : null} />}
      </header>

      {state.status === 'loading' && <Loading label="Loading the cards due…" />}
      {state.status === 'error' && <ErrorNotice title="Could not load the cards to study" message={errorMessage(state.loadError)} />}

      {head && (
        <div className={`review__stage${sourceOpen ? ' review__stage--with-source' : ''}`}>
          <div className="review__main">
            <ReviewCardView
              ref={cardRef}
              answerRef={answerRef}
              item={head}
              revealed={state.revealed}
              editor={editing && renderEditor ? renderEditor(head.card, closeEditor) : undefined}
            />
            {!editing && (
              <div className="review__answer-bar">
                {state.revealed ? (
                  <GradeBar item={head} onGrade={session.grade} />
                ) : (
                  <button type="button" className="button review__show" data-testid="show-answer" aria-keyshortcuts="Space Enter" onClick={session.reveal}>
                    Show answer <kbd>Space</kbd>
                  </button>
                )}
              </div>
            )}
            <div className="review__tools" role="group" aria-label="Card actions">
              <ToolButton label="Undo" shortcut="Z" testId="review-undo" disabled={state.history.length === 0} onClick={() => void session.undo()} />
              <ToolButton label="Edit" shortcut="E" testId="review-edit" disabled={!renderEditor || editing} onClick={startEditing} />
              <ToolButton label="Suspend" shortcut="S" testId="review-suspend" disabled={editing} onClick={() => void session.suspend()} />
              <ToolButton
                label="Source"
                shortcut="O"
                testId="review-open-source"
                disabled={!head.card.anchor || editing}
                title={head.card.anchor ? undefined : 'This card has no source passage'}
                expanded={sourceOpen}
                controls={sourceOpen ? sourceId : undefined}
                onClick={toggleSource}
              />
            </div>
          </div>
          {sourceOpen && head.card.anchor && <ReviewSource key={head.card.id} id={sourceId} cardId={head.card.id} onClose={closeSource} />}
        </div>
      )}

      {state.status === 'ready' && !head && state.syncing > 0 && <Loading label="Checking for more cards…" />}
      {finished && (
        <FinishedScreen
          tally={state.tally}
          nextDue={state.nextDue}
          backTo={backTo}
          backLabel={`Back to ${title || (scope.kind === 'roadmap' ? 'the roadmap' : 'the topic')}`}
          canUndo={state.history.length > 0}
          onUndo={() => void session.undo()}
          onCheckAgain={session.refill}
        />
      )}

      <p className={`review__notice${state.notice?.tone === 'error' ? ' review__notice--error' : ''}`} role="status" aria-live="polite" data-testid="review-notice">
        {state.notice?.text ?? ''}
      </p>
      {head && (
        <p className="meta review__keys" aria-hidden="true">
          Keys: <kbd>Space</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>Z</kbd> undo · <kbd>E</kbd> edit · <kbd>S</kbd> suspend ·{' '}
          <kbd>O</kbd> source · <kbd>Esc</kbd> close
        </p>
      )}
    </div>
  );
}

interface ToolButtonProps {
  label: string;
  shortcut: string;
  testId: string;
  disabled?: boolean;
  title?: string;
  expanded?: boolean;
  controls?: string;
  onClick: () => void;
}

function ToolButton({ label, shortcut, testId, disabled, title, expanded, controls, onClick }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="button button--secondary review__tool"
      data-testid={testId}
      aria-keyshortcuts={shortcut}
      aria-expanded={expanded}
      aria-controls={controls}
      disabled={disabled}
      title={title}
      onClick={onClick}
    >
      {label} <kbd aria-hidden="true">{shortcut}</kbd>
    </button>
  );
}

/** The studied roadmap's or topic's title; empty until loaded or when it cannot be. */
function useScopeTitle(scope: StudyScope): string {
  const [title, setTitle] = useState('');
  const { kind, id } = scope;
  useEffect(() => {
    const controller = new AbortController();
    getScopeTitle({ kind, id }, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setTitle(found);
      },
      () => {
        // the heading does without it
      },
    );
    return () => controller.abort();
  }, [kind, id]);
  return title;
}
