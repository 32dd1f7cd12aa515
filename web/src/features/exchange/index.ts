/** Exchange feature: a roadmap's or topic's cards exported for Anki (package or CSV) and cards imported from Anki. */
export { ExchangePanel, type ExchangePanelProps } from './components/ExchangePanel';
