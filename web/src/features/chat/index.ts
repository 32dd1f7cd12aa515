/** Chat feature: ask questions about a topic's or a roadmap's sources and read cited, streamed answers. */
export { ChatPanel, type ChatPanelProps } from './components/ChatPanel';
