import type { RatingQueueView } from '../../../../../src/core/experiments/rating.js';

const VALUES = [1, 2, 3, 4, 5] as const;

interface RatingsListProps {
  ratings: RatingQueueView['ratings'];
  busy: boolean;
  onChange: (token: string, value: number) => void;
}

/** The ratings given so far, the most recent first, each still changeable until the rating is finished. */
export function RatingsList({ ratings, busy, onChange }: RatingsListProps) {
  return (
    <ul className="rated">
      {ratings.map((rating) => (
        <li key={rating.token} className="rated__item">
          <span className="rated__text">{rating.text}</span>
          <select
            className="select rated__value"
            aria-label={`Rating for: ${rating.text}`}
            value={rating.value}
            disabled={busy}
            onChange={(event) => onChange(rating.token, Number(event.target.value))}
          >
            {VALUES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ul>
  );
}
