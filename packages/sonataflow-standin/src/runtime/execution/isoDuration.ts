/** ISO-8601 durations as Serverless Workflow uses them (PT2S, PT1M30S, P1D, PT0.5S). */
export function parseIsoDuration(text: string): number {
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      String(text).trim(),
    );
  if (
    !m ||
    text.trim().toUpperCase() === 'P' ||
    text.trim().toUpperCase() === 'PT'
  ) {
    throw new Error(`Invalid ISO-8601 duration '${text}'`);
  }
  const [, d, h, min, s] = m.map(v =>
    v === undefined ? 0 : Number(v),
  ) as number[];
  return Math.round(((d * 24 + h) * 60 + min) * 60_000 + s * 1000);
}
