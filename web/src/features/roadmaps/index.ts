/** Roadmaps feature: list and import roadmaps, browse a roadmap's topic tree and a single topic. */
export { RoadmapsPage } from './components/RoadmapsPage';
export { RoadmapPage } from './components/RoadmapPage';
export { TopicPage } from './components/TopicPage';
