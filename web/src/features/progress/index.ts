/** Progress feature: each topic's state and mastery, and how complete each roadmap is. */
export { ProgressProvider, RoadmapProgressSummary, TopicProgressBadge, TopicProgressPanel } from './components/TopicProgress';
export { RoadmapCompletion, RoadmapCompletionsProvider } from './components/RoadmapCompletion';
