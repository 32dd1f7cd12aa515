import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TopicNode } from '../api/types';
import { plural } from './format';
import { KindBadge } from './KindBadge';
import { TopicDetails, hasDetails } from './TopicDetails';

/**
 * The nested topics of a roadmap as disclosure lists. Top-level topics start expanded and everything
 * deeper starts collapsed, so a roadmap with 60+ topics stays scannable; "Expand all" opens everything.
 * A collapsed topic renders neither its details nor its children. `renderBadge` adds what another feature knows
 * about a topic (its card count) after its title.
 */
export function TopicTree({ topics, renderBadge }: { topics: TopicNode[]; renderBadge?: (topicId: string) => ReactNode }) {
  const treeId = useId();
  const expandable = useMemo(() => expandableIds(topics), [topics]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => initiallyExpanded(topics));
  const allExpanded = expandable.length > 0 && expandable.every((id) => expanded.has(id));

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (topics.length === 0) {
    return <p className="muted">This roadmap has no topics.</p>;
  }

  return (
    <div className="topic-tree">
      {expandable.length > 0 && (
        <div className="topic-tree__toolbar">
          <button
            type="button"
            className="button button--secondary"
            data-testid="toggle-all"
            aria-controls={treeId}
            onClick={() => setExpanded(allExpanded ? new Set() : new Set(expandable))}
          >
            {allExpanded ? 'Collapse all' : 'Expand all'}
          </button>
        </div>
      )}
      <ul id={treeId} className="topic-list topic-list--root" aria-label="Topics">
        {topics.map((topic) => (
          <TopicTreeNode key={topic.id} topic={topic} expanded={expanded} onToggle={toggle} renderBadge={renderBadge} />
        ))}
      </ul>
    </div>
  );
}

interface TopicTreeNodeProps {
  topic: TopicNode;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  renderBadge?: (topicId: string) => ReactNode;
}

function TopicTreeNode({ topic, expanded, onToggle, renderBadge }: TopicTreeNodeProps) {
  const bodyId = useId();
  const canExpand = isExpandable(topic);
  const isOpen = canExpand && expanded.has(topic.id);

  return (
    <li className="topic-node" data-testid="topic-node" data-kind={topic.kind}>
      <div className="topic-node__header">
        {canExpand ? (
          <button
            type="button"
            className="topic-node__toggle"
            aria-expanded={isOpen}
            aria-controls={bodyId}
            aria-label={`Toggle ${topic.title}`}
            onClick={() => onToggle(topic.id)}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="topic-node__toggle topic-node__toggle--leaf" aria-hidden="true">
            •
          </span>
        )}
        <Link className="topic-node__title" data-testid="topic-title" to={`/topics/${encodeURIComponent(topic.id)}`}>
          {topic.title}
        </Link>
        <KindBadge kind={topic.kind} />
        {renderBadge?.(topic.id)}
        {!isOpen && <span className="topic-node__summary">{summary(topic)}</span>}
      </div>
      {isOpen && (
        <div id={bodyId} className="topic-node__body">
          {hasDetails(topic) && <TopicDetails topic={topic} />}
          {topic.children.length > 0 && (
            <ul className="topic-list">
              {topic.children.map((child) => (
                <TopicTreeNode key={child.id} topic={child} expanded={expanded} onToggle={onToggle} renderBadge={renderBadge} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

function isExpandable(topic: TopicNode): boolean {
  return topic.children.length > 0 || hasDetails(topic);
}

function expandableIds(topics: TopicNode[]): string[] {
  const ids: string[] = [];
  const visit = (nodes: TopicNode[]) => {
    for (const node of nodes) {
      if (isExpandable(node)) ids.push(node.id);
      visit(node.children);
    }
  };
  visit(topics);
  return ids;
}

function initiallyExpanded(topics: TopicNode[]): Set<string> {
  return new Set(topics.filter(isExpandable).map((topic) => topic.id));
}

function summary(topic: TopicNode): string {
  const parts: string[] = [];
  if (topic.children.length > 0) parts.push(plural(topic.children.length, 'subtopic'));
  if (topic.resources.length > 0) parts.push(plural(topic.resources.length, 'resource'));
  return parts.join(' · ');
}
