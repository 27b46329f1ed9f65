/**
 * The Prometheus text format (version 0.0.4), which prom-client and the Temporal SDK's exporter both write: one
 * family after another, each its `# HELP` and `# TYPE` lines and then its samples.
 */

/** The samples a family `x` may write besides `x` itself (histograms, summaries, counters). */
const SAMPLE_SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

/**
 * The family `line` belongs to: the one its `# HELP` / `# TYPE` declares, or for a sample the family declared above it
 * (`current`) when the sample is one of its own, else the sample's name (an untyped family); `current` for any other
 * line.
 */
function familyOf(line: string, current: string | undefined): string | undefined {
  const declared = /^#\s+(?:HELP|TYPE)\s+(\S+)/.exec(line);
  if (declared) return declared[1];
  const sample = /^([A-Za-z_:][A-Za-z0-9_:]*)/.exec(line)?.[1];
  if (!sample) return current;
  const ofCurrent =
    current !== undefined && (sample === current || SAMPLE_SUFFIXES.some((suffix) => sample === `${current}${suffix}`));
  return ofCurrent ? current : sample;
}

/**
 * Joins expositions into one. A family that an earlier part declares is dropped from the later ones, with its HELP,
 * TYPE and samples: the text format allows each family once (parsers refuse a second TYPE line), and the earlier
 * part (parkflow's own registry) is the one this process answers for.
 */
export function joinExpositions(parts: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const earlier = new Set(seen);
    let current: string | undefined;
    for (const line of part.split('\n')) {
      if (line.trim() === '') continue;
      current = familyOf(line, current);
      if (current !== undefined && earlier.has(current)) continue;
      if (current !== undefined) seen.add(current);
      kept.push(line);
    }
  }
  return kept.length > 0 ? `${kept.join('\n')}\n` : '';
}
