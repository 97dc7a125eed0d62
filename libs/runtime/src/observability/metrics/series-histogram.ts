import { Histogram } from 'prom-client';

type LabelValues = Record<string, string | number>;

/** prom-client's values of one series of a histogram (what its `get()` reads). */
interface SeriesValues {
  labels: LabelValues;
  bucketValues: Record<number, number>;
  sum: number;
  count: number;
}

/**
 * prom-client's Histogram with a cheaper `observe` for a series it has seen before. Its own
 * `observe` validates the labels and hashes them on every call (~1.2–1.4 µs; a step observes
 * about seven times); here a series is looked up by a key the caller builds from its label values,
 * and its sum, count and bucket move as prom-client would move them. The values are prom-client's
 * own (the series is created by its `observe`), so exposition, `reset` and `zero` stay its own
 * (after either, the series are looked up again). A
 * differential test holds the exposition equal to a plain Histogram's.
 */
export class SeriesHistogram extends Histogram {
  private readonly known = new Map<string, SeriesValues>();
  /** The series map the known series belong to (`reset` replaces it). */
  private knownIn: object | undefined;

  /** `zero` replaces a series' values with new ones: the known ones are looked up again. */
  override zero(labels: LabelValues): void {
    super.zero(labels);
    this.known.clear();
  }

  observeSeries(key: string, labels: () => LabelValues, value: number): void {
    const all = (this as unknown as { hashMap: Record<string, SeriesValues> }).hashMap;
    if (all !== this.knownIn) {
      this.known.clear();
      this.knownIn = all;
    }
    const series = this.known.get(key);
    if (series === undefined || !Number.isFinite(value)) {
      const given = labels();
      this.observe(given, value);
      const created = Object.values(all).find((candidate) => sameLabels(candidate.labels, given));
      if (created) this.known.set(key, created);
      return;
    }
    series.sum += value;
    series.count += 1;
    // As prom-client: the first bound the value does not exceed; above them all, only `count` (+Inf).
    const bounds = (this as unknown as { upperBounds: readonly number[] }).upperBounds;
    for (const bound of bounds) {
      if (value <= bound) {
        series.bucketValues[bound] = (series.bucketValues[bound] ?? 0) + 1;
        return;
      }
    }
  }
}

function sameLabels(a: LabelValues, b: LabelValues): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => String(a[key]) === String(b[key]));
}
