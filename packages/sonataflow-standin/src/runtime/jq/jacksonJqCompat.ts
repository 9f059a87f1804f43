/**
 * SonataFlow evaluates expressions with jackson-jq, which accepts object
 * values that real jq only takes in parentheses, e.g.
 * `{ "message": "Project " + .name + " active" }`. Workflows written for
 * SonataFlow rely on it, so when jq rejects an expression we retry it with
 * every object value wrapped in `( )` — which changes nothing for programs jq
 * already accepts.
 */
export function parenthesizeObjectValues(src: string): string {
  let out = '';
  const stack: Array<{ type: string; valueStart: number | null }> = [];
  const wrapValue = (frame: { valueStart: number | null }) => {
    if (frame.valueStart === null) return;
    const value = out.slice(frame.valueStart);
    if (value.trim()) out = `${out.slice(0, frame.valueStart)}(${value})`;
    frame.valueStart = null;
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      const end = skipString(src, i);
      out += src.slice(i, end);
      i = end;
      continue;
    }
    if (c === '#') {
      const nl = src.indexOf('\n', i);
      const end = nl < 0 ? src.length : nl;
      out += src.slice(i, end);
      i = end;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{' || c === '(' || c === '[') {
      stack.push({ type: c, valueStart: null });
    } else if (c === '}' || c === ')' || c === ']') {
      if (top?.type === '{') wrapValue(top);
      stack.pop();
    } else if (top?.type === '{' && c === ':' && top.valueStart === null) {
      out += c;
      top.valueStart = out.length;
      i++;
      continue;
    } else if (top?.type === '{' && c === ',') {
      wrapValue(top);
    }
    out += c;
    i++;
  }
  return out;
}

/** Index just past the string literal starting at `start`, honouring escapes and `\( ... )`. */
function skipString(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '(') {
      i = skipInterpolation(src, i + 2);
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i + 1;
    i++;
  }
  return src.length;
}

function skipInterpolation(src: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < src.length && depth > 0) {
    const c = src[i];
    if (c === '"') {
      i = skipString(src, i);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    i++;
  }
  return i;
}
