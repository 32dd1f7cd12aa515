import { useId } from 'react';
import type { ReviewStats } from '../api/types';
import { percent } from './format';

const STATES = [
  { key: 'new', label: 'New' },
  { key: 'learning', label: 'Learning' },
  { key: 'review', label: 'Review' },
  { key: 'relearning', label: 'Relearning' },
  { key: 'suspended', label: 'Suspended' },
] as const;

/** Cards by state, due today, reviews today, true retention, and the 30-day forecast as a bar chart. */
export function ReviewStatsView({ stats }: { stats: ReviewStats }) {
  const total = STATES.reduce((sum, { key }) => sum + (stats.states[key] ?? 0), 0);
  if (total === 0) {
    return (
      <p className="meta" data-testid="review-stats-empty">
        No cards to review yet: add flashcards to a topic and study them here.
      </p>
    );
  }
  const { retention } = stats;
  return (
    <div className="review-stats" data-testid="review-stats">
      <dl className="review-stats__figures">
        <Figure label="Due today" value={stats.dueToday} testId="stat-due-today" />
        <Figure label="Reviews today" value={stats.reviewsToday} testId="stat-reviews-today" />
        <Figure
          label="Retention"
          value={percent(retention.rate)}
          note={retention.reviews > 0 ? `${retention.passed} of ${retention.reviews} passed, ${retention.days} days` : `no learned cards reviewed in ${retention.days} days`}
          testId="stat-retention"
        />
      </dl>
      <div className="review-stats__states">
        <div className="state-bar" aria-hidden="true">
          {STATES.map(({ key }) =>
            stats.states[key] > 0 ? <span key={key} className={`state-bar__part state--${key}`} style={{ flexGrow: stats.states[key] }} /> : null,
          )}
        </div>
        <ul className="state-legend" aria-label="Cards by state" data-testid="stat-states">
          {STATES.map(({ key, label }) => (
            <li key={key} data-state={key}>
              <span className={`state-legend__swatch state--${key}`} aria-hidden="true" />
              {label} <strong>{stats.states[key] ?? 0}</strong>
            </li>
          ))}
        </ul>
      </div>
      <ForecastChart forecast={stats.forecast} />
    </div>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: number | string; note?: string; testId: string }) {
  return (
    <div className="review-stats__figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <span className="review-stats__value">{value}</span>
        {note && <span className="review-stats__note">{note}</span>}
      </dd>
    </div>
  );
}

const dayLabel = (date: string) =>
  new Date(`${date}T00:00:00`).toLocaleDateString('en', { weekday: 'short', day: 'numeric', month: 'short' });

/** Due cards per day for the next 30 days: plain SVG bars, today's first, with the numbers in a table for screen readers. */
export function ForecastChart({ forecast }: { forecast: ReviewStats['forecast'] }) {
  const captionId = useId();
  if (forecast.length === 0) return null;
  const max = Math.max(1, ...forecast.map((day) => day.due));
  const total = forecast.reduce((sum, day) => sum + day.due, 0);
  const width = forecast.length * 10;
  const height = 60;
  return (
    <figure className="forecast" data-testid="forecast">
      <figcaption id={captionId} className="forecast__caption">
        Due in the next {forecast.length} days <span className="meta">({total} in all)</span>
      </figcaption>
      <div className="forecast__plot">
        <span className="forecast__max" aria-hidden="true">
          {max}
        </span>
        <svg
          className="forecast__chart"
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={captionId}
          data-testid="forecast-chart"
        >
          <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="forecast__axis" />
          {forecast.map((day, index) => {
            const barHeight = day.due === 0 ? 0 : Math.max(1.5, (day.due / max) * (height - 2));
            return (
              <rect
                key={day.date}
                className={index === 0 ? 'forecast__bar forecast__bar--today' : 'forecast__bar'}
                x={index * 10 + 1.5}
                y={height - barHeight}
                width={7}
                height={barHeight}
                data-due={day.due}
              >
                <title>{`${dayLabel(day.date)}: ${day.due} due`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="forecast__ticks" aria-hidden="true">
        <span>Today</span>
        <span>{dayLabel(forecast[forecast.length - 1].date)}</span>
      </div>
      <table className="visually-hidden">
        <caption>Cards due per day</caption>
        <tbody>
          {forecast.map((day) => (
            <tr key={day.date}>
              <th scope="row">{dayLabel(day.date)}</th>
              <td>{day.due}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
