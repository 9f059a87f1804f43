import { Link, MarkdownContent } from '@backstage/core-components';
import { WorkflowOutputDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** Workflows write these URLs; only web links are followed (no `javascript:` and friends). */
export function isSafeLink(value: string): boolean {
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const asText = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** One output of a WorkflowResult, rendered by its declared format. */
export const OutputValue = ({ output }: { output: WorkflowOutputDTO }) => {
  const { value } = output;
  switch (output.format) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return (
        <span data-format="number">
          {Number.isFinite(n) ? n.toLocaleString() : asText(value)}
        </span>
      );
    }
    case 'link': {
      const href = asText(value);
      return isSafeLink(href) ? (
        <Link to={href} data-format="link">
          {href}
        </Link>
      ) : (
        <span data-format="text">{href}</span>
      );
    }
    case 'markdown':
      return (
        <div data-format="markdown">
          <MarkdownContent content={asText(value)} />
        </div>
      );
    default:
      return (
        <span data-format="text" style={{ whiteSpace: 'pre-wrap' }}>
          {asText(value)}
        </span>
      );
  }
};
