import type { WeeklyReview, WeeklyReviewInput } from '../../../../src/core/plans/review.js';
import type { ReviewHistory, ReviewPrompts, WeeklyReviewPage } from '../../../../src/core/plans/views.js';
import { request, searchQuery } from '../../shared/api/client.js';

export const reviewApi = {
  reviewPrompts(signal?: AbortSignal) {
    return request<ReviewPrompts>('GET', '/reviews/prompts', undefined, signal);
  },
  week(week: string | undefined, signal?: AbortSignal) {
    return request<WeeklyReviewPage>('GET', `/reviews/weekly${searchQuery({ week })}`, undefined, signal);
  },
  submitWeekly(input: WeeklyReviewInput) {
    return request<WeeklyReview>('POST', '/reviews/weekly', input);
  },
  reviewHistory(signal?: AbortSignal) {
    return request<ReviewHistory>('GET', '/reviews', undefined, signal);
  },
};
