/** Interview feature: mock interviews on a topic or roadmap, graded against a rubric grounded in its sources, with a report. */
export { InterviewPanel, type InterviewPanelProps } from './components/InterviewPanel';
export { InterviewPage } from './components/InterviewPage';
