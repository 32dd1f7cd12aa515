import type { ReactNode } from 'react';
import type { TopicNode } from '../api/types';
import { ResourceList } from './ResourceList';

type HeadingLevel = 2 | 3 | 4;

interface TopicDetailsProps {
  topic: TopicNode;
  /** Section headings as h2–h4 on a page; plain labels (no heading) inside the tree. */
  headingLevel?: HeadingLevel;
  showDescription?: boolean;
}

/** Concepts, resources, build tasks and interview focus of one topic; empty sections are left out. */
export function TopicDetails({ topic, headingLevel, showDescription = true }: TopicDetailsProps) {
  return (
    <div className="topic-details">
      {showDescription && topic.description && <p className="topic-details__description">{topic.description}</p>}
      {topic.concepts.length > 0 && (
        <Section title="Concepts" headingLevel={headingLevel}>
          <ul className="chip-list">
            {topic.concepts.map((concept, index) => (
              <li key={`${concept}-${index}`} className="chip">
                {concept}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {topic.resources.length > 0 && (
        <Section title="Resources" headingLevel={headingLevel}>
          <ResourceList resources={topic.resources} />
        </Section>
      )}
      {topic.buildTasks.length > 0 && (
        <Section title="Build tasks" headingLevel={headingLevel}>
          <TextList items={topic.buildTasks} />
        </Section>
      )}
      {topic.interviewFocus.length > 0 && (
        <Section title="Interview focus" headingLevel={headingLevel}>
          <TextList items={topic.interviewFocus} />
        </Section>
      )}
    </div>
  );
}

/** True when a topic has anything {@link TopicDetails} would show. */
export function hasDetails(topic: TopicNode): boolean {
  return Boolean(
    topic.description ||
      topic.concepts.length ||
      topic.resources.length ||
      topic.buildTasks.length ||
      topic.interviewFocus.length,
  );
}

function Section({ title, headingLevel, children }: { title: string; headingLevel?: HeadingLevel; children: ReactNode }) {
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;
  return (
    <div className="topic-section">
      {Heading ? <Heading className="topic-section__title">{title}</Heading> : <p className="topic-section__label">{title}</p>}
      {children}
    </div>
  );
}

function TextList({ items }: { items: string[] }) {
  return (
    <ul className="text-list">
      {items.map((item, index) => (
        <li key={`${item}-${index}`}>{item}</li>
      ))}
    </ul>
  );
}
