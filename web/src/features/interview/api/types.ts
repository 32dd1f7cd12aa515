import type { ProblemDetail } from '../../../lib/problem';

/** Shapes of the mock interview endpoints under /api/interviews (see api/interview in the backend). */

export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ['concept', 'trade-off', 'design', 'scenario', 'debugging'] as const;
export type QuestionKind = (typeof KINDS)[number];

/** How many questions a session may ask, and how long an answer may be; the server rejects others with a 400. */
export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 15;
export const MAX_ANSWER_LENGTH = 10_000;

/** The passage a rubric point rests on. */
export interface Anchor {
  chunkId: string;
  url: string;
  title: string;
  headingPath: string[];
  page: number | null;
  quote: string;
}

export type Verdict = 'covered' | 'partial' | 'missed';

export interface Point {
  index: number;
  point: string;
  verdict: Verdict;
  /** The learner's sentence that covers the point, or null. */
  evidence: string | null;
  anchor: Anchor;
}

/** A score from 0 to 4 (overall may have one decimal) and why. */
export interface Part {
  score: number;
  reason: string;
}

export type GradingMode = 'offline' | 'llm';

export interface Score {
  correctness: Part;
  depth: Part;
  tradeoffs: Part;
  communication: Part;
  overall: Part;
  mode: GradingMode;
  /** Something to tell the learner about the grading, e.g. that it was done offline. */
  note: string | null;
}

/** A `[n]` marker of the reference answer resolved to a passage. */
export interface Citation {
  n: number;
  chunkId: string;
  url: string;
  title: string;
  headingPath: string[];
  page: number | null;
}

export interface Result {
  answer: string;
  durationMs: number;
  mode: GradingMode;
  model: string | null;
  points: Point[];
  score: Score;
  reference: { text: string; citations: Citation[] };
  followupId: string | null;
}

export type QuestionStatus = 'pending' | 'answered' | 'skipped';

export interface Question {
  id: string;
  position: number;
  /** The question a follow-up follows up on; null for the session's own questions. */
  parentId: string | null;
  kind: QuestionKind;
  level: Level;
  topicId: string;
  topicTitle: string;
  origin: 'interview-line' | 'concept' | 'build-task' | 'follow-up';
  text: string;
  status: QuestionStatus;
  /** The autosaved answer not yet submitted. */
  draft: string | null;
  /** Which sources the question drew on. */
  sources: { title: string; url: string }[];
  /** True when the topic had too little material and other roadmaps' sources were used. */
  broadened: boolean;
  /** Only once answered. */
  result: Result | null;
}

export interface InterviewScope {
  kind: 'topic' | 'roadmap';
  id: string;
  title: string;
  roadmapId: string;
}

export interface Session {
  id: string;
  scope: InterviewScope;
  level: Level;
  kinds: QuestionKind[];
  status: 'active' | 'ended';
  createdAt: string;
  endedAt: string | null;
  /** E.g. fewer questions than asked could be grounded. */
  notice: string | null;
  questions: Question[];
}

/** `POST /api/interviews`: exactly one of `topicId` and `roadmapId`. */
export interface NewInterview {
  topicId?: string;
  roadmapId?: string;
  level?: Level;
  questions?: number;
  kinds?: QuestionKind[];
}

/** One past session in `GET /api/interviews?roadmapId=…`. */
export interface SessionSummary {
  id: string;
  scope: InterviewScope;
  level: Level;
  status: Session['status'];
  createdAt: string;
  questions: number;
  answered: number;
  overall: number | null;
}

export interface DoneEvent {
  questionId: string;
  mode: GradingMode;
  model: string | null;
  overall: number;
  durationMs: number;
}

/** One event of an answer's grading stream, in this order: points, score, reference tokens and citations, follow-up, done. */
export type AnswerEvent =
  | { type: 'point'; data: Point }
  | { type: 'score'; data: Score }
  | { type: 'reference'; data: { text: string } }
  | { type: 'citation'; data: Citation }
  | { type: 'followup'; data: Question }
  | { type: 'done'; data: DoneEvent }
  | { type: 'failed'; data: ProblemDetail };

export interface MissedPoint {
  index: number;
  point: string;
  verdict: 'missed' | 'partial';
  anchor: Anchor;
}

export interface ReportQuestion {
  id: string;
  position: number;
  parentId: string | null;
  kind: QuestionKind;
  text: string;
  topicId: string;
  topicTitle: string;
  status: QuestionStatus;
  durationMs: number | null;
  score: Score | null;
  missed: MissedPoint[];
}

export interface Report {
  sessionId: string;
  scope: InterviewScope;
  level: Level;
  status: Session['status'];
  overall: { score: number | null; answered: number; skipped: number; pending: number };
  questions: ReportQuestion[];
  /** Lowest first. */
  weakestTopics: { topicId: string; title: string; overall: number; answered: number }[];
  studyNext: { topicId: string; topicTitle: string; point: string; anchor: Anchor }[];
}

export interface CardsMade {
  created: number;
  duplicates: number;
  cards: { id: string; front: string }[];
}
