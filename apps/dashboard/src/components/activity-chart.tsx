import type { Activity } from '../api/types';
import { plural } from '../lib/format';

const HEIGHT = 120;
const SLOT = 16;

/** Activations started and failed per UTC day as grouped bars, with a summary and a table for screen readers. */
export function ActivityChart({ activity }: { activity: Activity }) {
  const { points } = activity;
  const max = Math.max(1, ...points.map((p) => Math.max(p.started, p.failed)));
  const started = points.reduce((sum, p) => sum + p.started, 0);
  const failed = points.reduce((sum, p) => sum + p.failed, 0);
  const summary = `${plural(started, 'activation')} started and ${failed.toLocaleString('en-US')} failed over the last ${activity.days} days`;
  const busy = points.filter((p) => p.started > 0 || p.failed > 0);
  const width = Math.max(1, points.length) * SLOT;
  return (
    <figure className="chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title" className="chart-title">
          Activations, last {activity.days} days
        </h2>
        <p className="chart-legend" aria-hidden="true">
          <span className="legend legend-ok" /> started <span className="legend legend-fail" /> failed
        </p>
      </div>
      {started + failed === 0 ? (
        <p className="muted chart-empty">
          No activation in the last {activity.days} days. Merchants start one with Activate (or Reauthorize) in their
          Magento admin.
        </p>
      ) : (
        <>
          <div className="chart-plot">
            <span className="chart-max" aria-hidden="true">
              {max}
            </span>
            <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
              <line className="chart-base" x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
              {points.map((p, i) => {
                const ok = (p.started / max) * (HEIGHT - 8);
                const fail = (p.failed / max) * (HEIGHT - 8);
                return (
                  <g key={p.date}>
                    <title>{`${p.date}: ${p.started} started, ${p.failed} failed`}</title>
                    <rect className="bar-ok" x={i * SLOT + 2} y={HEIGHT - ok} width={6} height={ok} rx={1} />
                    <rect className="bar-fail" x={i * SLOT + 8} y={HEIGHT - fail} width={6} height={fail} rx={1} />
                  </g>
                );
              })}
            </svg>
          </div>
          <div className="chart-axis" aria-hidden="true">
            <span>{points[0]?.date}</span>
            <span>{points.at(-1)?.date}</span>
          </div>
          <table className="visually-hidden">
            <caption>Days with activations</caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Started</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {busy.map((p) => (
                <tr key={p.date}>
                  <th scope="row">{p.date}</th>
                  <td>{p.started}</td>
                  <td>{p.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <figcaption className="chart-summary">{summary} (UTC days).</figcaption>
    </figure>
  );
}
