import { InterviewSetupForm } from './InterviewSetupForm';
import { PastSessions } from './PastSessions';

export type InterviewPanelProps = { kind: 'topic'; topicId: string; roadmapId: string } | { kind: 'roadmap'; roadmapId: string };

/** "Start a mock interview" on a topic or roadmap page, with the past sessions there and their scores. */
export function InterviewPanel(props: InterviewPanelProps) {
  return (
    <section className="card interview-panel" aria-labelledby="interview-panel-heading" data-testid="interview-panel">
      <h2 id="interview-panel-heading">Mock interview</h2>
      <p className="meta">Questions written from this {props.kind}’s sources, graded against a rubric with the passages it rests on.</p>
      <h3 className="interview-panel__subheading">Start a mock interview</h3>
      <InterviewSetupForm scope={props.kind === 'topic' ? { topicId: props.topicId } : { roadmapId: props.roadmapId }} />
      <h3 className="interview-panel__subheading">Past interviews</h3>
      <PastSessions roadmapId={props.roadmapId} topicId={props.kind === 'topic' ? props.topicId : undefined} />
    </section>
  );
}
