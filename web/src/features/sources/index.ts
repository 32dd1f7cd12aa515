/** Sources feature: the links, files and notes learners add to a topic, and the form to add one. */
export { SourcesPanel } from './components/SourcesPanel';
