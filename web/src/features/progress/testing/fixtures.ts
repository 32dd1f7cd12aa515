import type { RoadmapCompletion, RoadmapProgress, TopicProgress } from '../api/types';

/** Test data shaped like the progress endpoints' answers; used by unit tests only. */

export const ROADMAP_ID = 'six-month-plan';

export function topicProgress(overrides: Partial<TopicProgress> & Pick<TopicProgress, 'topicId'>): TopicProgress {
  return {
    state: 'learning',
    mastery: 0.45,
    cards: { count: 12, inReview: 8, retrievability: 0.81 },
    interview: { answered: 3, recent: 2.5 },
    reason: 'Cards are being learned; the last interview answer scored 2.5 / 4.',
    ...overrides,
  };
}

export const roadmapProgress: RoadmapProgress = {
  roadmapId: ROADMAP_ID,
  completion: 0.375,
  counts: { notStarted: 1, learning: 1, solid: 1, needsRevision: 1 },
  topics: [
    topicProgress({ topicId: 'w1' }),
    topicProgress({ topicId: 'w2', state: 'solid', mastery: 0.92, reason: 'Recalled well and answered well.' }),
    topicProgress({ topicId: 'd1', state: 'needs-revision', mastery: 0.304, reason: 'Cards are being forgotten.' }),
    topicProgress({ topicId: 'p1', state: 'not-started', mastery: 0, cards: { count: 0, inReview: 0, retrievability: null }, interview: { answered: 0, recent: null }, reason: 'No cards or answers yet.' }),
  ],
};

export const completions: RoadmapCompletion[] = [{ roadmapId: ROADMAP_ID, completion: 0.375, counts: roadmapProgress.counts }];
